import { CatalogueValidationError, type CatalogueIssue, type CatalogueIssueCode } from './catalogue-errors';
import {
  MAX_AMOUNT_VND,
  MAX_PROCESSING_TIME,
  MAX_TEXT_LENGTH,
  STEP_ROLES,
  type AgencyDefinition,
  type CatalogueDefinition,
  type DepartmentDefinition,
  type ProcedureDefinition,
  type Role,
} from './catalogue.types';
import { formatProcessingTime, workingDayBudget } from './processing-time';

/** Letters, digits and dots, no leading, trailing or double dot: it is followed by `-YYMMDD-NNNN`. */
const AGENCY_IDENTIFIER = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/;
/** ASCII upper-case code: `PQLKH`, `CCTDC`. */
const UNIT_CODE = /^[A-Z][A-Z0-9_]*$/;
/** Environment variable name. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
/** Lower-case ASCII slug: `dn-khcn-cap-gcn`, `tham-dinh-ho-so`. */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** National TTHC code without the provincial suffix: `1.014445`. */
const TTHC_CODE = /^[1-3]\.\d{6}$/;
/** Tolerance when adding up half days. */
const EPSILON = 1e-9;

/**
 * Whether `value` can stand first in a dossier code: letters, digits and single dots, for
 * example `000.00.20.H35` (DOMAIN.md §2.6). The exact national format is not enforced, because
 * whether Thông tư 03/2025/TT-VPCP keeps it is unverified.
 */
export function isValidAgencyIdentifier(value: string): boolean {
  return AGENCY_IDENTIFIER.test(value);
}

/**
 * The identifier to use in dossier codes: `override` (the value of the environment variable
 * named in `agency.identifier.overrideEnv`, normally `AGENCY_ID`) when it is set and not
 * blank, otherwise the catalogue value. The library reads no environment: the config layer
 * passes the variable in.
 *
 * @throws RangeError when the chosen value is not a valid identifier.
 * @example resolveAgencyIdentifier(catalogue.agency, env.AGENCY_ID)
 */
export function resolveAgencyIdentifier(agency: AgencyDefinition, override?: string | null): string {
  const fromEnv = override?.trim();
  const value = fromEnv ? fromEnv : agency.identifier.value;
  if (!isValidAgencyIdentifier(value)) {
    const origin = fromEnv ? agency.identifier.overrideEnv : 'agency.identifier.value';
    throw new RangeError(`${origin} is not a valid unit identifier: "${value}"`);
  }
  return value;
}

type Report = (code: CatalogueIssueCode, path: string, message: string) => void;

const at = (prefix: string, rest: string): string => (prefix ? `${prefix}.${rest}` : rest);

const blank = (text: string): boolean => text.trim() === '';

const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0;

function checkAgency(agency: AgencyDefinition, report: Report): void {
  if (!UNIT_CODE.test(agency.code)) {
    report('INVALID_CODE', 'agency.code', `agency code must be upper-case ASCII, got "${agency.code}"`);
  }
  for (const key of ['name', 'shortName', 'province'] as const) {
    if (blank(agency[key])) report('EMPTY_TEXT', `agency.${key}`, `agency ${key} is empty`);
  }
  if (!isValidAgencyIdentifier(agency.identifier.value)) {
    report(
      'INVALID_AGENCY_IDENTIFIER',
      'agency.identifier.value',
      `"${agency.identifier.value}" cannot start a dossier code: use letters, digits and single dots, e.g. 000.00.20.H35`,
    );
  }
  if (!ENV_NAME.test(agency.identifier.overrideEnv)) {
    report(
      'INVALID_CODE',
      'agency.identifier.overrideEnv',
      `"${agency.identifier.overrideEnv}" is not an environment variable name`,
    );
  }
}

function checkDepartments(departments: readonly DepartmentDefinition[], report: Report): void {
  const seen = new Map<string, number>();
  departments.forEach((d, i) => {
    const path = `departments[${i}]`;
    if (!UNIT_CODE.test(d.code)) {
      report('INVALID_CODE', `${path}.code`, `department code must be upper-case ASCII, got "${d.code}"`);
    }
    const first = seen.get(d.code);
    if (first !== undefined) {
      report('DUPLICATE_DEPARTMENT_CODE', `${path}.code`, `department code "${d.code}" already used by departments[${first}]`);
    } else {
      seen.set(d.code, i);
    }
    if (blank(d.name)) report('EMPTY_TEXT', `${path}.name`, `department "${d.code}" has an empty name`);
    if (d.roles.length === 0) {
      report('DEPARTMENT_WITHOUT_ROLES', `${path}.roles`, `department "${d.code}" lists no staff roles`);
    }
  });
}

