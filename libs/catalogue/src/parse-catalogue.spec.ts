import { validCatalogue } from './catalogue.fixture';
import { CatalogueParseError } from './catalogue-errors';
import { parseCatalogue, parseCatalogueFiles, parseProcedureDefinition } from './parse-catalogue';

/** JSON round trip, so the input is plain data like a file read from disk. */
const asJson = (value: unknown): any => JSON.parse(JSON.stringify(value));

function parseError(run: () => unknown): CatalogueParseError {
  try {
    run();
  } catch (e) {
    if (e instanceof CatalogueParseError) return e;
    throw e;
  }
  throw new Error('expected a CatalogueParseError');
}

describe('parseCatalogue', () => {
  it('returns a valid catalogue unchanged', () => {
    const json = asJson(validCatalogue());
    expect(parseCatalogue(json)).toEqual(validCatalogue());
  });

  it('accepts schemaVersion 1 and a $comment', () => {
    const json = { schemaVersion: 1, $comment: 'note', ...asJson(validCatalogue()) };
    expect(parseCatalogue(json).procedures).toHaveLength(1);
  });

  it('keeps optional component counts absent when they are absent', () => {
    const parsed = parseCatalogue(asJson(validCatalogue()));
    expect(parsed.procedures[0].components[1]).toEqual({
      key: 'ban-goc',
      name: 'Bản gốc Giấy chứng nhận (trường hợp hư hỏng)',
      required: false,
    });
  });

  it.each<[string, (json: any) => void, string, RegExp]>([
    ['a non-object root', (json) => Object.assign(json, { agency: 'x' }), 'agency', /expected an object, got "x"/],
    ['a missing field', (json) => delete json.procedures[0].resultName, 'procedures[0].resultName', /missing required field/],
    ['an unknown field', (json) => (json.departments[1].head = 'x'), 'departments[1].head', /unknown field/],
    ['a string for a number', (json) => (json.procedures[0].steps[2].workingDays = '2'), 'procedures[0].steps[2].workingDays', /expected a finite number, got "2"/],
    ['a number for a string', (json) => (json.procedures[0].name = 1), 'procedures[0].name', /expected a string, got 1/],
    ['null for a boolean', (json) => (json.procedures[0].paperResult = null), 'procedures[0].paperResult', /expected a boolean, got null/],
    ['a role that does not exist', (json) => (json.procedures[0].steps[0].role = 'chief'), 'procedures[0].steps[0].role', /expected one of 'admin', 'clerk'/],
    ['a month unit under another name', (json) => (json.procedures[0].processingTime.unit = 'months'), 'procedures[0].processingTime.unit', /'calendar_days', 'calendar_months', got "months"/],
    ['an unknown online level', (json) => (json.procedures[0].onlineLevel = 'muc_do_4'), 'procedures[0].onlineLevel', /'toan_trinh', 'mot_phan'/],
    ['an unknown steps source', (json) => (json.procedures[0].stepsSource = 'guess'), 'procedures[0].stepsSource', /'published'/],
    ['an unknown department kind', (json) => (json.departments[0].kind = 'board'), 'departments[0].kind', /'leadership'/],
    ['a role list that is not an array', (json) => (json.departments[0].roles = 'leader'), 'departments[0].roles', /expected an array/],
    ['a non-string source', (json) => (json.procedures[0].sources = [1]), 'procedures[0].sources[0]', /expected a string/],
    ['a fee amount as text', (json) => (json.procedures[0].fee.amountVnd = '1.000.000'), 'procedures[0].fee.amountVnd', /expected a finite number/],
    ['a component count as text', (json) => (json.procedures[0].components[0].copies = 'one'), 'procedures[0].components[0].copies', /expected a finite number/],
    ['a missing identifier field', (json) => delete json.agency.identifier.overrideEnv, 'agency.identifier.overrideEnv', /missing required field/],
    ['another schema version', (json) => (json.schemaVersion = 2), 'schemaVersion', /expected 1, got 2/],
  ])('rejects %s with the path of the bad field', (_label, mutate, path, problem) => {
    const json = asJson(validCatalogue());
    mutate(json);
    const error = parseError(() => parseCatalogue(json));
    expect(error.path).toBe(path);
    expect(error.message).toMatch(problem);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it('rejects a root that is not an object', () => {
    expect(parseError(() => parseCatalogue([])).message).toBe('(root): expected an object, got array');
  });

  it('accepts null for the nullable fields', () => {
    const json = asJson(validCatalogue());
    Object.assign(json.procedures[0], { code: null, processingTime: null, onlineLevel: null, onlineText: null });
    json.procedures[0].fee = { amountVnd: null, text: null };
    const parsed = parseCatalogue(json).procedures[0];
    expect(parsed.code).toBeNull();
    expect(parsed.processingTime).toBeNull();
    expect(parsed.fee).toEqual({ amountVnd: null, text: null });
  });
});

describe('parseProcedureDefinition', () => {
  it('parses one procedure for the admin API, with an optional path prefix', () => {
    const json = asJson(validCatalogue().procedures[0]);
    expect(parseProcedureDefinition(json).id).toBe('to-chuc-khcn-cap-lai');
    json.steps = {};
    expect(parseError(() => parseProcedureDefinition(json, 'body')).path).toBe('body.steps');
  });
});

describe('parseCatalogueFiles', () => {
  const files = () => {
    const { agency, departments, procedures } = asJson(validCatalogue());
    return {
      departmentsFile: { schemaVersion: 1, $comment: 'x', agency, departments },
      proceduresFile: { schemaVersion: 1, generatedBy: 'x', source: 'y', procedures },
    };
  };

  it('combines the two files', () => {
    const { departmentsFile, proceduresFile } = files();
    expect(parseCatalogueFiles(departmentsFile, proceduresFile)).toEqual(validCatalogue());
  });

  it('names the file in error paths', () => {
    const { departmentsFile, proceduresFile } = files();
    proceduresFile.procedures[0].steps[0].departmentCode = 7;
    expect(parseError(() => parseCatalogueFiles(departmentsFile, proceduresFile)).path).toBe(
      'procedures.json#procedures[0].steps[0].departmentCode',
    );
    const again = files();
    delete (again.departmentsFile as any).schemaVersion;
    expect(parseError(() => parseCatalogueFiles(again.departmentsFile, again.proceduresFile)).path).toBe(
      'departments.json#schemaVersion',
    );
  });
});
