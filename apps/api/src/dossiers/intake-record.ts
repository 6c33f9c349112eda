import { BadInputError } from '../common/errors';

/** The form in which a component was received (Mẫu 01 prints it); `not_submitted` = absent. */
export const RECEIVED_FORMS = ['original', 'certified_copy', 'copy', 'electronic', 'not_submitted'] as const;
export type ReceivedForm = (typeof RECEIVED_FORMS)[number];

/** What the clerk recorded at intake, stored on the dossier (`dossier.intake_record`). */
export interface IntakeRecord {
  components: Array<{ key: string; form: ReceivedForm; count: number }>;
  sets: number;
  logBook: { volume: string; entry: number } | null;
}

export interface IntakeInput {
  components: Array<{ key: string; form: ReceivedForm; count?: number }>;
  sets?: number;
  logBook?: { volume: string; entry: number };
}

/**
 * Checks the record against the procedure's components and normalises it: every key known and
 * at most once, a received component counted at least once, a component left out recorded as
 * not submitted, in the catalogue's order (the order Mẫu 01 prints).
 */
export function normaliseIntake(input: IntakeInput, components: ReadonlyArray<{ key: string }>): IntakeRecord {
  const known = new Set(components.map((c) => c.key));
  const given = new Map<string, { form: ReceivedForm; count: number }>();
  for (const c of input.components) {
    if (!known.has(c.key)) throw new BadInputError(`intake: unknown component ${c.key}`, { component: c.key });
    if (given.has(c.key)) throw new BadInputError(`intake: component ${c.key} is listed twice`, { component: c.key });
    const count = c.form === 'not_submitted' ? 0 : c.count ?? 1;
    if (c.form !== 'not_submitted' && count < 1) throw new BadInputError(`intake: component ${c.key} received as ${c.form} needs a count of at least 1`, { component: c.key });
    given.set(c.key, { form: c.form, count });
  }
  return {
    components: components.map((c) => ({ key: c.key, ...(given.get(c.key) ?? { form: 'not_submitted' as const, count: 0 }) })),
    sets: input.sets ?? 1,
    logBook: input.logBook ? { volume: input.logBook.volume, entry: input.logBook.entry } : null,
  };
}
