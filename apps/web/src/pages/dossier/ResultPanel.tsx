import { useEffect, useState, type FormEvent } from 'react';
import { blobUrl } from '../../components/open-file';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { uploadResult, verifyFile } from '../../api/files';
import type { DossierFile, ResultMode, SignatureEntry, SignatureRecord } from '../../api/types';
import { checkFile, PDF_ACCEPT } from '../../components/file-rules';
import { FileDrop } from '../../components/FileDrop';
import { SignatureList } from '../../components/SignatureList';
import { SignatureVerdict } from '../../components/SignatureVerdict';
import { UploadProgress } from '../../components/UploadProgress';
import { formatDateTime } from '../../format/datetime';
import { signatureReasonLabel } from '../../format/labels';

const MODES: { value: ResultMode; label: string; hint: string }[] = [
  { value: 'sign', label: 'Hệ thống ký số', hint: 'Hệ thống ký tệp bằng chứng thư số của cơ quan.' },
  { value: 'signed', label: 'Tệp đã được ký số', hint: 'Tệp đã ký ở nơi khác (ví dụ bằng USB token); hệ thống kiểm tra chữ ký.' },
];

/**
 * The result document: upload it (signed by the service, or already signed), see the
 * signature verdict, re-verify a stored result. Only for users who may issue the result.
 */
