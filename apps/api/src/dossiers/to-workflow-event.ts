import type { DossierEvent } from '@motcua/workflow';
import { BadInputError } from '../common/errors';
import { DossierEventDto } from './dto/dossier-event.dto';

type Field = 'reason' | 'note' | 'method' | 'newAppointment';

/** Optional fields each event takes (required ones are checked again by the workflow). */
const FIELDS: Record<DossierEvent['type'], Field[]> = {
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

/** Turns the HTTP body into a workflow event, refusing fields the event does not use. */
export function toWorkflowEvent(dto: DossierEventDto): DossierEvent {
  const allowed = FIELDS[dto.type];
  const given = (['reason', 'note', 'method', 'newAppointment'] as Field[]).filter((f) => dto[f] !== undefined);
  const extra = given.filter((f) => !allowed.includes(f));
  if (extra.length > 0) {
    throw new BadInputError(`Event ${dto.type} does not take ${extra.join(', ')}`, { fields: extra });
  }
  const event: Record<string, unknown> = { type: dto.type };
  for (const f of given) event[f] = dto[f];
  return event as DossierEvent;
}
