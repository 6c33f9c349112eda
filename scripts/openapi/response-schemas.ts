/**
 * The response schemas of every route, derived from the handlers' return types
 * (apps/api/src/openapi/response-schemas.generated.json). The running API merges them into its
 * OpenAPI document; the web app's types are generated from that document (scripts/api-contract.ts).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { routeHandlers } from './controller-routes';
import { Schema, TypeSchemas } from './type-schema';

export interface GeneratedOperation {
  status: number;
  /** `application/json`, or the media types of the file the handler sends. */
  mediaTypes: string[];
  /** Absent when the handler returns nothing (a 204). */
  schema?: Schema;
}

export interface GeneratedResponses {
  operations: Record<string, GeneratedOperation>;
  components: Record<string, Schema>;
}

export function generateResponseSchemas(root: string): GeneratedResponses {
  const apiSource = join(root, 'apps', 'api', 'src');
  const controllers = listFiles(apiSource).filter((f) => f.endsWith('.controller.ts'));
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } });
  if (!config) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram(controllers, config.options);
  const schemas = new TypeSchemas(program.getTypeChecker());
  const operations: Record<string, GeneratedOperation> = {};
  const handlers = routeHandlers(program, (fileName) => controllers.includes(fileName));
  for (const handler of handlers) {
    const key = `${handler.method} ${handler.path}`;
    if (operations[key]) throw new Error(`two handlers for ${key}`);
    const empty = handler.returns.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined);
    if (handler.produces.length > 0 || schemas.isBinary(handler.returns)) {
      const mediaTypes = handler.produces.length > 0 ? handler.produces : ['application/octet-stream'];
      operations[key] = { status: handler.status, mediaTypes, schema: { type: 'string', format: 'binary' } };
    } else {
      operations[key] = { status: handler.status, mediaTypes: ['application/json'], ...(empty ? {} : { schema: schemas.of(handler.returns) }) };
    }
  }
  return { operations: sortKeys(operations), components: sortKeys(Object.fromEntries(schemas.components)) };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path.split('\\').join('/')];
  });
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]]));
}
