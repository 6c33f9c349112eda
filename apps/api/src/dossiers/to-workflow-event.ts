import { DOSSIER_EVENT_FIELDS, DossierEvent, DossierEventField } from '@motcua/workflow';
import { BadInputError } from '../common/errors';
import { DossierEventDto } from './dto/dossier-event.dto';

/** Turns the HTTP body into a workflow event, refusing fields the event does not use. */
export function toWorkflowEvent(dto: DossierEventDto): DossierEvent {
  const allowed = DOSSIER_EVENT_FIELDS[dto.type];
  const given = (['reason', 'note', 'method', 'newAppointment'] as DossierEventField[]).filter((f) => dto[f] !== undefined);
  const extra = given.filter((f) => !allowed.includes(f));
  if (extra.length > 0) {
    throw new BadInputError(`Event ${dto.type} does not take ${extra.join(', ')}`, { fields: extra });
  }
  const event: Record<string, unknown> = { type: dto.type };
  for (const f of given) event[f] = dto[f];
  return event as DossierEvent;
}
