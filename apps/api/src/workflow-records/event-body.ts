import { BadInputError } from '../common/errors';

/**
 * The workflow event of an HTTP body: `type` plus the fields the event takes. A field of the
 * body (among `fields`, the DTO's optional ones) that this event does not take is refused with
 * a 400 naming it, not silently dropped: a client sending `reason` with FORWARD has a bug.
 */
export function eventFromBody<Event>(body: { type: string }, fields: readonly string[], taken: readonly string[]): Event {
  const values = body as unknown as Record<string, unknown>;
  const given = fields.filter((f) => values[f] !== undefined);
  const extra = given.filter((f) => !taken.includes(f));
  if (extra.length > 0) throw new BadInputError(`Event ${body.type} does not take ${extra.join(', ')}`, { fields: extra });
  const event: Record<string, unknown> = { type: body.type };
  for (const f of given) event[f] = values[f];
  return event as Event;
}
