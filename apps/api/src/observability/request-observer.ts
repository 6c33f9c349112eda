import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { DOSSIER_EVENT_TYPES, FEEDBACK_EVENT_TYPES } from '@motcua/workflow';
import { Metrics } from './metrics';
import { redactUrl } from './redact-url';

/** Workflow event endpoints: their 2xx answers are applied transitions (one transaction each, audited). */
const WORKFLOW_EVENT_ROUTES: Record<string, string> = {
  '/api/dossiers/:id/events': 'dossier',
  '/api/feedback/:id/events': 'feedback',
  '/api/public/feedback/:code/events': 'feedback',
};

/**
 * One JSON log line per answered request (`request completed`: reqId, method, path, redacted
 * query, route, status, latencyMs, userId) and its Prometheus observations. Headers and bodies are
 * never logged: they carry tokens and passwords. The request id is sent back as `x-request-id`,
 * and the instance that answered as `x-motcua-instance` (INSTANCE_NAME: several behind one proxy).
 */
export function observeRequests(app: NestFastifyApplication, logger: Logger, instanceName: string): void {
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(Metrics);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    void reply.header('x-motcua-instance', instanceName);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const seconds = reply.elapsedTime / 1000;
    metrics.httpDuration.observe({ method: request.method, route, status_code: String(status) }, seconds);
    const workflow = request.method === 'POST' ? WORKFLOW_EVENT_ROUTES[route] : undefined;
    if (workflow) metrics.transitions.inc({ workflow, event: eventType(request), outcome: status < 300 ? 'applied' : String(status) });
    const level = status >= 500 ? 'error' : 'info';
    logger[level](
      {
        reqId: request.id,
        method: request.method,
        ...redactUrl(request.url),
        route,
        status,
        latencyMs: Math.round(reply.elapsedTime * 10) / 10,
        userId: (request as FastifyRequest & { user?: { id?: string } }).user?.id ?? null,
      },
      'request completed',
    );
    done();
  });
}

const KNOWN_EVENTS = new Set<string>([...DOSSIER_EVENT_TYPES, ...FEEDBACK_EVENT_TYPES]);

/** The event's type from the JSON body if the workflows know it: a label value must never be free text. */
function eventType(request: FastifyRequest): string {
  const type = (request.body as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' && KNOWN_EVENTS.has(type) ? type : 'unknown';
}
