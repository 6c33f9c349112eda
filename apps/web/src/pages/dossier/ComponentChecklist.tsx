import { useEffect, useState } from 'react';
import { describeError } from '../../api/errors';
import { downloadFile, listApplicantFiles, reuseComponentFile, uploadComponentFile } from '../../api/files';
import type { DossierFile, ProcedureComponent } from '../../api/types';
import { checkFile, SCAN_ACCEPT } from '../../components/file-rules';
import { FileDrop } from '../../components/FileDrop';
import { OpenFileButton } from '../../components/OpenFileButton';
import { UploadProgress } from '../../components/UploadProgress';
import { formatDate, formatDateTime } from '../../format/datetime';
import { FILE_PURPOSE_LABELS, formatBytes } from '../../format/labels';

interface Props {
  dossier: { id: string; code: string; applicant: { idNumber: string } };
  components: readonly ProcedureComponent[];
  files: readonly DossierFile[];
  /** False: show what is there, no upload (dossier no longer open for components, or not a clerk). */
  editable: boolean;
  onAdded(file: DossierFile): void;
  headingLevel?: 2 | 3;
}

interface Upload {
  id: number;
  name: string;
  fraction: number;
}

let uploadSeq = 0;

/**
 * The procedure's components, each with its files: scan upload (picker or drag and drop,
 * with progress), or reuse of a file from the applicant's data store.
 */
export function ComponentChecklist({ dossier, components, files, editable, onAdded, headingLevel = 2 }: Props) {
  const [store, setStore] = useState<DossierFile[]>([]);
  useEffect(() => {
    if (!editable) return;
    const controller = new AbortController();
    listApplicantFiles(dossier.applicant.idNumber, controller.signal).then(
      (all) => setStore(all.filter((f) => f.dossierId !== dossier.id)),
      () => setStore([]), // the store is a convenience: without it the clerk scans
    );
    return () => controller.abort();
  }, [editable, dossier.id, dossier.applicant.idNumber]);

  const componentFiles = files.filter((f) => f.purpose === 'component');
  const required = components.filter((c) => c.required);
  const requiredDone = required.filter((c) => componentFiles.some((f) => f.componentKey === c.key)).length;
  const Heading = `h${headingLevel}` as const;

  return (
    <section className="card checklist-card" aria-labelledby="checklist-title">
      <Heading id="checklist-title">Thành phần hồ sơ</Heading>
      <p className={requiredDone === required.length ? 'checklist-summary checklist-summary--done' : 'checklist-summary'} data-testid="checklist-summary">
        {required.length === 0
          ? 'Thủ tục không có thành phần bắt buộc.'
          : `Đã có tệp cho ${requiredDone}/${required.length} thành phần bắt buộc.`}
      </p>
      {editable && <p className="muted">Chỉ nhận tệp PDF, JPEG hoặc PNG. Có thể chọn nhiều tệp cho một thành phần (mỗi trang một tệp).</p>}
      <ol className="component-list">
        {components.map((c) => (
          <ComponentRow
            key={c.key}
            dossierId={dossier.id}
            component={c}
            files={componentFiles.filter((f) => f.componentKey === c.key)}
            store={store}
            editable={editable}
            onAdded={onAdded}
          />
        ))}
      </ol>
    </section>
  );
}

