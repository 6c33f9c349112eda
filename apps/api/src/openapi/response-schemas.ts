import type { OpenAPIObject } from '@nestjs/swagger';
import generated from './response-schemas.generated.json';

type Operation = { responses?: Record<string, { description?: string; content?: Record<string, { schema: unknown }> }> };

/**
 * Adds each route's response schema to the OpenAPI document. The schemas are derived from the
 * handlers' return types by `npm run api:contract` (scripts/openapi), so the document describes
 * what the handlers actually return; the web app's types are generated from this document, and a
 * test fails when either generated file is stale (test/e2e/api-contract.e2e-spec.ts).
 */
export function withResponseSchemas(document: OpenAPIObject): OpenAPIObject {
  const operations = generated.operations as Record<string, { status: number; mediaTypes: string[]; schema?: unknown }>;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      const found = operations[`${method} ${path}`];
      if (!found) continue;
      // Nest lists the default success only when no other response is declared: add it back.
      const responses = (operation.responses ??= {});
      if (!Object.keys(responses).some((status) => /^2\d\d$/.test(status))) responses[String(found.status)] = { description: '' };
      if (!found.schema) continue;
      for (const [status, response] of Object.entries(responses)) {
        if (!/^2\d\d$/.test(status) || status === '204' || response.content) continue;
        response.content = Object.fromEntries(found.mediaTypes.map((type) => [type, { schema: found.schema }]));
      }
    }
  }
  document.components = { ...document.components, schemas: { ...(generated.components as Record<string, object>), ...document.components?.schemas } };
  return document;
}
