import { DOSSIER_EVENT_FIELDS, DossierEvent } from '@motcua/workflow';
import { eventFromBody } from '../workflow-records/event-body';
import { DossierEventDto } from './dto/dossier-event.dto';

/** Turns the HTTP body into a workflow event, refusing fields the event does not use. */
export function toWorkflowEvent(dto: DossierEventDto): DossierEvent {
  return eventFromBody<DossierEvent>(dto, ['reason', 'note', 'method', 'newAppointment'], DOSSIER_EVENT_FIELDS[dto.type]);
}
