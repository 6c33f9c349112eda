/**
 * @motcua/text — the input rules for text: forbidden characters, NFC, names, search folding, JSON
 * nesting. Pure TypeScript: the API applies them to every request (apps/api/src/common/input-rules.ts)
 * and in its DTOs; migrations use the same folding to fill search columns.
 */
export { foldForSearch, forbiddenCharacter, nameProblem, normaliseName, normaliseText } from './text-rules';
export { jsonDepthExceeds } from './json-depth';
export {
  CONTACT_PROBLEMS_EN,
  CONTACT_PROBLEMS_VI,
  cleanEmail,
  cleanIdNumber,
  cleanPhone,
  emailProblem,
  idNumberKind,
  idNumberProblem,
  phoneProblem,
  type ContactProblem,
  type IdNumberKind,
} from './contact-rules';