/**
 * Checks one procedure against the departments: texts, keys, processing time, fee,
 * components, steps (known department, role allowed there, positive days) and that the steps'
 * working days fit in the processing time (see {@link workingDayBudget}). Rules across
 * procedures (duplicate ids and codes) are in {@link validateCatalogue}.
 *
 * The admin API can call it on a single edited procedure.
 *
 * @param options.path prefix for issue paths, for example `procedures[4]`; none by default.
 * @returns the issues found, empty when the procedure is valid.
 */
export function validateProcedureDefinition(
  def: ProcedureDefinition,
  departments: readonly DepartmentDefinition[],
  options: { path?: string } = {},
): CatalogueIssue[] {
  const prefix = options.path ?? '';
  const issues: CatalogueIssue[] = [];
  const report: Report = (code, path, message) =>
    issues.push({ code, path: at(prefix, path), message: `${def.id}: ${message}`, procedureId: def.id });

  if (!SLUG.test(def.id)) report('INVALID_CODE', 'id', `id must be a lower-case ASCII slug, got "${def.id}"`);
  if (def.code !== null && !TTHC_CODE.test(def.code)) {
    report('INVALID_CODE', 'code', `"${def.code}" is not a national TTHC code like 1.014445 (drop any provincial suffix)`);
  }
  for (const key of ['name', 'field', 'resultName', 'stepsNote'] as const) {
    if (blank(def[key])) report('EMPTY_TEXT', key, `${key} is empty`);
  }
  const tooLong = (path: string, text: string, max: number) => {
    if (text.length > max) report('TEXT_TOO_LONG', path, `${path} has ${text.length} characters; at most ${max}`);
  };
  tooLong('field', def.field, MAX_TEXT_LENGTH.field);

  const time = def.processingTime;
  let timeUsable = time !== null;
  if (time !== null) {
    if (!(time.amount > 0)) {
      report('NON_POSITIVE_PROCESSING_TIME', 'processingTime.amount', `processing time must be positive, got ${time.amount}`);
      timeUsable = false;
    } else if ((time.unit === 'calendar_days' || time.unit === 'calendar_months') && !Number.isInteger(time.amount)) {
      report(
        'NON_INTEGER_CALENDAR_DAYS',
        'processingTime.amount',
        `a processing time in calendar ${time.unit === 'calendar_days' ? 'days' : 'months'} must be a whole number, got ${time.amount}`,
      );
      timeUsable = false;
    } else if (!Number.isInteger(time.amount)) {
      // Stored in an integer column; a fraction of a working day is written in working hours.
      report('NON_INTEGER_PROCESSING_TIME', 'processingTime.amount', `a processing time must be a whole number (use working_hours for parts of a day), got ${time.amount}`);
      timeUsable = false;
    } else if (time.amount > (MAX_PROCESSING_TIME[time.unit] ?? 0)) {
      report('PROCESSING_TIME_TOO_LONG', 'processingTime.amount', `a processing time in ${time.unit} may be at most ${MAX_PROCESSING_TIME[time.unit]}, got ${time.amount}`);
      timeUsable = false;
    }
  }

  if (def.fee.amountVnd !== null && !(isCount(def.fee.amountVnd) && def.fee.amountVnd <= MAX_AMOUNT_VND)) {
    report('INVALID_FEE', 'fee.amountVnd', `fee must be a whole number of đồng from 0 to ${MAX_AMOUNT_VND}, got ${def.fee.amountVnd}`);
  }

  if (def.components.length === 0) {
    report('EMPTY_COMPONENTS', 'components', 'no dossier components: list at least the application form');
  }
  const componentKeys = new Map<string, number>();
  def.components.forEach((c, i) => {
    const path = `components[${i}]`;
    if (!SLUG.test(c.key)) report('INVALID_CODE', `${path}.key`, `component key must be a lower-case ASCII slug, got "${c.key}"`);
    tooLong(`${path}.key`, c.key, MAX_TEXT_LENGTH.componentKey);
    const first = componentKeys.get(c.key);
    if (first !== undefined) {
      report('DUPLICATE_COMPONENT_KEY', `${path}.key`, `component key "${c.key}" already used by components[${first}]`);
    } else {
      componentKeys.set(c.key, i);
    }
    if (blank(c.name)) report('EMPTY_TEXT', `${path}.name`, `component "${c.key}" has an empty name`);
    for (const field of ['original', 'copies'] as const) {
      const n = c[field];
      if (n !== undefined && !isCount(n)) {
        report('INVALID_COMPONENT_COUNT', `${path}.${field}`, `${field} of "${c.key}" must be a whole number ≥ 0, got ${n}`);
      }
    }
  });

  if (def.steps.length === 0) report('EMPTY_STEPS', 'steps', 'no processing steps');
  const byCode = new Map(departments.map((d) => [d.code, d]));
  const stepKeys = new Map<string, number>();
  let daysValid = true;
  def.steps.forEach((s, i) => {
    const path = `steps[${i}]`;
    if (!SLUG.test(s.key)) report('INVALID_CODE', `${path}.key`, `step key must be a lower-case ASCII slug, got "${s.key}"`);
    tooLong(`${path}.key`, s.key, MAX_TEXT_LENGTH.stepKey);
    tooLong(`${path}.name`, s.name, MAX_TEXT_LENGTH.stepName);
    const first = stepKeys.get(s.key);
    if (first !== undefined) {
      report('DUPLICATE_STEP_KEY', `${path}.key`, `step key "${s.key}" already used by steps[${first}]`);
    } else {
      stepKeys.set(s.key, i);
    }
    if (blank(s.name)) report('EMPTY_TEXT', `${path}.name`, `step "${s.key}" has an empty name`);

    const roleAllowed = (STEP_ROLES as readonly Role[]).includes(s.role);
    if (!roleAllowed) {
      report(
        'INVALID_STEP_ROLE',
        `${path}.role`,
        `step "${s.key}" has role "${s.role}"; a step is handled by ${STEP_ROLES.map((r) => `"${r}"`).join(' or ')}`,
      );
    }
    const dept = byCode.get(s.departmentCode);
    if (dept === undefined) {
      report('UNKNOWN_DEPARTMENT', `${path}.departmentCode`, `step "${s.key}" goes to unknown department "${s.departmentCode}"`);
    } else if (dept.kind === 'reception') {
      report(
        'STEP_AT_RECEPTION',
        `${path}.departmentCode`,
        `step "${s.key}" goes to the reception point "${dept.code}"; reception and return are not processing steps`,
      );
    } else if (roleAllowed && !dept.roles.includes(s.role)) {
      report(
        'ROLE_NOT_IN_DEPARTMENT',
        `${path}.role`,
        `step "${s.key}" needs a ${s.role} in "${dept.code}", which has only ${dept.roles.join(', ') || 'no roles'}`,
      );
    }
    if (!(s.workingDays > 0)) {
      report('NON_POSITIVE_STEP_DAYS', `${path}.workingDays`, `step "${s.key}" must have positive working days, got ${s.workingDays}`);
      daysValid = false;
    } else if (s.workingDays > MAX_PROCESSING_TIME.working_days) {
      report('STEP_DAYS_TOO_LONG', `${path}.workingDays`, `step "${s.key}" may take at most ${MAX_PROCESSING_TIME.working_days} working days, got ${s.workingDays}`);
      daysValid = false;
    }
  });

  const budget = timeUsable ? workingDayBudget(time) : null;
  if (budget !== null && daysValid) {
    const total = def.steps.reduce((sum, s) => sum + s.workingDays, 0);
    if (total > budget + EPSILON) {
      report(
        'STEPS_EXCEED_PROCESSING_TIME',
        'steps',
        `steps take ${total} working days but the processing time ${formatProcessingTime(time)} allows at most ${budget}` +
          (time?.unit === 'calendar_days' || time?.unit === 'calendar_months' ? ' (working days always contained in that calendar period)' : ''),
      );
    }
  }
  return issues;
}

