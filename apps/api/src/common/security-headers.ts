import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/**
 * Content-Security-Policy of everything the service answers, the web application (apps/web, built
 * by Vite into dist/web) first. The build has no inline script or style (checked by the browser
 * test, which fails on any console error such as a CSP violation): scripts, styles and the
 * Noto Sans fonts are files of this origin. The rest is what the screens do:
 * - the favicon is an inline `data:` SVG (index.html); QR codes and previews may be `data:`/`blob:` images;
 * - a file is previewed in an iframe of a `blob:` URL (FilesSection), and a PDF opens in a new tab
 *   at a `blob:` URL; that document inherits this policy, and reads itself back with fetch;
 * - no plugin content, no forms to elsewhere, framing only by this origin.
 * `upgrade-insecure-requests` (a helmet default) is left out: a plain-HTTP installation, such as
 * the Caddyfile's `:80` behind the province's TLS proxy or a test machine, would break.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
  'frame-src': ["'self'", 'blob:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
};

/**
 * A stored file served by the API is a document of its own, never part of the application: nothing
 * in it may run or load anything, whatever a browser would make of it (with `nosniff`, it keeps the
 * sniffed type the upload was stored under).
 */
const FILE_DOWNLOAD_CSP = "default-src 'none'; frame-ancestors 'self'; object-src 'none'; sandbox";

/** Headers of a stored or generated document sent to a staff member: personal data, no shared cache keeps it; nothing in it runs. */
export function privateDocumentHeaders(reply: FastifyReply): void {
  void reply.header('cache-control', 'private, no-store').header('content-security-policy', FILE_DOWNLOAD_CSP);
}

/** Swagger UI (/api/docs) ships an inline <style> and data: images; nothing else differs. */
const API_DOCS_CSP = serialise({ ...CONTENT_SECURITY_POLICY, 'style-src': ["'self'", "'unsafe-inline'"] });

/**
 * Security headers on every answer (web app, API, files, errors), through @fastify/helmet:
 * the CSP above, `X-Content-Type-Options: nosniff`, `X-Frame-Options: SAMEORIGIN`,
 * `Referrer-Policy: no-referrer` (lookup links carry a secret in their fragment and must not leak
 * a path either), `Strict-Transport-Security` (browsers heed it only over TLS, where it belongs),
 * cross-origin opener and resource policies. Registered before any route.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet as never, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    xFrameOptions: { action: 'sameorigin' },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (request.url === '/api/docs' || request.url.startsWith('/api/docs/')) void reply.header('content-security-policy', API_DOCS_CSP);
    });
}

function serialise(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}
