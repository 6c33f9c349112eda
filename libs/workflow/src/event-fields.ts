import type { DossierEventType } from './dossier.types';

/** Optional payload fields an event may carry, besides `type`. */
export type DossierEventField = 'reason' | 'note' | 'method' | 'newAppointment';

/**
 * Which payload fields each dossier event takes (required ones are enforced by the event
 * parser). Adapters use it to refuse a field an event does not use instead of dropping it,
 * and UIs to know which form to show.
 */
export const DOSSIER_EVENT_FIELDS: Readonly<Record<DossierEventType, readonly DossierEventField[]>> = {
  ACCEPT: [],
  REJECT: ['reason'],
  COMPLETE_DIGITISATION: [],
  FORWARD: ['note'],
  SEND_BACK: ['reason'],
  REQUEST_SUPPLEMENT: ['reason'],
  SUPPLEMENT_RECEIVED: ['note'],
  ISSUE_RESULT: ['note'],
  RETURN_RESULT: ['method'],
  REFUSE: ['reason'],
  STOP: ['reason'],
  WITHDRAW: ['reason'],
  APOLOGISE: ['reason', 'newAppointment'],
};
