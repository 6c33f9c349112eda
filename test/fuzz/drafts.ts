import fc from 'fast-check';
import { DEMO_PASSWORD } from '../support/test-app';
import { Operation, ownerOfParameter, ownerOfPath, Parameter, Schema, singular } from './openapi';

/**
 * Requests as fast-check generates them, before they meet the server: "drafts". A value that
 * should be a real identifier (a dossier's id, a file's id, a procedure's code…) is a reference
 * into the pools of values seen in earlier answers, resolved when the request is sent; so the
 * sequence of drafts depends only on the seed, and valid requests reach real records.
 */

/** A value to take from a pool when the request is sent (`fallback` while the pool is empty). */
export interface PoolRef {
  $pool: string;
  pick: number;
  fallback: unknown;
}

export type Mode = 'valid' | 'boundary' | 'malformed';

export type BodyDraft =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; contentType?: string }
  /** Text sent as is under a JSON content type: broken JSON, or nothing. */
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'multipart'; parts: MultipartPart[]; boundary: string; envelope: 'ok' | 'truncated' | 'no-boundary' | 'wrong-boundary'; cut: number }
  | { kind: 'ndjson'; lines: unknown[] };

export type MultipartPart = { field: string; value: string } | { field: string; fileName: string; contentType: string; content: FileSample };

export type FileSample = 'pdf' | 'png' | 'jpeg' | 'text' | 'elf' | 'polyglot' | 'pdf-stub' | 'empty' | 'oversize';

export interface Draft {
  op: number;
  mode: Mode;
  /** 0 = anonymous; otherwise an index into the demo accounts. */
  caller: number;
  /** An anonymous caller may still send a broken token. */
  forgedToken: boolean;
  path: Record<string, unknown>;
  query: Array<[string, unknown]>;
  headers: Record<string, string>;
  body: BodyDraft;
  /** Declares a body far larger than what is sent: the server must answer without waiting for it. */
  declareHuge: boolean;
}

/** Path and body fields whose valid values come from the pools (`procedureCode` → `procedure.code`). */
const POOLED = /^(id|code|key|idNumber|date|secret|fileId|procedureCode|dossierCode|dossierSecret|departmentCode|expectedVersion|aggregateId)$/;

function poolOf(owner: string, name: string): string {
  if (name === 'expectedVersion') return `${owner}.version`;
  const compound = /^([a-z]+)(Id|Code|Secret)$/.exec(name);
  if (compound && compound[1] !== 'aggregate') return `${singular(compound[1])}.${compound[2].toLowerCase()}`;
  if (name === 'aggregateId') return 'dossier.id';
  return `${owner}.${name}`;
}

const ref = (pool: string, fallback: fc.Arbitrary<unknown>): fc.Arbitrary<PoolRef> =>
  fc.record({ $pool: fc.constant(pool), pick: fc.nat(), fallback });

// ---- scalar values -------------------------------------------------------------------------------

const VIETNAMESE = ['Nguyễn', 'Thị', 'Hằng', 'Đặng', 'Văn', 'Ưởng', 'Lò', 'Phường', 'Sìn Hồ', 'Hồ sơ', 'Giấy phép', 'bổ sung'];
const vietnameseText = fc.array(fc.constantFrom(...VIETNAMESE), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const isoDay = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const instant = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => `${new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`);

