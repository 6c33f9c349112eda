/**
 * What an admin must still check in a procedure definition, and the texts a citizen reads.
 * The catalogue mixes facts read in a published source with our own assumptions (research
 * file `verified: false`, components we wrote, steps we allocated, a time limit we assumed).
 * The API shows the result to staff as "chưa xác minh" so nobody mistakes an assumption for a
 * published fact.
 */
import type { ProcedureDefinition } from './catalogue.types';

/** Label shown to staff next to an unverified procedure or field. */
export const UNVERIFIED_LABEL = 'chưa xác minh';

/** Field names of a procedure definition that can be unverified. */
export type VerifiableField = 'name' | 'code' | 'processingTime' | 'fee' | 'resultName' | 'components' | 'steps' | 'paperResult';

type VerificationInput = Pick<
  ProcedureDefinition,
  'verified' | 'inferred' | 'componentsVerified' | 'stepsSource' | 'code'
>;

/**
 * The fields of `definition` not read in a published source, in a fixed order. An entry of the
 * research file not marked verified leaves its name, code (when it has one), time limit and fee
 * unconfirmed as a whole.
 */
export function unverifiedFields(definition: VerificationInput): VerifiableField[] {
  const fields = new Set<VerifiableField>();
  if (!definition.verified) {
    fields.add('name');
    if (definition.code !== null) fields.add('code');
    fields.add('processingTime');
    fields.add('fee');
  }
  for (const field of definition.inferred) {
    if (ORDER.includes(field as VerifiableField)) fields.add(field as VerifiableField);
  }
  if (!definition.componentsVerified) fields.add('components');
  if (definition.stepsSource !== 'published') fields.add('steps');
  return ORDER.filter((f) => fields.has(f));
}

const ORDER: readonly VerifiableField[] = ['name', 'code', 'processingTime', 'fee', 'resultName', 'paperResult', 'components', 'steps'];

/**
 * English words that must not appear in a citizen-facing text (source remarks copied from the
 * research file, placeholders). None of them is a Vietnamese word without diacritics, so a match
 * is always a leak. Kept small on purpose: it catches the remarks seen in the research data.
 */
export const ENGLISH_STOP_WORDS: readonly string[] = [
  'the', 'and', 'of', 'or', 'not', 'none', 'listed', 'list', 'record', 'another', 'quotes', 'rate',
  'old', 'scale', 'portal', 'source', 'see', 'unknown', 'truncated', 'cut', 'off', 'with', 'per',
  'pre', 'only', 'which', 'fee', 'tbd', 'todo', 'page', 'missing',
];

/** The parts of a procedure (definition or API view) whose texts a citizen reads. */
export type CitizenFacingParts = Pick<ProcedureDefinition, 'name' | 'field' | 'resultName' | 'fee' | 'components' | 'steps'> & {
  onlineText?: string | null;
};

/** The texts of a procedure a citizen reads (portal, papers), each with a path for messages. */
export function citizenFacingTexts(p: CitizenFacingParts): Array<{ path: string; text: string }> {
  const texts: Array<{ path: string; text: string | null }> = [
    { path: 'name', text: p.name },
    { path: 'field', text: p.field },
    { path: 'resultName', text: p.resultName },
    { path: 'fee.text', text: p.fee.text },
    { path: 'onlineText', text: p.onlineText ?? null },
    ...p.components.map((c, i) => ({ path: `components[${i}].name`, text: c.name })),
    ...p.steps.map((s, i) => ({ path: `steps[${i}].name`, text: s.name })),
  ];
  return texts.filter((t): t is { path: string; text: string } => t.text !== null);
}

/** The stop-list words found in `text`, compared as whole words, case-insensitive. */
export function englishWordsIn(text: string): string[] {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((w) => ENGLISH_STOP_WORDS.includes(w)))];
}

/** A national TTHC code: digit, dot, six digits (1.014445, 2.002131). Slugs never match. */
export const NATIONAL_CODE_PATTERN = /^[1-3]\.\d{6}$/;
