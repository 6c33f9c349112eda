import { FEEDBACK_CATEGORIES, FEEDBACK_EVENT_TYPES, FEEDBACK_SOURCES, FEEDBACK_VERDICTS } from './feedback.types';
import type { FeedbackEvent, FeedbackEventType, FeedbackSource, StartFeedbackInput } from './feedback.types';
import { codeOf, createEventParser, noteOf, oneOf, reasonOf, requiredText } from './payload-fields';
import type { Problems, RawEvent } from './payload-fields';
import type { ParsedEvent } from './workflow.types';

/** Longest department code (the API stores department codes in varchar(32)). */
export const MAX_DEPARTMENT_CODE_LENGTH = 32;
/** Longest dossier code (`<agency id>-YYMMDD-NNNN`, stored in varchar(48); DOMAIN.md §2.6). */
export const MAX_DOSSIER_CODE_LENGTH = 48;
/** Longest answer, in code points: an official answer runs longer than a reason or a note. */
export const MAX_ANSWER_LENGTH = 10000;

/** Thrown by `startFeedback` for input that cannot start a feedback. Lists every problem found. */
export class InvalidFeedbackInput extends Error {
  override readonly name = 'InvalidFeedbackInput';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid feedback input: ${problems.join('; ')}`);
  }
}

/** The optional or required fields each event takes besides `type` (what `buildEvent` reads), for adapters that refuse the rest. */
export const FEEDBACK_EVENT_FIELDS: Readonly<Record<FeedbackEventType, readonly string[]>> = Object.freeze({
  CLASSIFY: ['category', 'departmentCode'],
  REJECT: ['reason'],
  REQUEST_SUPPLEMENT: ['reason'],
  CLOSE: ['reason'],
  SUPPLEMENT_RECEIVED: ['note'],
  START_HANDLING: ['note'],
  ANSWER: ['answer'],
  PUBLISH: [],
  RATE: ['verdict'],
});

/** Builds the clean event for a known type; fields outside the contract are dropped. */
function buildEvent(type: FeedbackEventType, raw: RawEvent, problems: Problems): FeedbackEvent {
  switch (type) {
    case 'CLASSIFY':
      return {
        type,
        category: oneOf(raw, 'category', FEEDBACK_CATEGORIES, 'regulation', problems),
        departmentCode: codeOf(raw, 'departmentCode', MAX_DEPARTMENT_CODE_LENGTH, problems),
      };
    case 'REJECT':
    case 'REQUEST_SUPPLEMENT':
    case 'CLOSE':
      return { type, reason: reasonOf(raw, problems) };
    case 'SUPPLEMENT_RECEIVED':
    case 'START_HANDLING':
      return { type, ...noteOf(raw, problems) };
    case 'ANSWER':
      return { type, answer: requiredText(raw, 'answer', problems, MAX_ANSWER_LENGTH) };
    case 'PUBLISH':
      return { type };
    case 'RATE':
      return { type, verdict: oneOf(raw, 'verdict', FEEDBACK_VERDICTS, 'satisfied', problems) };
  }
}

/**
 * Validates a feedback event as received from outside (it may be anything at runtime) and
 * returns a copy holding only the contract's fields.
 */
export const parseFeedbackEvent: (raw: unknown) => ParsedEvent<FeedbackEvent> = createEventParser(FEEDBACK_EVENT_TYPES, buildEvent);

/**
 * Checks the start input (it may come straight from a public form) and returns a clean copy.
 * @throws InvalidFeedbackInput listing every problem.
 */
export function validateFeedbackInput(input: StartFeedbackInput): { source: FeedbackSource; dossierCode: string | null } {
  const raw: RawEvent = typeof input === 'object' && input !== null ? { ...input } : {};
  const problems: Problems = [];
  const source = oneOf(raw, 'source', FEEDBACK_SOURCES, 'portal', problems);
  let dossierCode: string | null = null;
  if (raw.dossierCode !== undefined && raw.dossierCode !== null) {
    dossierCode = codeOf(raw, 'dossierCode', MAX_DOSSIER_CODE_LENGTH, problems);
  } else if (source === 'dossier') {
    problems.push('dossierCode is required when the feedback comes from a dossier');
  }
  if (problems.length > 0) throw new InvalidFeedbackInput(problems);
  return { source, dossierCode };
}
