/**
 * @motcua/text — the input rules for text: forbidden characters, NFC, names, search folding, JSON
 * nesting. Pure TypeScript: the API applies them to every request (apps/api/src/common/input-rules.ts)
 * and in its DTOs; migrations use the same folding to fill search columns.
 */
export { foldForSearch, forbiddenCharacter, nameProblem, normaliseName, normaliseText } from './text-rules';
export { jsonDepthExceeds } from './json-depth';
export { checkIdNumber, cleanIdNumber } from './id-number';
export type { IdNumberCheck, IdNumberKind } from './id-number';
