import { useEffect, useRef, useState } from 'react';
import { describeError } from '../../api/errors';
import { downloadFile } from '../../api/files';
import type { DossierFile, ProcedureComponent } from '../../api/types';
import { blobUrl } from '../../components/open-file';
import { OpenFileButton } from '../../components/OpenFileButton';
import { formatDateTime } from '../../format/datetime';
import { FILE_PURPOSE_LABELS, formatBytes } from '../../format/labels';
import { RemoveFileForm } from './RemoveFileForm';

interface Preview {
  file: DossierFile;
  url: string | null;
  error: string | null;
}

/** Every file of the dossier, with an inline preview (PDF or image) fetched with the token. */
export function FilesSection({ files, components, loaded, error, removable, onRemove }: {
  files: readonly DossierFile[];
  components: readonly ProcedureComponent[];
  loaded: boolean;
  error: string | null;
  /** Whether this user may remove the file now (a wrong scan at the counter, an unissued result). */
  removable?: (file: DossierFile) => boolean;
  onRemove?: (file: DossierFile, reason: string) => Promise<unknown>;
}) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [removing, setRemoving] = useState<DossierFile | null>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const seq = useRef(0);

  const previewId = preview?.file.id;
  useEffect(() => {
    if (previewId) previewRef.current?.focus();
  }, [previewId]);

  const show = async (file: DossierFile) => {
    const mine = ++seq.current;
    setPreview({ file, url: null, error: null });
    try {
      const { blob } = await downloadFile(file.id);
      if (mine === seq.current) setPreview({ file, url: blobUrl(blob), error: null });
    } catch (err) {
      if (mine === seq.current) setPreview({ file, url: null, error: describeError(err).message });
    }
  };

  const componentName = (key: string | null) => components.find((c) => c.key === key)?.name ?? key ?? '';

  return (
    <section className="card" aria-labelledby="files-title">
      <h2 id="files-title">Tệp của hồ sơ</h2>
      {error && (
        <p className="alert alert--error" role="alert">
          Không tải được danh sách tệp: {error}
        </p>
      )}
      {loaded && files.length === 0 && !error && <p className="muted">Hồ sơ chưa có tệp nào.</p>}
      {files.length > 0 && (
        <table className="dossier-table files-table">
          <caption className="visually-hidden">Các tệp của hồ sơ</caption>
          <thead>
            <tr>
              <th scope="col">Tệp</th>
              <th scope="col">Loại</th>
              <th scope="col">Tải lên</th>
              <th scope="col">Chữ ký số</th>
              <th scope="col">
                <span className="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.id}>
                <td>
                  <span className="file-name">{f.fileName}</span>
                  <div className="muted">
                    {formatBytes(f.size)}
                    {f.digitisationCode ? ` · mã số hóa ${f.digitisationCode}` : ''}
                    {f.reusedFrom ? ' · dùng lại từ kho dữ liệu' : ''}
                  </div>
                </td>
                <td>
                  {FILE_PURPOSE_LABELS[f.purpose] ?? f.purpose}
                  {f.purpose === 'component' && <div className="muted">{componentName(f.componentKey)}</div>}
                  {f.removed && (
                    <div className="muted">
                      Trước là: {FILE_PURPOSE_LABELS[f.removed.from] ?? f.removed.from}, gỡ lúc {formatDateTime(f.removed.at)}
                      {f.removed.reason ? ` — lý do: ${f.removed.reason}` : ''}
                    </div>
                  )}
                </td>
                <td>{formatDateTime(f.uploadedAt)}</td>
                <td>{f.signature ? (f.signature.valid ? <span className="badge badge--on_track">Hợp lệ</span> : <span className="badge badge--overdue">Không hợp lệ</span>) : <span className="muted">—</span>}</td>
                <td className="cell-actions">
                  <button type="button" className="button button--small" onClick={() => void show(f)} aria-label={`Xem trước tệp ${f.fileName}`} aria-pressed={preview?.file.id === f.id}>
                    Xem trước
                  </button>{' '}
                  <OpenFileButton className="button button--small" label="Mở thẻ mới" ariaLabel={`Mở tệp ${f.fileName} trong thẻ mới`} load={() => downloadFile(f.id)} />
                  {onRemove && removable?.(f) && (
                    <>
                      {' '}
                      <button type="button" className="button button--small button--danger" aria-label={`Gỡ bỏ tệp ${f.fileName}`} onClick={() => setRemoving(f)}>
                        Gỡ bỏ
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removing && onRemove && (
        <RemoveFileForm
          key={removing.id}
          file={removing}
          onCancel={() => setRemoving(null)}
          onRemove={async (reason) => {
            await onRemove(removing, reason);
            setRemoving(null);
          }}
        />
      )}
      {preview && (
        <div className="file-preview" ref={previewRef} tabIndex={-1} role="region" aria-label={`Xem trước: ${preview.file.fileName}`}>
          <div className="section-head">
            <h3>Xem trước: {preview.file.fileName}</h3>
            <button type="button" className="button button--small" onClick={() => setPreview(null)}>
              Đóng xem trước
            </button>
          </div>
          {preview.error && (
            <p className="alert alert--error" role="alert">
              {preview.error}
            </p>
          )}
          {!preview.url && !preview.error && <p className="muted">Đang tải tệp…</p>}
          {preview.url &&
            (preview.file.contentType.startsWith('image/') ? (
              <img src={preview.url} alt={`Bản quét ${preview.file.fileName}`} className="file-preview__image" />
            ) : (
              <iframe src={preview.url} title={`Nội dung tệp ${preview.file.fileName}`} className="file-preview__frame" />
            ))}
        </div>
      )}
    </section>
  );
}
