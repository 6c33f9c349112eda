import { useId, useState, type ChangeEvent } from 'react';
import { describeError } from '../../api/errors';
import { checkFile, SCAN_ACCEPT } from '../../components/file-rules';
import { UploadProgress } from '../../components/UploadProgress';

type UploadState = { status: 'idle' } | { status: 'uploading'; fileName: string; fraction: number } | { status: 'done'; fileName: string } | { status: 'failed'; message: string };

/**
 * One component's file, chosen and sent at once with a progress bar (the citizen's online
 * submission and the supplement on the lookup page). `send` uploads; the server sniffs the bytes
 * and checks again.
 */
export function ComponentUpload({
  name,
  required,
  sentFileName,
  send,
  onSent,
}: {
  name: string;
  required: boolean;
  /** A file already sent for this component. */
  sentFileName?: string | null;
  send(file: File, onProgress: (fraction: number) => void): Promise<unknown>;
  onSent?(fileName: string): void;
}) {
  const id = useId();
  const [state, setState] = useState<UploadState>(sentFileName ? { status: 'done', fileName: sentFileName } : { status: 'idle' });

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const problem = checkFile(file);
    if (problem) {
      setState({ status: 'failed', message: problem });
      return;
    }
    setState({ status: 'uploading', fileName: file.name, fraction: 0 });
    try {
      await send(file, (fraction) => setState({ status: 'uploading', fileName: file.name, fraction }));
      setState({ status: 'done', fileName: file.name });
      onSent?.(file.name);
    } catch (err) {
      setState({ status: 'failed', message: describeError(err).message });
    }
  };

  return (
    <li className="component-upload" data-testid="component-upload">
      <label htmlFor={id} className="component-upload__name">
        {name}
        {required ? <span className="required-mark"> (bắt buộc)</span> : <span className="muted"> (nếu có)</span>}
      </label>
      <input id={id} type="file" accept={SCAN_ACCEPT} disabled={state.status === 'uploading'} onChange={(e) => void choose(e)} aria-describedby={`${id}-state`} />
      <div id={`${id}-state`} aria-live="polite">
        {state.status === 'uploading' && <UploadProgress fileName={state.fileName} fraction={state.fraction} />}
        {state.status === 'done' && (
          <p className="alert alert--ok" role="status">
            Đã tải lên «{state.fileName}».
          </p>
        )}
        {state.status === 'failed' && (
          <p className="alert alert--error" role="alert">
            {state.message}
          </p>
        )}
      </div>
    </li>
  );
}