/** Strings that broke, or could break, something somewhere. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u001b[31mred',
  '\u0007',
  '\u202e\u202d',
  '\u200b',
  'Nguyễn'.normalize('NFD'),
  '../../etc/passwd',
  '%00',
  '%2F',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
  '😀😀😀',
  '\ud800',
  'x'.repeat(300),
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '2026-W01',
  '20260101T000000Z',
  '2026-02-30T09:00:00+07:00',
  '2026-01-01T24:00:00+07:00',
  '0000-01-01',
  '9999-12-31T23:59:59Z',
  '2199-12-31',
];
const nastyString = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 40, unit: 'binary' }), fc.string({ minLength: 2000, maxLength: 5000 }));
const nastyNumber = fc.constantFrom(-1, 0, 0.5, -0.0, 2 ** 31 - 1, 2 ** 31, 2 ** 53, 1e20, -1e20, 1e308, Number.MIN_VALUE);

function deep(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const malformedValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.boolean(),
  nastyNumber,
  nastyString,
  fc.constant(deep(40)),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}')),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);

function validValue(schema: Schema, name: string, owner: string): fc.Arbitrary<unknown> {
  const plain = plainValue(schema, name, owner);
  return POOLED.test(name) ? fc.oneof({ arbitrary: ref(poolOf(owner, name), plain), weight: 4 }, { arbitrary: plain, weight: 1 }) : plain;
}

function plainValue(schema: Schema, name: string, owner: string): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const example = schema.example;
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? Math.max(min + 100, 100);
      const inRange = fc.integer({ min, max: Math.min(max, min + 1_000_000) });
      return typeof example === 'number' ? fc.oneof(fc.constant(example), inRange) : inRange;
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(schema.items ?? {}, name, owner), { maxLength: 3 });
    case 'object':
      if (!schema.properties && example !== undefined) return exampleVariant(example);
      return objectValue(schema, owner, 'valid');
    default: {
      if (typeof example === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(example)) return instant;
      if (typeof example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(example)) return isoDay;
      if (name === 'email') return fc.constantFrom('an.nguyen@example.vn', 'x@y.z');
      if (name === 'phone') return fc.constantFrom('0912345678', '+84 912 345 678');
      if (name === 'idNumber') return fc.constantFrom('012345678901', '079123456789', 'B1234567');
      if (name === 'password') return fc.constantFrom(DEMO_PASSWORD, 'wrong', DEMO_PASSWORD.normalize('NFD'));
      if (name === 'username') return fc.constantFrom('admin', 'clerk', 'nobody', 'Clerk');
      const text = fc.oneof(vietnameseText, fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 30, 30) }));
      return example !== undefined ? fc.oneof(fc.constant(example), text) : text;
    }
  }
}

/**
 * An object example with its identifying field varied: an example of a new record (a procedure to
 * create) would otherwise always collide with itself after the first success.
 */
function exampleVariant(example: unknown): fc.Arbitrary<unknown> {
  if (example === null || typeof example !== 'object' || !('code' in example)) return fc.constant(example);
  return fc.oneof(fc.constant(example), fc.integer({ min: 0, max: 999_999 }).map((n) => ({ ...example, code: `3.${String(n).padStart(6, '0')}` })));
}

function boundaryValue(schema: Schema, name: string, owner: string): fc.Arbitrary<unknown> {
  if (schema.type === 'number' || schema.type === 'integer') {
    const edges = [schema.minimum, schema.maximum].filter((n): n is number => n !== undefined).flatMap((n) => [n - 1, n, n + 1]);
    return fc.constantFrom(...edges, 0, -1, 1.5, 2 ** 31 - 1, 2 ** 31, 2 ** 53, 1e20);
  }
  if (schema.type === 'string' || schema.type === undefined) {
    const lengths = [schema.minLength, schema.maxLength].filter((n): n is number => n !== undefined).flatMap((n) => [n, n + 1]);
    const edgeDates = ['1801-01-02T00:00:00Z', '2197-12-30T23:59:59+07:00', '1801-01-01', '2197-12-31', '1800-12-31', '2198-01-01'];
    return fc.oneof(
      fc.constantFrom(...lengths.map((n) => 'ả'.repeat(Math.max(0, n))), '', ' '.repeat(3), ...edgeDates),
      validValue(schema, name, owner),
    );
  }
  return validValue(schema, name, owner);
}

/** An object for a schema: required fields always, optional ones sometimes; in `boundary` or `malformed` mode some fields go wrong. */
function objectValue(schema: Schema, owner: string, mode: Mode): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const field = (name: string, s: Schema): fc.Arbitrary<unknown> => {
    const nested = s.type === 'object' && s.properties ? objectValue(s, owner, mode) : null;
    if (mode === 'valid') return nested ?? validValue(s, name, owner);
    if (mode === 'boundary') return fc.oneof({ arbitrary: nested ?? validValue(s, name, owner), weight: 2 }, { arbitrary: boundaryValue(s, name, owner), weight: 1 });
    return fc.oneof({ arbitrary: nested ?? validValue(s, name, owner), weight: 2 }, { arbitrary: malformedValue, weight: 1 });
  };
  const base = fc.record(
    Object.fromEntries(properties.map(([name, s]) => [name, field(name, s)])),
    { requiredKeys: properties.filter(([name]) => required.has(name)).map(([name]) => name) },
  ) as fc.Arbitrary<Record<string, unknown>>;
  if (mode !== 'malformed') return base;
  return fc.tuple(base, fc.constantFrom('drop-required', 'extra-field', 'keep'), fc.constantFrom(...(schema.required?.length ? schema.required : ['x']))).map(([value, twist, key]) => {
    const copy: Record<string, unknown> = { ...value };
    if (twist === 'drop-required') delete copy[key];
    if (twist === 'extra-field') copy.unexpected = 'x';
    return copy;
  });
}

// ---- parameters --------------------------------------------------------------------------------

