import { useState, type FormEvent } from 'react';
import { sendEvent } from '../../api/dossiers';
import { describeError } from '../../api/errors';
import type { DossierListItem } from '../../api/types';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { TextField } from '../../components/Field';

/** Rows the workflow lets this user forward now (the server said so in `allowedEvents`). */
export const canForward = (d: DossierListItem) => d.allowedEvents.includes('FORWARD');

/**
 * Forwards the selected dossiers one by one, each with the version the list showed: a dossier
 * that changed meanwhile is refused by the server and listed with its reason; the others go on.
 */
export function BulkForward({ selected, onDone }: { selected: DossierListItem[]; onDone(): void }) {
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failures, setFailures] = useState<string[]>([]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending || selected.length === 0) return;
    setPending(true);
    setStatus(null);
    const failed: string[] = [];
    let done = 0;
    for (const d of selected) {
      try {
        await sendEvent(d.id, { type: 'FORWARD', expectedVersion: d.version, ...(note.trim() ? { note: note.trim() } : {}) });
        done += 1;
      } catch (error) {
        failed.push(`${d.code}: ${describeError(error).message}`);
      }
    }
    setFailures(failed);
    setStatus(`Đã chuyển bước ${done}/${selected.length} hồ sơ.`);
    setNote('');
    setPending(false);
    onDone();
  };

  return (
    <form className={selected.length > 0 || status ? 'card bulk-forward' : 'bulk-forward'} onSubmit={submit} aria-label="Chuyển bước nhiều hồ sơ">
      <StatusMessage message={status} />
      <ErrorAlert message={failures.length ? 'Một số hồ sơ chưa chuyển được:' : null} items={failures} />
      {selected.length > 0 && (
        <>
          <TextField label="Ghi chú chuyển bước cho các hồ sơ đã chọn (không bắt buộc)" value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
            {pending ? 'Đang chuyển…' : `Chuyển bước ${selected.length} hồ sơ đã chọn`}
          </button>
        </>
      )}
    </form>
  );
}
