import { ROLES } from '@motcua/workflow';
import { CatalogueParseError } from './catalogue-errors';
import {
  DEPARTMENT_KINDS,
  ONLINE_LEVELS,
  PROCESSING_TIME_UNITS,
  STEPS_SOURCES,
  type AgencyDefinition,
  type CatalogueDefinition,
  type DepartmentDefinition,
  type DossierComponent,
  type ProcedureDefinition,
  type ProcedureFee,
  type ProcessingStep,
  type ProcessingTime,
} from './catalogue.types';

/** Format version written in both catalogue files. */
export const CATALOGUE_SCHEMA_VERSION = 1;

type Json = Record<string, unknown>;

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : JSON.stringify(value);

const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' || path.endsWith('#') ? `${path}${key}` : `${path}.${key}`;

function object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CatalogueParseError(path, `expected an object, got ${describe(value)}`);
  }
  const json = value as Json;
  for (const key of required) {
    if (!(key in json)) throw new CatalogueParseError(join(path, key), 'missing required field');
  }
  for (const key of Object.keys(json)) {
    if (!required.includes(key) && !optional.includes(key)) {
      throw new CatalogueParseError(join(path, key), 'unknown field');
    }
  }
  return json;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new CatalogueParseError(path, `expected a string, got ${describe(value)}`);
  return value;
}

function nullableString(value: unknown, path: string): string | null {
  return value === null ? null : string(value, path);
}

