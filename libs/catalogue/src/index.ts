/**
 * Procedure catalogue library: types for the agency, its departments and its procedures,
 * a shape parser for the JSON seed files and the consistency rules. Pure: no framework, no
 * file system, no environment. This file is the only public surface.
 *
 * @example
 * const catalogue = parseCatalogueFiles(departmentsJson, proceduresJson);
 * assertValidCatalogue(catalogue);
 * const unitId = resolveAgencyIdentifier(catalogue.agency, env.AGENCY_ID);
 */
export {
  DEPARTMENT_KINDS,
  HOURS_PER_WORKING_DAY,
  MAX_AMOUNT_VND,
  MAX_PROCESSING_TIME,
  MAX_TEXT_LENGTH,
  ONLINE_LEVELS,
  PROCESSING_TIME_UNITS,
  STEPS_SOURCES,
  STEP_ROLES,
} from './catalogue.types';
export type {
  AgencyDefinition,
  AgencyIdentifier,
  CatalogueDefinition,
  DepartmentDefinition,
  DepartmentKind,
  DossierComponent,
  OnlineLevel,
  ProcedureDefinition,
  ProcedureFee,
  ProcessingStep,
  ProcessingTime,
  ProcessingTimeUnit,
  StepRole,
  StepsSource,
} from './catalogue.types';
export { CatalogueParseError, CatalogueValidationError } from './catalogue-errors';
export type { CatalogueIssue, CatalogueIssueCode } from './catalogue-errors';
export { CATALOGUE_SCHEMA_VERSION, parseCatalogue, parseCatalogueFiles, parseProcedureDefinition } from './parse-catalogue';
export {
  assertValidCatalogue,
  isValidAgencyIdentifier,
  resolveAgencyIdentifier,
  validateCatalogue,
  validateProcedureDefinition,
} from './validate-catalogue';
export { formatProcessingTime, minCalendarDaysInMonths, minWorkingDaysInCalendarDays, PROCESSING_TIME_UNIT_LABELS_VI, workingDayBudget } from './processing-time';
export { chargesFee } from './fee';
export {
  ENGLISH_STOP_WORDS,
  NATIONAL_CODE_PATTERN,
  UNVERIFIED_LABEL,
  citizenFacingTexts,
  englishWordsIn,
  unverifiedFields,
} from './verification';
export type { CitizenFacingParts, VerifiableField } from './verification';