function pathValue(op: Operation, p: Parameter, mode: Mode): fc.Arbitrary<unknown> {
  const owner = ownerOfParameter(op.path, p.name);
  if (mode === 'valid') return validValue(p.schema, p.name, owner);
  if (mode === 'boundary') {
    return fc.oneof(
      validValue(p.schema, p.name, owner),
      fc.constantFrom('3B241101-E2BB-4255-8CAF-4136C566A962', '00000000-0000-1000-8000-000000000000', 'a'.repeat(1000), '1.014393 ', '2026-02-29', '1801-01-01', '2197-12-31'),
    );
  }
  return fc.oneof(validValue(p.schema, p.name, owner), nastyString);
}

function queryValue(op: Operation, p: Parameter, mode: Mode): fc.Arbitrary<unknown> {
  const pathParam = op.parameters.find((x) => x.in === 'path');
  const owner = pathParam ? ownerOfParameter(op.path, pathParam.name) : ownerOfPath(op.path);
  if (mode === 'valid') return validValue(p.schema, p.name, owner);
  if (mode === 'boundary') return boundaryValue(p.schema, p.name, owner);
  return fc.oneof(validValue(p.schema, p.name, owner), nastyString, fc.array(fc.string({ maxLength: 4 }), { minLength: 2, maxLength: 3 }));
}

function queryDraft(op: Operation, mode: Mode): fc.Arbitrary<Array<[string, unknown]>> {
  const params = op.parameters.filter((p) => p.in === 'query');
  const each = params.map((p) =>
    fc.option(queryValue(op, p, mode).map((v) => [p.name, v] as [string, unknown]), { nil: undefined, freq: p.required && mode === 'valid' ? 1000 : 3 }),
  );
  const extra = mode === 'malformed' ? fc.option(fc.tuple(fc.constantFrom('unexpected', 'page', '__proto__'), nastyString), { nil: undefined }) : fc.constant(undefined);
  return fc.tuple(fc.tuple(...each), extra).map(([values, more]) => [...values, more].filter((v): v is [string, unknown] => v !== undefined));
}

// ---- bodies ------------------------------------------------------------------------------------