function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new CatalogueParseError(path, `expected a finite number, got ${describe(value)}`);
  }
  return value;
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new CatalogueParseError(path, `expected a boolean, got ${describe(value)}`);
  return value;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new CatalogueParseError(path, `expected one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

function array<T>(value: unknown, path: string, item: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(value)) throw new CatalogueParseError(path, `expected an array, got ${describe(value)}`);
  return value.map((v, i) => item(v, join(path, i)));
}

function schemaVersion(value: unknown, path: string): void {
  if (value !== CATALOGUE_SCHEMA_VERSION) {
    throw new CatalogueParseError(path, `expected ${CATALOGUE_SCHEMA_VERSION}, got ${describe(value)}`);
  }
}

function agency(value: unknown, path: string): AgencyDefinition {
  const o = object(value, path, ['code', 'name', 'shortName', 'province', 'identifier']);
  const idPath = join(path, 'identifier');
  const id = object(o.identifier, idPath, ['value', 'verified', 'overrideEnv', 'note']);
  return {
    code: string(o.code, join(path, 'code')),
    name: string(o.name, join(path, 'name')),
    shortName: string(o.shortName, join(path, 'shortName')),
    province: string(o.province, join(path, 'province')),
    identifier: {
      value: string(id.value, join(idPath, 'value')),
      verified: boolean(id.verified, join(idPath, 'verified')),
      overrideEnv: string(id.overrideEnv, join(idPath, 'overrideEnv')),
      note: nullableString(id.note, join(idPath, 'note')),
    },
  };
}

function department(value: unknown, path: string): DepartmentDefinition {
  const o = object(value, path, ['code', 'name', 'kind', 'roles', 'verified', 'note']);
  return {
    code: string(o.code, join(path, 'code')),
    name: string(o.name, join(path, 'name')),
    kind: oneOf(o.kind, join(path, 'kind'), DEPARTMENT_KINDS),
    roles: array(o.roles, join(path, 'roles'), (v, p) => oneOf(v, p, ROLES)),
    verified: boolean(o.verified, join(path, 'verified')),
    note: nullableString(o.note, join(path, 'note')),
  };
}

function processingTime(value: unknown, path: string): ProcessingTime | null {
  if (value === null) return null;
  const o = object(value, path, ['amount', 'unit']);
  return {
    amount: number(o.amount, join(path, 'amount')),
    unit: oneOf(o.unit, join(path, 'unit'), PROCESSING_TIME_UNITS),
  };
}

function fee(value: unknown, path: string): ProcedureFee {
  const o = object(value, path, ['amountVnd', 'text']);
  return {
    amountVnd: o.amountVnd === null ? null : number(o.amountVnd, join(path, 'amountVnd')),
    text: nullableString(o.text, join(path, 'text')),
  };
}

function component(value: unknown, path: string): DossierComponent {
  const o = object(value, path, ['key', 'name', 'required'], ['original', 'copies']);
  const c: DossierComponent = {
    key: string(o.key, join(path, 'key')),
    name: string(o.name, join(path, 'name')),
    required: boolean(o.required, join(path, 'required')),
  };
  if (o.original !== undefined) c.original = number(o.original, join(path, 'original'));
  if (o.copies !== undefined) c.copies = number(o.copies, join(path, 'copies'));
  return c;
}

function step(value: unknown, path: string): ProcessingStep {
  const o = object(value, path, ['key', 'name', 'departmentCode', 'role', 'workingDays']);
  return {
    key: string(o.key, join(path, 'key')),
    name: string(o.name, join(path, 'name')),
    departmentCode: string(o.departmentCode, join(path, 'departmentCode')),
    role: oneOf(o.role, join(path, 'role'), ROLES),
    workingDays: number(o.workingDays, join(path, 'workingDays')),
  };
}

const PROCEDURE_FIELDS = [
  'id',
  'code',
  'name',
  'field',
  'processingTime',
  'processingTimeNote',
  'fee',
  'onlineLevel',
  'onlineText',
  'paperResult',
  'resultName',
  'components',
  'componentsVerified',
  'steps',
  'stepsSource',
  'stepsNote',
  'verified',
  'uncertain',
  'inferred',
  'sources',
  'asOf',
] as const;

/**
 * Checks the shape of one procedure (field presence and types, enumerations, no unknown
 * fields) and returns it typed. Rules that need the rest of the catalogue (departments, budget)
 * are in {@link validateProcedureDefinition}.
 *
 * @param path prefix used in error paths, for example `procedures[3]`.
 * @throws CatalogueParseError with the path of the first bad field.
 */
export function parseProcedureDefinition(value: unknown, path = ''): ProcedureDefinition {
  const o = object(value, path, PROCEDURE_FIELDS);
  const p = (key: string) => join(path, key);
  return {
    id: string(o.id, p('id')),
    code: nullableString(o.code, p('code')),
    name: string(o.name, p('name')),
    field: string(o.field, p('field')),
    processingTime: processingTime(o.processingTime, p('processingTime')),
    processingTimeNote: nullableString(o.processingTimeNote, p('processingTimeNote')),
    fee: fee(o.fee, p('fee')),
    onlineLevel: o.onlineLevel === null ? null : oneOf(o.onlineLevel, p('onlineLevel'), ONLINE_LEVELS),
    onlineText: nullableString(o.onlineText, p('onlineText')),
    paperResult: boolean(o.paperResult, p('paperResult')),
    resultName: string(o.resultName, p('resultName')),
    components: array(o.components, p('components'), component),
    componentsVerified: boolean(o.componentsVerified, p('componentsVerified')),
    steps: array(o.steps, p('steps'), step),
    stepsSource: oneOf(o.stepsSource, p('stepsSource'), STEPS_SOURCES),
    stepsNote: string(o.stepsNote, p('stepsNote')),
    verified: boolean(o.verified, p('verified')),
    uncertain: array(o.uncertain, p('uncertain'), string),
    inferred: array(o.inferred, p('inferred'), string),
    sources: array(o.sources, p('sources'), string),
    asOf: string(o.asOf, p('asOf')),
  };
}

/**
 * Checks the shape of a whole catalogue `{ agency, departments, procedures }` (an optional
 * `schemaVersion` must be {@link CATALOGUE_SCHEMA_VERSION}; `$comment` is ignored) and returns
 * it typed. It does not check cross-references or budgets: run {@link validateCatalogue} next.
 *
 * @throws CatalogueParseError with the path of the first bad field, for example
 *   `procedures[2].steps[0].workingDays: expected a finite number, got "2"`.
 */
export function parseCatalogue(json: unknown): CatalogueDefinition {
  const o = object(json, '', ['agency', 'departments', 'procedures'], ['schemaVersion', '$comment']);
  if (o.schemaVersion !== undefined) schemaVersion(o.schemaVersion, 'schemaVersion');
  return {
    agency: agency(o.agency, 'agency'),
    departments: array(o.departments, 'departments', department),
    procedures: array(o.procedures, 'procedures', parseProcedureDefinition),
  };
}

/**
 * Parses the two shipped files, `config/catalogue/departments.json`
 * (`{ schemaVersion, $comment?, agency, departments }`) and `config/catalogue/procedures.json`
 * (`{ schemaVersion, $comment?, generatedBy?, source?, procedures }`), into one catalogue.
 * Error paths start with the file name, for example `procedures.json#procedures[0].name`.
 *
 * @throws CatalogueParseError
 */
export function parseCatalogueFiles(departmentsFile: unknown, proceduresFile: unknown): CatalogueDefinition {
  const d = object(departmentsFile, 'departments.json#', ['schemaVersion', 'agency', 'departments'], ['$comment']);
  schemaVersion(d.schemaVersion, 'departments.json#schemaVersion');
  const p = object(
    proceduresFile,
    'procedures.json#',
    ['schemaVersion', 'procedures'],
    ['$comment', 'generatedBy', 'source'],
  );
  schemaVersion(p.schemaVersion, 'procedures.json#schemaVersion');
  return {
    agency: agency(d.agency, 'departments.json#agency'),
    departments: array(d.departments, 'departments.json#departments', department),
    procedures: array(p.procedures, 'procedures.json#procedures', parseProcedureDefinition),
  };
}
