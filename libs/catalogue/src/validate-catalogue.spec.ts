import { validCatalogue, validProcedure } from './catalogue.fixture';
import { CatalogueValidationError, type CatalogueIssueCode } from './catalogue-errors';
import type { CatalogueDefinition, Role } from './catalogue.types';
import {
  assertValidCatalogue,
  isValidAgencyIdentifier,
  resolveAgencyIdentifier,
  validateCatalogue,
  validateProcedureDefinition,
} from './validate-catalogue';

type Case = [label: string, mutate: (c: CatalogueDefinition) => void, code: CatalogueIssueCode, path: string, message: RegExp];

const step = (c: CatalogueDefinition, i: number) => c.procedures[0].steps[i];

const cases: Case[] = [
  // agency and departments
  ['an identifier with a dash', (c) => (c.agency.identifier.value = '000.00.20-H35'), 'INVALID_AGENCY_IDENTIFIER', 'agency.identifier.value', /cannot start a dossier code/],
  ['an empty identifier', (c) => (c.agency.identifier.value = ''), 'INVALID_AGENCY_IDENTIFIER', 'agency.identifier.value', /letters, digits and single dots/],
  ['a bad override variable name', (c) => (c.agency.identifier.overrideEnv = 'agency id'), 'INVALID_CODE', 'agency.identifier.overrideEnv', /not an environment variable name/],
  ['a lower-case agency code', (c) => (c.agency.code = 'skhcn'), 'INVALID_CODE', 'agency.code', /upper-case ASCII/],
  ['an empty agency name', (c) => (c.agency.name = ' '), 'EMPTY_TEXT', 'agency.name', /agency name is empty/],
  ['a department code with a diacritic', (c) => (c.departments[3].code = 'TTPVHCĐ'), 'INVALID_CODE', 'departments[3].code', /upper-case ASCII, got "TTPVHCĐ"/],
  ['a duplicate department code', (c) => c.departments.push({ ...c.departments[1] }), 'DUPLICATE_DEPARTMENT_CODE', 'departments[4].code', /"PQLKH" already used by departments\[1\]/],
  ['a department with no roles', (c) => (c.departments[3].roles = []), 'DEPARTMENT_WITHOUT_ROLES', 'departments[3].roles', /"TTPVHCC" lists no staff roles/],
  ['an empty department name', (c) => (c.departments[0].name = ''), 'EMPTY_TEXT', 'departments[0].name', /"BGD" has an empty name/],
  // procedures across the catalogue
  ['a duplicate procedure id', (c) => c.procedures.push(validProcedure({ code: '1.000001' })), 'DUPLICATE_PROCEDURE_ID', 'procedures[1].id', /"to-chuc-khcn-cap-lai" already used by procedures\[0\]/],
  ['a duplicate TTHC code', (c) => c.procedures.push(validProcedure({ id: 'other' })), 'DUPLICATE_PROCEDURE_CODE', 'procedures[1].code', /"1\.002145" already used by procedures\[0\]/],
  // one procedure
  ['an id that is not a slug', (c) => (c.procedures[0].id = 'To chuc'), 'INVALID_CODE', 'procedures[0].id', /lower-case ASCII slug/],
  ['a code with the provincial suffix', (c) => (c.procedures[0].code = '1.002145.000.00.00.H35'), 'INVALID_CODE', 'procedures[0].code', /drop any provincial suffix/],
  ['an empty name', (c) => (c.procedures[0].name = ''), 'EMPTY_TEXT', 'procedures[0].name', /name is empty/],
  ['an empty result name', (c) => (c.procedures[0].resultName = ' '), 'EMPTY_TEXT', 'procedures[0].resultName', /resultName is empty/],
  ['a zero processing time', (c) => (c.procedures[0].processingTime = { amount: 0, unit: 'working_days' }), 'NON_POSITIVE_PROCESSING_TIME', 'procedures[0].processingTime.amount', /must be positive, got 0/],
  ['a negative processing time', (c) => (c.procedures[0].processingTime = { amount: -5, unit: 'calendar_days' }), 'NON_POSITIVE_PROCESSING_TIME', 'procedures[0].processingTime.amount', /got -5/],
  ['fractional calendar days', (c) => (c.procedures[0].processingTime = { amount: 14.5, unit: 'calendar_days' }), 'NON_INTEGER_CALENDAR_DAYS', 'procedures[0].processingTime.amount', /whole number, got 14\.5/],
  ['a negative fee', (c) => (c.procedures[0].fee.amountVnd = -1), 'INVALID_FEE', 'procedures[0].fee.amountVnd', /from 0 to 2147483647, got -1/],
  ['a fee beyond what is stored', (c) => (c.procedures[0].fee.amountVnd = 2 ** 31), 'INVALID_FEE', 'procedures[0].fee.amountVnd', /got 2147483648/],
  ['fractional working days', (c) => (c.procedures[0].processingTime = { amount: 7.5, unit: 'working_days' }), 'NON_INTEGER_PROCESSING_TIME', 'procedures[0].processingTime.amount', /working_hours for parts of a day/],
  ['a processing time over ten years', (c) => (c.procedures[0].processingTime = { amount: 3651, unit: 'calendar_days' }), 'PROCESSING_TIME_TOO_LONG', 'procedures[0].processingTime.amount', /at most 3650, got 3651/],
  ['working hours over ten years', (c) => (c.procedures[0].processingTime = { amount: 1e12, unit: 'working_hours' }), 'PROCESSING_TIME_TOO_LONG', 'procedures[0].processingTime.amount', /at most 29200/],
  ['a field name longer than its column', (c) => (c.procedures[0].field = 'x'.repeat(256)), 'TEXT_TOO_LONG', 'procedures[0].field', /256 characters; at most 255/],
  ['a step name longer than its column', (c) => (c.procedures[0].steps[0].name = 'x'.repeat(256)), 'TEXT_TOO_LONG', 'procedures[0].steps[0].name', /at most 255/],
  ['a step key longer than its column', (c) => (c.procedures[0].steps[0].key = 'a'.repeat(65)), 'TEXT_TOO_LONG', 'procedures[0].steps[0].key', /at most 64/],
  ['a step over ten years (no processing time to bound it)', (c) => ((c.procedures[0].processingTime = null), (c.procedures[0].steps[0].workingDays = 3651)), 'STEP_DAYS_TOO_LONG', 'procedures[0].steps[0].workingDays', /at most 3650 working days, got 3651/],
  ['a component key longer than its column', (c) => (c.procedures[0].components[0].key = 'a'.repeat(65)), 'TEXT_TOO_LONG', 'procedures[0].components[0].key', /at most 64/],
  ['a fractional fee', (c) => (c.procedures[0].fee.amountVnd = 0.5), 'INVALID_FEE', 'procedures[0].fee.amountVnd', /whole/],
  ['no components', (c) => (c.procedures[0].components = []), 'EMPTY_COMPONENTS', 'procedures[0].components', /at least the application form/],
  ['a duplicate component key', (c) => (c.procedures[0].components[1].key = 'don-de-nghi'), 'DUPLICATE_COMPONENT_KEY', 'procedures[0].components[1].key', /"don-de-nghi" already used by components\[0\]/],
  ['a component key with spaces', (c) => (c.procedures[0].components[0].key = 'Đơn đề nghị'), 'INVALID_CODE', 'procedures[0].components[0].key', /slug/],
  ['a fractional original count', (c) => (c.procedures[0].components[0].original = 1.5), 'INVALID_COMPONENT_COUNT', 'procedures[0].components[0].original', /whole number ≥ 0, got 1\.5/],
  ['a negative copy count', (c) => (c.procedures[0].components[0].copies = -1), 'INVALID_COMPONENT_COUNT', 'procedures[0].components[0].copies', /got -1/],
  ['no steps', (c) => (c.procedures[0].steps = []), 'EMPTY_STEPS', 'procedures[0].steps', /no processing steps/],
  ['a duplicate step key', (c) => (step(c, 2).key = 'tham-dinh-ho-so'), 'DUPLICATE_STEP_KEY', 'procedures[0].steps[2].key', /"tham-dinh-ho-so" already used by steps\[0\]/],
  ['a step key that is not a slug', (c) => (step(c, 0).key = 'Thẩm định'), 'INVALID_CODE', 'procedures[0].steps[0].key', /slug/],
  ['an empty step name', (c) => (step(c, 0).name = ''), 'EMPTY_TEXT', 'procedures[0].steps[0].name', /empty name/],
  ['a clerk step', (c) => (step(c, 0).role = 'clerk'), 'INVALID_STEP_ROLE', 'procedures[0].steps[0].role', /role "clerk"; a step is handled by "specialist" or "leader"/],
  ['an admin step', (c) => (step(c, 2).role = 'admin' as Role), 'INVALID_STEP_ROLE', 'procedures[0].steps[2].role', /role "admin"/],
  ['an unknown department', (c) => (step(c, 1).departmentCode = 'PKT'), 'UNKNOWN_DEPARTMENT', 'procedures[0].steps[1].departmentCode', /unknown department "PKT"/],
  ['a step at the reception point', (c) => (step(c, 0).departmentCode = 'TTPVHCC'), 'STEP_AT_RECEPTION', 'procedures[0].steps[0].departmentCode', /reception and return are not processing steps/],
  ['a leader step in a division', (c) => (step(c, 2).departmentCode = 'PQLKH'), 'ROLE_NOT_IN_DEPARTMENT', 'procedures[0].steps[2].role', /needs a leader in "PQLKH", which has only specialist/],
  ['a zero-day step', (c) => (step(c, 1).workingDays = 0), 'NON_POSITIVE_STEP_DAYS', 'procedures[0].steps[1].workingDays', /positive working days, got 0/],
  ['steps over a working-day limit', (c) => (step(c, 0).workingDays = 6.5), 'STEPS_EXCEED_PROCESSING_TIME', 'procedures[0].steps', /take 10\.5 working days but the processing time 10 ngày làm việc allows at most 10$/],
  ['steps over a working-hour limit', (c) => (c.procedures[0].processingTime = { amount: 64, unit: 'working_hours' }), 'STEPS_EXCEED_PROCESSING_TIME', 'procedures[0].steps', /take 9 working days but the processing time 64 giờ làm việc allows at most 8$/],
  ['steps over a calendar-day limit', (c) => (c.procedures[0].processingTime = { amount: 12, unit: 'calendar_days' }), 'STEPS_EXCEED_PROCESSING_TIME', 'procedures[0].steps', /12 ngày allows at most 8 \(working days always contained/],
  ['fractional calendar months', (c) => (c.procedures[0].processingTime = { amount: 1.5, unit: 'calendar_months' }), 'NON_INTEGER_CALENDAR_DAYS', 'procedures[0].processingTime.amount', /calendar months must be a whole number, got 1\.5/],
  ['a processing time over ten years of months', (c) => (c.procedures[0].processingTime = { amount: 121, unit: 'calendar_months' }), 'PROCESSING_TIME_TOO_LONG', 'procedures[0].processingTime.amount', /at most 120, got 121/],
];

describe('validateCatalogue', () => {
  it('finds nothing wrong in a valid catalogue', () => {
    expect(validateCatalogue(validCatalogue())).toEqual([]);
  });

  it.each(cases)('reports %s', (_label, mutate, code, path, message) => {
    const catalogue = validCatalogue();
    mutate(catalogue);
    const issues = validateCatalogue(catalogue);
    expect(issues.map((i) => [i.code, i.path])).toEqual([[code, path]]);
    expect(issues[0].message).toMatch(message);
  });

  it('names the procedure in procedure issues', () => {
    const catalogue = validCatalogue();
    step(catalogue, 1).departmentCode = 'PKT';
    const [issue] = validateCatalogue(catalogue);
    expect(issue.procedureId).toBe('to-chuc-khcn-cap-lai');
    expect(issue.message.startsWith('to-chuc-khcn-cap-lai: ')).toBe(true);
  });

  it('allows steps that fill the budget exactly', () => {
    const catalogue = validCatalogue();
    step(catalogue, 0).workingDays = 6; // 6 + 2.5 + 1.5 = 10
    expect(validateCatalogue(catalogue)).toEqual([]);
    // Any 15 consecutive days hold at least 10 working days.
    catalogue.procedures[0].processingTime = { amount: 15, unit: 'calendar_days' };
    expect(validateCatalogue(catalogue)).toEqual([]);
    catalogue.procedures[0].processingTime = { amount: 80, unit: 'working_hours' };
    expect(validateCatalogue(catalogue)).toEqual([]);
    // One calendar month holds at least 28 days, so at least 20 working days.
    catalogue.procedures[0].processingTime = { amount: 1, unit: 'calendar_months' };
    expect(validateCatalogue(catalogue)).toEqual([]);
  });

  it('skips the budget check when there is no time limit', () => {
    const catalogue = validCatalogue();
    catalogue.procedures[0].processingTime = null;
    step(catalogue, 0).workingDays = 100;
    expect(validateCatalogue(catalogue)).toEqual([]);
  });

  it('does not compare against a processing time that is itself invalid', () => {
    const catalogue = validCatalogue();
    catalogue.procedures[0].processingTime = { amount: 0, unit: 'working_days' };
    expect(validateCatalogue(catalogue).map((i) => i.code)).toEqual(['NON_POSITIVE_PROCESSING_TIME']);
  });

  it('allows several procedures without a national code', () => {
    const catalogue = validCatalogue();
    catalogue.procedures[0].code = null;
    catalogue.procedures.push(validProcedure({ id: 'other', code: null }));
    expect(validateCatalogue(catalogue)).toEqual([]);
  });

  it('reports every issue, not only the first', () => {
    const catalogue = validCatalogue();
    step(catalogue, 0).role = 'clerk';
    step(catalogue, 1).departmentCode = 'PKT';
    catalogue.procedures[0].components = [];
    expect(validateCatalogue(catalogue).map((i) => i.code).sort()).toEqual([
      'EMPTY_COMPONENTS',
      'INVALID_STEP_ROLE',
      'UNKNOWN_DEPARTMENT',
    ]);
  });
});

describe('validateProcedureDefinition', () => {
  it('checks one procedure against the departments, with paths relative to it', () => {
    const { departments } = validCatalogue();
    expect(validateProcedureDefinition(validProcedure(), departments)).toEqual([]);
    const def = validProcedure();
    def.steps[1].departmentCode = 'PBCVT';
    const issues = validateProcedureDefinition(def, departments);
    expect(issues).toEqual([
      {
        code: 'UNKNOWN_DEPARTMENT',
        path: 'steps[1].departmentCode',
        message: 'to-chuc-khcn-cap-lai: step "cho-y-kien" goes to unknown department "PBCVT"',
        procedureId: 'to-chuc-khcn-cap-lai',
      },
    ]);
    expect(validateProcedureDefinition(def, departments, { path: 'body' })[0].path).toBe('body.steps[1].departmentCode');
  });
});

describe('assertValidCatalogue', () => {
  it('passes a valid catalogue', () => {
    expect(() => assertValidCatalogue(validCatalogue())).not.toThrow();
  });

  it('throws every issue at once', () => {
    const catalogue = validCatalogue();
    step(catalogue, 0).departmentCode = 'PKT';
    catalogue.procedures[0].steps.push({ ...step(catalogue, 2) });
    let error: unknown;
    try {
      assertValidCatalogue(catalogue);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogueValidationError);
    const { issues, message } = error as CatalogueValidationError;
    expect(issues.map((i) => i.code)).toEqual(['UNKNOWN_DEPARTMENT', 'DUPLICATE_STEP_KEY', 'STEPS_EXCEED_PROCESSING_TIME']);
    expect(message).toMatch(/^Invalid catalogue \(3 issues\):\n- \[UNKNOWN_DEPARTMENT\] procedures\[0\]\.steps\[0\]\.departmentCode: /);
  });
});

describe('agency identifier', () => {
  const { agency } = validCatalogue();

  it('accepts dotted identifiers only', () => {
    expect(isValidAgencyIdentifier('000.00.20.H35')).toBe(true);
    expect(isValidAgencyIdentifier('H35')).toBe(true);
    for (const bad of ['', '.H35', 'H35.', '000..H35', '000.00.20.H35-', '000 00']) {
      expect(isValidAgencyIdentifier(bad)).toBe(false);
    }
  });

  it('uses the catalogue value without an override', () => {
    expect(resolveAgencyIdentifier(agency)).toBe('000.00.20.H35');
    expect(resolveAgencyIdentifier(agency, undefined)).toBe('000.00.20.H35');
    expect(resolveAgencyIdentifier(agency, '  ')).toBe('000.00.20.H35');
  });

  it('prefers the override, trimmed', () => {
    expect(resolveAgencyIdentifier(agency, ' 000.00.15.H35 ')).toBe('000.00.15.H35');
  });

  it('rejects an invalid override, naming the variable', () => {
    expect(() => resolveAgencyIdentifier(agency, '000.00.15-H35')).toThrow('AGENCY_ID is not a valid unit identifier: "000.00.15-H35"');
  });
});
