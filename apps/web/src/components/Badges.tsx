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

/** Deadline flag while the dossier is open, its outcome once processing ended. */
export function DossierBadges({ dossier }: { dossier: Pick<Dossier, 'deadlineStatus' | 'outcome' | 'processingEndedAt'> }) {
  if (dossier.outcome) return <OutcomeBadge outcome={dossier.outcome} />;
  if (dossier.processingEndedAt) return null;
  // Only the flags that ask for attention; "on track" is the quiet default.
  return dossier.deadlineStatus && dossier.deadlineStatus !== 'on_track' ? <DeadlineBadge status={dossier.deadlineStatus} /> : null;
}