export function ResultPanel({ dossierId, results, canUpload, onAdded }: {
  dossierId: string;
  results: readonly DossierFile[];
  /** The user may issue the result now (ISSUE_RESULT allowed). */
  canUpload: boolean;
  onAdded(file: DossierFile): void;
}) {
  const [mode, setMode] = useState<ResultMode>('sign');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // Signing by the service: the signer sees the very PDF first and confirms (issue #15).
  const [confirmed, setConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  useEffect(() => {
    setConfirmed(false);
    setConfirmError(null);
    setPreviewUrl(file && mode === 'sign' ? blobUrl(file) : null);
  }, [file, mode]);
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<{ message: string; reasons: string[]; signatures: SignatureEntry[] } | null>(null);
  const [checks, setChecks] = useState<Record<string, { at: Date; signature: SignatureRecord } | { at: Date; error: string }>>({});
  const [checking, setChecking] = useState<string | null>(null);

  const choose = (files: File[]) => {
    const chosen = files[0];
    const problem = checkFile(chosen, ['application/pdf']);
    setFailure(null);
    setFileError(problem);
    setFile(problem ? null : chosen);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (progress !== null) return;
    if (!file) {
      setFileError('Vui lòng chọn tệp kết quả (PDF).');
      return;
    }
    if (mode === 'sign' && !confirmed) {
      setConfirmError('Vui lòng xem nội dung tệp và xác nhận trước khi ký số.');
      return;
    }
    setFailure(null);
    setProgress(0);
    try {
      const stored = await uploadResult(dossierId, mode, file, { onProgress: setProgress });
      setFile(null);
      onAdded(stored);
    } catch (err) {
      const details = err instanceof ApiError ? err.body?.details : undefined;
      const reasons = Array.isArray(details?.reasons) ? (details!.reasons as unknown[]).map(String) : [];
      const signatures = Array.isArray(details?.signatures) ? (details!.signatures as SignatureEntry[]) : [];
      setFailure({ message: describeError(err).message, reasons, signatures });
    } finally {
      setProgress(null);
    }
  };

  const recheck = async (id: string) => {
    setChecking(id);
    try {
      const signature = await verifyFile(id);
      setChecks((all) => ({ ...all, [id]: { at: new Date(), signature } }));
    } catch (err) {
      setChecks((all) => ({ ...all, [id]: { at: new Date(), error: describeError(err).message } }));
    } finally {
      setChecking(null);
    }
  };

  return (
    <section className="card" aria-labelledby="result-title">
      <h2 id="result-title">Kết quả giải quyết</h2>
      {results.length === 0 && <p className="muted">Chưa có tệp kết quả.</p>}
      <ul className="result-list">
        {results.map((r) => {
          const check = checks[r.id];
          return (
            <li key={r.id} className="result-item">
              <p>
                <span className="file-name">{r.fileName}</span> <span className="muted">— tải lên {formatDateTime(r.uploadedAt)}</span>
              </p>
              <SignatureVerdict signature={r.signature} />
              <div className="form-actions">
                <button type="button" className="button button--small" onClick={() => void recheck(r.id)} disabled={checking === r.id} aria-label={`Kiểm tra lại chữ ký số của tệp ${r.fileName}`}>
                  {checking === r.id ? 'Đang kiểm tra…' : 'Kiểm tra lại chữ ký'}
                </button>
              </div>
              {check && 'signature' in check && <SignatureVerdict signature={check.signature} title={`kiểm tra lại lúc ${formatDateTime(check.at)}`} />}
              {check && 'error' in check && (
                <p className="alert alert--error" role="alert">
                  Không kiểm tra được chữ ký: {check.error}
                </p>
              )}
            </li>
          );
        })}
      </ul>

      {canUpload && (
        <form className="result-form" onSubmit={submit} noValidate aria-labelledby="result-form-title">
          <h3 id="result-form-title">{results.length ? 'Tải lên tệp kết quả khác' : 'Tải lên tệp kết quả'}</h3>
          <fieldset className="radio-group">
            <legend>Cách ký số</legend>
            {MODES.map((m) => (
              <div className="radio" key={m.value}>
                <input type="radio" id={`result-mode-${m.value}`} name="result-mode" value={m.value} checked={mode === m.value} onChange={() => setMode(m.value)} aria-describedby={`result-mode-${m.value}-hint`} />
                <label htmlFor={`result-mode-${m.value}`}>{m.label}</label>
                <span className="field-hint" id={`result-mode-${m.value}-hint`}>
                  {m.hint}
                </span>
              </div>
            ))}
          </fieldset>
          <FileDrop label="Tệp kết quả giải quyết (PDF)" accept={PDF_ACCEPT} onFiles={choose} error={fileError} disabled={progress !== null} />
          {file && <p>Đã chọn: <span className="file-name">{file.name}</span></p>}
          {previewUrl && file && (
            <div className="sign-preview">
              <iframe src={previewUrl} title={`Xem trước tệp sẽ ký số: ${file.name}`} className="file-preview__frame" />
              <div className={`field field--checkbox${confirmError ? ' field--invalid' : ''}`}>
                <input
                  id="result-sign-confirm"
                  type="checkbox"
                  checked={confirmed}
                  onChange={(e) => {
                    setConfirmed(e.target.checked);
                    setConfirmError(null);
                  }}
                  aria-invalid={confirmError ? true : undefined}
                  aria-describedby={confirmError ? 'result-sign-confirm-error' : undefined}
                />
                <label htmlFor="result-sign-confirm">Tôi đã xem nội dung tệp trên và đồng ý ký số bằng chứng thư số của cơ quan</label>
              </div>
              {confirmError && (
                <p className="field-error" id="result-sign-confirm-error">
                  {confirmError}
                </p>
              )}
            </div>
          )}
          {progress !== null && file && <UploadProgress fileName={file.name} fraction={progress} />}
          {failure && (
            <div className="alert alert--error" role="alert">
              <p>{failure.message}</p>
              {failure.reasons.length > 0 && (
                <ul>
                  {failure.reasons.map((r) => (
                    <li key={r}>{signatureReasonLabel(r)}</li>
                  ))}
                </ul>
              )}
              {failure.signatures.length > 0 && <SignatureList signatures={failure.signatures} />}
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={progress !== null} aria-busy={progress !== null}>
              {progress !== null ? 'Đang tải lên…' : mode === 'sign' ? 'Tải lên và ký số' : 'Tải lên và kiểm tra chữ ký'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
