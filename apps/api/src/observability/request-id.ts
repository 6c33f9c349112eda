import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A caller's own id (a proxy's X-Request-Id) is kept when it is short and plain; otherwise a new UUID. */
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's `genReqId`: the id in every log line of a request and in its `x-request-id` answer header. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && ACCEPTED.test(given) ? given : randomUUID();
}
