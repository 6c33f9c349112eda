/**
 * The service's own OpenAPI document, read into the list of operations the fuzz test drives.
 * Only what the document says is used: paths, methods, parameters with their schemas, and the
 * request body's media type and schema ($refs resolved).
 */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  example?: unknown;
  default?: unknown;
  $ref?: string;
  allOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export type BodyKind = 'json' | 'multipart' | 'ndjson' | 'none';

export interface Operation {
  method: string;
  /** Path template with `{name}` parameters, e.g. `/api/dossiers/{id}/events`. */
  path: string;
  parameters: Parameter[];
  bodyKind: BodyKind;
  body: Schema | null;
}

interface Document {
  paths: Record<string, Record<string, { parameters?: Array<Parameter & { schema?: Schema }>; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

export function operationsOf(doc: Document): Operation[] {
  const resolve = (schema: Schema | undefined, depth = 0): Schema => {
    if (!schema || depth > 10) return {};
    if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')], depth + 1);
    if (schema.allOf) return schema.allOf.map((s) => resolve(s, depth + 1)).reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties }, required: [...(a.required ?? []), ...(b.required ?? [])] }), {});
    const out: Schema = { ...schema };
    if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, depth + 1)]));
    if (schema.items) out.items = resolve(schema.items, depth + 1);
    return out;
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      const type = Object.keys(content)[0];
      const bodyKind: BodyKind = !type ? 'none' : type === 'multipart/form-data' ? 'multipart' : type === 'application/x-ndjson' ? 'ndjson' : 'json';
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: Boolean(p.required), schema: resolve(p.schema) })),
        bodyKind,
        body: type ? resolve(content[type]?.schema) : null,
      });
    }
  }
  return operations;
}

/** The static segment before `{name}` in a path template, singular: `/api/dossiers/{id}/events` → `dossier` for `id`. */
export function ownerOfParameter(path: string, name: string): string {
  const segments = path.split('/').filter(Boolean);
  const at = segments.indexOf(`{${name}}`);
  return singular(at > 0 ? segments[at - 1] : 'root');
}

/** The last static segment of a path, singular: what a response from it lists or describes. */
export function ownerOfPath(path: string): string {
  const statics = path.split('/').filter((s) => s && !s.startsWith('{'));
  return singular(statics[statics.length - 1] ?? 'root');
}

export function singular(word: string): string {
  return word.endsWith('s') ? word.slice(0, -1) : word;
}