function jsonBody(op: Operation, mode: Mode): fc.Arbitrary<BodyDraft> {
  const owner = op.parameters.some((p) => p.in === 'path') ? ownerOfParameter(op.path, op.parameters.find((p) => p.in === 'path')!.name) : ownerOfPath(op.path);
  const schema = op.body ?? {};
  const value = schema.properties ? objectValue(schema, owner, mode) : schema.example !== undefined ? exampleVariant(schema.example) : fc.constant({});
  const json = value.map((v): BodyDraft => ({ kind: 'json', value: v }));
  if (mode !== 'malformed') return json;
  return fc.oneof(
    { arbitrary: json, weight: 4 },
    { arbitrary: malformedValue.map((v): BodyDraft => ({ kind: 'json', value: v })), weight: 2 },
    {
      arbitrary: fc.constantFrom('{', '{"a":', '[1,2', '', 'null', '"x"', '{"a":1}garbage', '{"__proto__":{"x":1}}', `${'{"a":['.repeat(3000)}1${']}'.repeat(3000)}`).map((text): BodyDraft => ({ kind: 'raw', text, contentType: 'application/json' })),
      weight: 2,
    },
    { arbitrary: fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded').map((contentType): BodyDraft => ({ kind: 'raw', text: 'a=1&b=2', contentType })), weight: 1 },
  );
}

const FILE_SAMPLES: FileSample[] = ['pdf', 'png', 'jpeg', 'text', 'elf', 'polyglot', 'pdf-stub', 'empty', 'oversize'];

function multipartBody(op: Operation, mode: Mode): fc.Arbitrary<BodyDraft> {
  const textFields = Object.entries(op.body?.properties ?? {}).filter(([, s]) => s.format !== 'binary');
  const file = fc.record({
    field: mode === 'valid' ? fc.constant('file') : fc.constantFrom('file', 'file', 'upload'),
    fileName: fc.constantFrom('ban-quet.pdf', 'Đơn đề nghị.pdf', 'poly.html', '../../x.pdf', 'a'.repeat(300), 'scan.png', ''),
    contentType: fc.constantFrom('application/pdf', 'image/png', 'text/html', 'application/octet-stream'),
    content: mode === 'valid' ? fc.constantFrom<FileSample>('pdf', 'png', 'jpeg') : fc.constantFrom(...FILE_SAMPLES),
  });
  const fields = fc.tuple(
    ...textFields.map(([name, s]) => fc.option(fc.record({ field: fc.constant(name), value: mode === 'valid' ? (plainValue(s, name, 'root') as fc.Arbitrary<string>) : fc.oneof(plainValue(s, name, 'root') as fc.Arbitrary<string>, fc.constantFrom('', 'x', 'SIGN')) }), { nil: undefined, freq: mode === 'valid' ? 1000 : 3 })),
  );
  const extras = mode === 'valid' ? fc.constant([]) : fc.array(fc.record({ field: fc.constantFrom('x', 'mode', 'file', 'note'), value: fc.constantFrom('1', 'x'.repeat(2000)) }), { maxLength: 14 });
  return fc
    .record({
      fields,
      file: fc.option(file, { nil: undefined, freq: mode === 'valid' ? 1000 : 6 }),
      extras,
      extrasAfter: fc.boolean(),
      envelope: mode === 'malformed' ? fc.constantFrom<'ok' | 'truncated' | 'no-boundary' | 'wrong-boundary'>('ok', 'truncated', 'no-boundary', 'wrong-boundary') : fc.constant<'ok'>('ok'),
      cut: fc.integer({ min: 1, max: 400 }),
    })
    .map(({ fields: given, file: f, extras: more, extrasAfter, envelope, cut }): BodyDraft => {
      const named = given.filter((x): x is { field: string; value: string } => x !== undefined);
      const parts: MultipartPart[] = extrasAfter ? [...named, ...(f ? [f] : []), ...more] : [...named, ...more, ...(f ? [f] : [])];
      return { kind: 'multipart', parts, boundary: 'fuzz-b0undary', envelope, cut };
    });
}

const importLine = (mode: Mode): fc.Arbitrary<unknown> => {
  const valid = fc.record({
    code: fc.oneof(fc.integer({ min: 1, max: 999_999 }).map((n) => `OLD-${n}`), fc.constant('LIVE')),
    procedureCode: ref('procedure.code', fc.constant('1.014393')),
    channel: fc.constantFrom('direct', 'online', 'postal'),
    receivedAt: fc.constantFrom('2025-03-03T09:00:00+07:00', '2024-12-30T16:00:00+07:00'),
    dueAt: fc.constantFrom('2025-03-20T17:00:00+07:00', '2025-04-01T17:00:00+07:00'),
    finishedAt: fc.constantFrom('2025-03-18T10:00:00+07:00', null),
    outcome: fc.constantFrom('returned', 'refused', 'withdrawn'),
    supplements: fc.constantFrom([], [{ requestedAt: '2025-03-05T09:00:00+07:00', completedAt: '2025-03-06T09:00:00+07:00' }]),
    digitised: fc.boolean(),
    eResult: fc.boolean(),
    paidOnline: fc.constantFrom(null, true, false),
    rating: fc.constantFrom(null, 'satisfied'),
  });
  if (mode === 'valid') return valid;
  return fc.oneof(
    valid,
    fc.tuple(valid, fc.constantFrom('receivedAt', 'dueAt', 'finishedAt', 'code', 'supplements', 'rating'), malformedValue).map(([v, k, bad]) => ({ ...v, [k]: bad })),
    fc.constantFrom('{', '', '{"code":1}', 'x'.repeat(70_000), '[]', 'null'),
  );
};

function ndjsonBody(mode: Mode): fc.Arbitrary<BodyDraft> {
  return fc.array(importLine(mode), { minLength: mode === 'valid' ? 1 : 0, maxLength: 6 }).map((lines): BodyDraft => ({ kind: 'ndjson', lines }));
}

// ---- whole requests ----------------------------------------------------------------------------

export function draftsFor(operations: Operation[], callers: number): fc.Arbitrary<Draft> {
  return fc.oneof(
    ...operations.map((op, index) =>
      fc.constantFrom<Mode>('valid', 'valid', 'boundary', 'malformed').chain((mode) =>
        fc.record({
          op: fc.constant(index),
          mode: fc.constant(mode),
          caller: fc.integer({ min: 0, max: callers }),
          forgedToken: fc.boolean(),
          path: fc.record(Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(op, p, mode)]))),
          query: queryDraft(op, mode),
          headers: op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key')
            ? fc.option(fc.oneof(fc.uuid(), fc.constantFrom('', ' ', 'ü', 'x'.repeat(200))), { nil: undefined }).map((k): Record<string, string> => (k === undefined ? {} : { 'idempotency-key': k }))
            : fc.constant({}),
          body:
            op.bodyKind === 'json'
              ? jsonBody(op, mode)
              : op.bodyKind === 'multipart'
                ? multipartBody(op, mode)
                : op.bodyKind === 'ndjson'
                  ? ndjsonBody(mode)
                  : fc.constant<BodyDraft>({ kind: 'none' }),
          declareHuge: mode === 'malformed' && op.bodyKind !== 'none' ? fc.integer({ min: 0, max: 7 }).map((n) => n === 0) : fc.constant(false),
        }),
      ),
    ),
  );
}
