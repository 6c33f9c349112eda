import { useEffect, useState } from 'react';
import { assignableUsers, assignDossier, claimDossier, releaseDossier } from '../../api/dossiers';
import { describeError } from '../../api/errors';
import type { AssignablePerson, Dossier } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { SelectField } from '../../components/Field';

/**
 * Who works the dossier at its current step (issue #15): the holder by full name; claim or
 * release it; a leader of the step's department gives it to one of the department's handlers.
 */
export function AssignmentPanel({ dossier, onChanged }: { dossier: Dossier; onChanged(next: Dossier): void | Promise<void> }) {
  const [people, setPeople] = useState<AssignablePerson[]>([]);
  const [chosen, setChosen] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canAssign = dossier.assignmentActions.includes('ASSIGN');

  useEffect(() => {
    if (!canAssign) return;
    const abort = new AbortController();
    assignableUsers(dossier.id, abort.signal).then(setPeople, () => setPeople([]));
    return () => abort.abort();
  }, [dossier.id, canAssign]);

  const run = async (action: () => Promise<Dossier>) => {
    setPending(true);
    try {
      const next = await action();
      setError(null);
      setChosen('');
      await onChanged(next);
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="card" aria-labelledby="assignment-title">
      <h2 id="assignment-title">Người xử lý</h2>
      <p data-testid="assignee">{dossier.assignee ? dossier.assignee.fullName : 'Chưa giao cho ai'}</p>
      <ErrorAlert message={error} />
      <div className="form-actions">
        {dossier.assignmentActions.includes('CLAIM') && (
          <button type="button" className="button button--primary" disabled={pending} onClick={() => void run(() => claimDossier(dossier.id, dossier.version))}>
            Nhận xử lý
          </button>
        )}
        {dossier.assignmentActions.includes('RELEASE') && (
          <button type="button" className="button" disabled={pending} onClick={() => void run(() => releaseDossier(dossier.id, dossier.version))}>
            Trả lại, bỏ nhận xử lý
          </button>
        )}
      </div>
      {canAssign && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) void run(() => assignDossier(dossier.id, dossier.version, chosen));
          }}
        >
          <SelectField label="Giao cho" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">Chọn người trong đơn vị…</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName}
                {p.title ? ` (${p.title})` : ''}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button" disabled={pending || !chosen}>
            Giao xử lý
          </button>
        </form>
      )}
    </section>
  );
}
