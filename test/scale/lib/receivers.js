/**
 * What the outbox delivers to, played locally: an HTTP receiver for PORTAL_SYNC_URL and
 * WEBHOOK_URL (like test/support/http-receiver.ts, plus delays and held requests), and an SMTP
 * listener for SMTP_URL. Both count deliveries per idempotency key.
 */
'use strict';
const { createHash } = require('node:crypto');
const { createServer } = require('node:http');
const { SMTPServer } = require('smtp-server');
const { onCleanup, sleep } = require('./harness');

/**
 * @returns receiver with `portalUrl`, `webhookUrl`, `requests` (every request, duplicates included),
 * `acceptedByKey()` (2xx answers that reached the client, by Idempotency-Key), and `respond(fn)`
 * where fn(request, nthForKey) returns a status or a promise of one (to delay or hold a request).
 */
async function startHttpReceiver() {
  const requests = [];
  const seen = new Map();
  const accepted = new Map();
  let responder = () => 200;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const key = req.headers['idempotency-key'];
        const nth = (seen.get(key ?? '') ?? 0) + 1;
        seen.set(key ?? '', nth);
        const request = { at: Date.now(), path: req.url, idempotencyKey: key, nth, body: safeJson(Buffer.concat(chunks).toString('utf8')), answered: null };
        requests.push(request);
        const status = await responder(request, nth);
        if (res.destroyed || req.socket.destroyed) {
          request.answered = 'client gone';
          return;
        }
        // Counted only when the answer was handed to the client's connection.
        res.once('finish', () => {
          request.answered = status;
          if (status >= 200 && status < 300 && key) accepted.set(key, (accepted.get(key) ?? 0) + 1);
        });
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(status < 300 ? { ok: true } : { error: 'unavailable' }));
      })();
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  onCleanup(`http receiver :${port}`, () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return {
    portalUrl: `http://127.0.0.1:${port}/portal`,
    webhookUrl: `http://127.0.0.1:${port}/webhook`,
    requests,
    acceptedByKey: () => new Map(accepted),
    respond(fn) {
      responder = fn;
    },
  };
}

/** A fixed delay before answering 200: keeps deliveries in flight long enough to be interrupted. */
function delayed(ms, status = 200) {
  return async () => {
    await sleep(ms);
    return status;
  };
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1. The service sets each e-mail's Message-ID from
 * the outbox idempotency key (apps/api/src/notifications/mailer.ts): `messageIdOf(key)` gives it,
 * so deliveries are counted per outbox message.
 */
async function startSmtpListener() {
  const byMessageId = new Map();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const head = raw.slice(0, Math.max(0, raw.indexOf('\r\n\r\n'))).replace(/\r\n[ \t]+/g, ' ');
        const id = /^message-id:\s*<([^>]+)>/im.exec(head)?.[1] ?? '(none)';
        byMessageId.set(id, (byMessageId.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  onCleanup(`smtp listener :${port}`, () => new Promise((resolve) => server.close(() => resolve())));
  return {
    url: `smtp://127.0.0.1:${port}`,
    byMessageId,
    /** The Message-ID (without <>) the service gives the e-mail of an outbox message; MAIL_FROM's domain is motcua.invalid by default. */
    messageIdOf: (key, domain = 'motcua.invalid') => `${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}`,
  };
}

module.exports = { startHttpReceiver, startSmtpListener, delayed };
