import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Document = { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>; components: { schemas: Record<string, unknown> } };

/**
 * Checks an answer's JSON body against the schema the OpenAPI document gives its operation and
 * status; returns what does not match (empty when it does). OpenAPI 3.0's `nullable` is understood.
 */
export function responseValidator(doc: Document): (method: string, path: string, status: number, body: unknown) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(nullableRefs({ components: doc.components }) as object, 'doc');
  const compiled = new Map<string, ValidateFunction>();
  return (method, path, status, body) => {
    const schema = doc.paths[path]?.[method]?.responses?.[String(status)]?.content?.['application/json']?.schema;
    if (!schema) return [`${method} ${path} ${status}: no documented JSON schema`];
    const key = `${method} ${path} ${status}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(nullableRefs(rebase(schema)) as object);
      compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${key}: ${e.instancePath || '/'} ${e.message}`);
  };
}

/** `#/components/schemas/X` → the same schema inside the registered document. */
function rebase(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\/schemas\//g, '"doc#/components/schemas/'));
}

/** `nullable` without a `type` (a nullable reference or union, which Ajv refuses) as "this or null". */
function nullableRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableRefs);
  if (!schema || typeof schema !== 'object') return schema;
  const entries = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, nullableRefs(v)]));
  if (entries.nullable === true && entries.type === undefined) {
    const { nullable: _nullable, ...rest } = entries;
    return Object.keys(rest).length === 0 ? { type: 'null' } : { anyOf: [rest, { type: 'null' }] };
  }
  return entries;
}
