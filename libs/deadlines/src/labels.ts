import type { DeadlineStatus, Outcome } from './dossier-clock';

/** The deadline flag in Vietnamese, as staff read it (worklist, exports). */
export const DEADLINE_STATUS_LABELS_VI: Record<DeadlineStatus, string> = {
  on_track: 'Trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
};

/** The outcome of processing in Vietnamese. */
export const OUTCOME_LABELS_VI: Record<Outcome, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
};
