import { DOSSIER_EVENT_TYPES, RETURN_METHODS } from './dossier.types';
import type { DossierEvent, DossierEventType } from './dossier.types';
import { createEventParser, noteOf, oneOf, reasonOf } from './payload-fields';
import type { Problems, RawEvent } from './payload-fields';
import type { ParsedEvent as GenericParsedEvent } from './workflow.types';

export { MAX_TEXT_LENGTH } from './payload-fields';

/** Outcome of `parseDossierEvent`: a clean event, or why the payload is malformed. */
export type ParsedEvent = GenericParsedEvent<DossierEvent>;

// Extended ISO-8601 date-time with a mandatory UTC offset: an instant, not a local time.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Gregorian month length (not via `Date`, which maps years 0–99 to 1900–1999). */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * True for an ISO-8601 instant such as `2025-03-31T17:00:00+07:00` or `2025-03-31T10:00Z`.
 * Checks the calendar too: `Date.parse` silently rolls 30 February over to 1 March.
 */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_INSTANT.exec(value);
  if (match === null) return false;
  // Unmatched optional groups (seconds, offset of a `Z` instant) are undefined at runtime: count them as 0.
  const [, year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match.map((part) => Number(part ?? 0));
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
}

function newAppointmentOf(raw: RawEvent, problems: Problems): string {
  if (isIsoInstant(raw.newAppointment)) return raw.newAppointment;
  problems.push('newAppointment must be an ISO-8601 instant with a UTC offset, e.g. 2025-03-31T17:00:00+07:00');
  return '';
}

/** Builds the clean event for a known type; fields outside the contract are dropped. */
function buildEvent(type: DossierEventType, raw: RawEvent, problems: Problems): DossierEvent {
  switch (type) {
    case 'ACCEPT':
    case 'COMPLETE_DIGITISATION':
      return { type };
    case 'FORWARD':
    case 'SUPPLEMENT_RECEIVED':
    case 'ISSUE_RESULT':
      return { type, ...noteOf(raw, problems) };
    case 'REJECT':
    case 'SEND_BACK':
    case 'REQUEST_SUPPLEMENT':
    case 'REFUSE':
    case 'STOP':
    case 'WITHDRAW':
      return { type, reason: reasonOf(raw, problems) };
    case 'RETURN_RESULT':
      return { type, method: oneOf(raw, 'method', RETURN_METHODS, 'counter', problems) };
    case 'APOLOGISE':
      return { type, reason: reasonOf(raw, problems), newAppointment: newAppointmentOf(raw, problems) };
  }
}

/**
 * Validates an event as received from outside (it may be anything at runtime) and returns
 * a copy holding only the contract's fields — so nothing else (an `actor` field, say) can
 * ride along into the machine.
 */
export const parseDossierEvent: (raw: unknown) => ParsedEvent = createEventParser(DOSSIER_EVENT_TYPES, buildEvent);
