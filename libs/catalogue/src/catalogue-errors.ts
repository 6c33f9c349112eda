/**
 * Errors thrown by the catalogue library. Both are plain classes with no HTTP meaning; the
 * caller decides whether a bad catalogue stops the boot (seed files) or becomes a 400 (admin API).
 */

/** Codes of the problems {@link validateCatalogue} reports. */
export type CatalogueIssueCode =
  | 'INVALID_AGENCY_IDENTIFIER'
  | 'INVALID_CODE'
  | 'EMPTY_TEXT'
  | 'DUPLICATE_DEPARTMENT_CODE'
  | 'DEPARTMENT_WITHOUT_ROLES'
  | 'DUPLICATE_PROCEDURE_ID'
  | 'DUPLICATE_PROCEDURE_CODE'
  | 'NON_POSITIVE_PROCESSING_TIME'
  | 'NON_INTEGER_CALENDAR_DAYS'
  | 'NON_INTEGER_PROCESSING_TIME'
  | 'PROCESSING_TIME_TOO_LONG'
  | 'TEXT_TOO_LONG'
  | 'INVALID_FEE'
  | 'EMPTY_COMPONENTS'
  | 'DUPLICATE_COMPONENT_KEY'
  | 'INVALID_COMPONENT_COUNT'
  | 'EMPTY_STEPS'
  | 'DUPLICATE_STEP_KEY'
  | 'INVALID_STEP_ROLE'
  | 'UNKNOWN_DEPARTMENT'
  | 'STEP_AT_RECEPTION'
  | 'ROLE_NOT_IN_DEPARTMENT'
  | 'NON_POSITIVE_STEP_DAYS'
  | 'STEP_DAYS_TOO_LONG'
  | 'STEPS_EXCEED_PROCESSING_TIME';

/** One problem found in a catalogue that has the right shape. */
export interface CatalogueIssue {
  code: CatalogueIssueCode;
  /** Path of the offending value, for example `procedures[3].steps[1].departmentCode`. */
  path: string;
  /** English explanation for operators, quoting the offending value. */
  message: string;
  /** Id of the procedure concerned, if any. */
  procedureId?: string;
}

/** Thrown by `parseCatalogue` when a value has the wrong type or a required field is missing. */
export class CatalogueParseError extends Error {
  override readonly name = 'CatalogueParseError';

  constructor(
    /** Path of the bad value, for example `procedures[2].fee.amountVnd`. */
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path || '(root)'}: ${problem}`);
  }
}

/** Thrown by `assertValidCatalogue`; carries every issue found. */
export class CatalogueValidationError extends Error {
  override readonly name = 'CatalogueValidationError';

  constructor(readonly issues: readonly CatalogueIssue[]) {
    super(
      `Invalid catalogue (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `- [${i.code}] ${i.path}: ${i.message}`).join('\n'),
    );
  }
}
