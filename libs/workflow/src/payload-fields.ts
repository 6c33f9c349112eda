import type { ParsedEvent } from './workflow.types';

/**
 * Field readers shared by the event-payload validators of every workflow (`event-payload.ts`
 * for dossiers, `feedback.payload.ts` for feedback), and the parser skeleton they plug into.
 */

/** Longest accepted reason or note, in Unicode code points (what PostgreSQL's varchar(n) counts). */
export const MAX_TEXT_LENGTH = 2000;

export type RawEvent = Record<string, unknown>;

/** Problems found so far; field readers add to it and return a stand-in value, so every problem is reported at once. */
export type Problems = string[];

export function lengthInCodePoints(text: string): number {
  return Array.from(text).length;
}

/** A required, non-blank text of at most `max` code points, kept byte-exact (it is quoted back to people). */
export function requiredText(raw: RawEvent, field: string, problems: Problems, max = MAX_TEXT_LENGTH): string {
  const value = raw[field];
  if (typeof value !== 'string' || value.trim().length === 0) {
    problems.push(`${field} is required and must not be blank`);
    return '';
  }
  if (lengthInCodePoints(value) > max) problems.push(`${field} must be at most ${max} characters`);
  return value;
}

export function reasonOf(raw: RawEvent, problems: Problems): string {
  return requiredText(raw, 'reason', problems);
}

/** Returns `{ note }` when a note was given, `{}` otherwise, so absent notes stay absent in JSON. */
export function noteOf(raw: RawEvent, problems: Problems): { note?: string } {
  const { note } = raw;
  if (note === undefined) return {};
  if (typeof note !== 'string') {
    problems.push('note must be a string');
    return {};
  }
  if (lengthInCodePoints(note) > MAX_TEXT_LENGTH) problems.push(`note must be at most ${MAX_TEXT_LENGTH} characters`);
  return { note };
}

/**
 * An identifier (department code, dossier code): a non-blank string of at most `max` code points
 * without surrounding spaces — it is compared as is with other records, so ' PQLKH' would
 * silently match nothing.
 */
export function codeOf(raw: RawEvent, field: string, max: number, problems: Problems): string {
  const value = raw[field];
  if (typeof value !== 'string' || value.trim().length === 0 || value.trim() !== value || lengthInCodePoints(value) > max) {
    problems.push(`${field} must be a non-blank code of at most ${max} characters, without surrounding spaces`);
    return '';
  }
  return value;
}

/** One of `allowed`, or a problem and `fallback` as the stand-in. */
export function oneOf<V extends string>(raw: RawEvent, field: string, allowed: readonly V[], fallback: V, problems: Problems): V {
  const value = allowed.find((known) => known === raw[field]);
  if (value !== undefined) return value;
  problems.push(`${field} must be one of ${allowed.join(', ')}`);
  return fallback;
}

/**
 * A validator for events received from outside (they may be anything at runtime): checks the
 * type against `eventTypes`, then lets `build` read the fields of that type. The result holds
 * only the contract's fields, so nothing else (an `actor` field, say) can ride along into the machine.
 */
export function createEventParser<Event extends { type: string }>(
  eventTypes: readonly Event['type'][],
  build: (type: Event['type'], raw: RawEvent, problems: Problems) => Event,
): (raw: unknown) => ParsedEvent<Event> {
  return (raw) => {
    if (typeof raw !== 'object' || raw === null) return { ok: false, message: 'event must be an object' };
    const fields = raw as RawEvent;
    const type = eventTypes.find((known) => known === fields.type);
    if (type === undefined) return { ok: false, message: `unknown event type ${JSON.stringify(fields.type)}` };
    const problems: Problems = [];
    const event = build(type, fields, problems);
    return problems.length === 0 ? { ok: true, event } : { ok: false, message: `${type}: ${problems.join('; ')}` };
  };
}
