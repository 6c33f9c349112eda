import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbiddenCharacter, jsonDepthExceeds, normaliseText } from '@motcua/text';
import type { ErrorBody } from './http-error.filter';

/** Deepest JSON body accepted. A procedure definition, the deepest legitimate body, nests 4 levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * Passwords are compared byte for byte with what was hashed when the account was made, so they
 * are checked for forbidden characters but never rewritten.
 */
const VERBATIM_KEYS = new Set(['password']);

class InputRuleViolation {
  constructor(readonly body: ErrorBody) {}
}

/**
 * The one rule every request passes before any guard, pipe or handler sees it (libs/text):
 * a JSON body nested deeper than {@link MAX_JSON_DEPTH} is a 400 JSON_TOO_DEEP (class-transformer
 * would recurse until the stack overflows); a NUL byte or a control character in any string of
 * the body, the query or the path is a 400 INVALID_CHARACTERS; every other string is brought to
 * Unicode NFC, so what is stored and searched is one form of the text.
 */
export function registerInputRules(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      applyInputRules(request);
    } catch (error) {
      if (!(error instanceof InputRuleViolation)) throw error;
      return reply.code(error.body.statusCode).header('content-type', 'application/json; charset=utf-8').send(error.body);
    }
  });
}

function applyInputRules(request: FastifyRequest): void {
  const body = request.body;
  if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body) && typeof (body as { pipe?: unknown }).pipe !== 'function') {
    if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
      throw new InputRuleViolation({ statusCode: 400, error: 'JSON_TOO_DEEP', message: `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels` });
    }
    request.body = clean(body, 'body');
  }
  request.query = clean(request.query, 'query') as typeof request.query;
  request.params = clean(request.params, 'path') as typeof request.params;
}

/** Checks and normalises every string under `value`, in place for objects and arrays (iteratively: depth is bounded above, width is not). */
function clean(value: unknown, where: string): unknown {
  if (typeof value === 'string') return cleanString(value, where, false);
  if (value === null || typeof value !== 'object') return value;
  const stack: Array<{ container: Record<string, unknown> | unknown[]; path: string }> = [{ container: value as Record<string, unknown>, path: where }];
  while (stack.length > 0) {
    const { container, path } = stack.pop()!;
    const entries: Array<[string | number, unknown]> = Array.isArray(container) ? container.map((v, i) => [i, v]) : Object.entries(container);
    for (const [key, child] of entries) {
      const childPath = typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`;
      if (typeof key === 'string') cleanString(key, `${path} (a field name)`, true);
      if (typeof child === 'string') {
        (container as Record<string | number, unknown>)[key] = cleanString(child, childPath, typeof key === 'string' && VERBATIM_KEYS.has(key));
      } else if (child !== null && typeof child === 'object') {
        stack.push({ container: child as Record<string, unknown>, path: childPath });
      }
    }
  }
  return value;
}

function cleanString(value: string, path: string, verbatim: boolean): string {
  const bad = forbiddenCharacter(value);
  if (bad !== null) {
    throw new InputRuleViolation({
      statusCode: 400,
      error: 'INVALID_CHARACTERS',
      message: `${path} contains the control character ${bad}, which no field accepts`,
      details: { field: path, character: bad },
    });
  }
  return verbatim ? value : normaliseText(value);
}