function ComponentRow({ dossierId, component, files, store, editable, onAdded }: {
  dossierId: string;
  component: ProcedureComponent;
  files: DossierFile[];
  store: DossierFile[];
  editable: boolean;
  onAdded(file: DossierFile): void;
}) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [reusing, setReusing] = useState<string | null>(null);
  const done = files.length > 0;
  const nameId = `component-${component.key}`;

  const send = async (chosen: File[]) => {
    const problems: string[] = [];
    for (const file of chosen) {
      const problem = checkFile(file);
      if (problem) {
        problems.push(problem);
        continue;
      }
      const upload: Upload = { id: ++uploadSeq, name: file.name, fraction: 0 };
      setUploads((all) => [...all, upload]);
      try {
        const stored = await uploadComponentFile(dossierId, component.key, file, {
          onProgress: (fraction) => setUploads((all) => all.map((u) => (u.id === upload.id ? { ...u, fraction } : u))),
        });
        onAdded(stored);
      } catch (err) {
        problems.push(`«${file.name}»: ${describeError(err).message}`);
      } finally {
        setUploads((all) => all.filter((u) => u.id !== upload.id));
      }
    }
    setErrors(problems);
  };

  const reuse = async (source: DossierFile) => {
    if (reusing) return;
    setReusing(source.id);
    try {
      onAdded(await reuseComponentFile(dossierId, component.key, source.id));
      setErrors([]);
    } catch (err) {
      setErrors([`«${source.fileName}»: ${describeError(err).message}`]);
    } finally {
      setReusing(null);
    }
  };

  // Same component of an earlier dossier first; the rest of the store behind a disclosure.
  const used = new Set(files.map((f) => f.reusedFrom).filter(Boolean));
  const offers = store.filter((f) => !used.has(f.id));
  const matching = offers.filter((f) => f.componentKey === component.key);
  const others = offers.filter((f) => f.componentKey !== component.key);

  return (
    <li className={`component ${done ? 'component--done' : component.required ? 'component--missing' : ''}`} aria-labelledby={nameId} data-component={component.key}>
      <div className="component-head">
        <span className="component-name" id={nameId}>
          {component.name}
        </span>
        <span className={component.required ? 'tag tag--required' : 'tag'}>{component.required ? 'Bắt buộc' : 'Nếu có'}</span>
        {(component.original || component.copies) ? (
          <span className="muted">
            {[component.original ? `${component.original} bản chính` : null, component.copies ? `${component.copies} bản sao` : null].filter(Boolean).join(', ')}
          </span>
        ) : null}
        <span className={`component-status ${done ? 'component-status--done' : ''}`}>
          {done ? `✓ Đã có ${files.length} tệp` : component.required ? 'Chưa có tệp' : 'Không bắt buộc'}
        </span>
      </div>
      {files.length > 0 && (
        <ul className="file-lines">
          {files.map((f) => (
            <li key={f.id}>
              <span className="file-name">{f.fileName}</span> <span className="muted">({formatBytes(f.size)}, {formatDateTime(f.uploadedAt)})</span>
              {f.digitisationCode && <span className="tag">Mã số hóa {f.digitisationCode}</span>}
              {f.reusedFrom && <span className="tag tag--reused">Dùng lại từ kho dữ liệu</span>}{' '}
              <OpenFileButton className="button button--small" label="Xem" ariaLabel={`Xem tệp ${f.fileName}`} load={() => downloadFile(f.id)} />
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <>
          <FileDrop label={`Tải lên bản quét: ${component.name}`} accept={SCAN_ACCEPT} multiple onFiles={(chosen) => void send(chosen)} error={errors.length ? errors.join(' ') : null} />
          {uploads.map((u) => (
            <UploadProgress key={u.id} fileName={u.name} fraction={u.fraction} />
          ))}
          {matching.length > 0 && (
            <div className="reuse">
              <p className="reuse-title">Có sẵn trong kho dữ liệu của công dân:</p>
              <ul className="file-lines">
                {matching.map((f) => (
                  <ReuseLine key={f.id} file={f} target={component.name} pending={reusing === f.id} onReuse={() => void reuse(f)} />
                ))}
              </ul>
            </div>
          )}
          {others.length > 0 && (
            <details className="reuse">
              <summary>Chọn tệp khác trong kho dữ liệu của công dân ({others.length})</summary>
              <ul className="file-lines">
                {others.map((f) => (
                  <ReuseLine key={f.id} file={f} target={component.name} pending={reusing === f.id} onReuse={() => void reuse(f)} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </li>
  );
}

function ReuseLine({ file, target, pending, onReuse }: { file: DossierFile; target: string; pending: boolean; onReuse(): void }) {
  return (
    <li>
      <span className="file-name">{file.fileName}</span>{' '}
      <span className="muted">
        ({FILE_PURPOSE_LABELS[file.purpose] ?? file.purpose}, {formatDate(file.uploadedAt)}
        {file.digitisationCode ? `, mã ${file.digitisationCode}` : ''})
      </span>{' '}
      <OpenFileButton className="button button--small" label="Xem" ariaLabel={`Xem tệp ${file.fileName}`} load={() => downloadFile(file.id)} />{' '}
      <button type="button" className="button button--small" onClick={onReuse} disabled={pending} aria-label={`Dùng lại tệp ${file.fileName} cho: ${target}`}>
        {pending ? 'Đang gắn…' : 'Dùng lại'}
      </button>
    </li>
  );
}