/**
 * Checks a parsed catalogue: the agency identifier, department codes, every procedure
 * ({@link validateProcedureDefinition}) and that procedure ids and national codes are unique.
 *
 * @returns every issue found, empty when the catalogue is valid.
 */
export function validateCatalogue(catalogue: CatalogueDefinition): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const report: Report = (code, path, message) => issues.push({ code, path, message });
  checkAgency(catalogue.agency, report);
  checkDepartments(catalogue.departments, report);

  const ids = new Map<string, number>();
  const codes = new Map<string, number>();
  catalogue.procedures.forEach((def, i) => {
    const path = `procedures[${i}]`;
    const push = (code: CatalogueIssueCode, field: string, message: string) =>
      issues.push({ code, path: `${path}.${field}`, message, procedureId: def.id });
    const firstId = ids.get(def.id);
    if (firstId !== undefined) {
      push('DUPLICATE_PROCEDURE_ID', 'id', `procedure id "${def.id}" already used by procedures[${firstId}]`);
    } else {
      ids.set(def.id, i);
    }
    if (def.code !== null) {
      const firstCode = codes.get(def.code);
      if (firstCode !== undefined) {
        push('DUPLICATE_PROCEDURE_CODE', 'code', `TTHC code "${def.code}" already used by procedures[${firstCode}]`);
      } else {
        codes.set(def.code, i);
      }
    }
    issues.push(...validateProcedureDefinition(def, catalogue.departments, { path }));
  });
  return issues;
}

/**
 * Like {@link validateCatalogue}, but throws when anything is wrong. Use it at boot so a bad
 * catalogue stops the service.
 *
 * @throws CatalogueValidationError listing every issue.
 */
export function assertValidCatalogue(catalogue: CatalogueDefinition): void {
  const issues = validateCatalogue(catalogue);
  if (issues.length > 0) throw new CatalogueValidationError(issues);
}
