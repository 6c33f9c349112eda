import { ENDED_WITHOUT_RESULT } from '@motcua/workflow/vocabulary';
import type { DeadlineStatus, Dossier, Outcome } from '../api/types';
import { DEADLINE_LABELS, OUTCOME_LABELS } from '../format/labels';

export function DeadlineBadge({ status }: { status: DeadlineStatus | null | undefined }) {
  if (!status) return null;
  return <span className={`badge badge--${status}`}>{DEADLINE_LABELS[status]}</span>;
}

export function OutcomeBadge({ outcome }: { outcome: Outcome | null | undefined }) {
  if (!outcome) return null;
  return <span className={`badge badge--outcome-${outcome}`}>{OUTCOME_LABELS[outcome]}</span>;
}

/** Deadline flag while the dossier is open, its outcome once processing ended with a result. */
export function DossierBadges({ dossier }: { dossier: Pick<Dossier, 'state' | 'deadlineStatus' | 'outcome' | 'processingEndedAt'> }) {
  // Closed without a result: the clock's outcome is kept for the indicators, but "Trước hạn" on a
  // refusal would read as a success. The state label, shown next to the badges, says what happened.
  if (ENDED_WITHOUT_RESULT.includes(dossier.state)) return null;
  if (dossier.outcome) return <OutcomeBadge outcome={dossier.outcome} />;
  if (dossier.processingEndedAt) return null;
  // Only the flags that ask for attention; "on track" is the quiet default.
  return dossier.deadlineStatus && dossier.deadlineStatus !== 'on_track' ? <DeadlineBadge status={dossier.deadlineStatus} /> : null;
}
