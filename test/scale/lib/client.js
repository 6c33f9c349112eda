/**
 * HTTP client of the scripts (node:http, one keep-alive agent per instance). It never throws on a
 * transport failure: every call resolves with an outcome, so a run can count errors by kind —
 *
 * - `refused`: the connection was refused (the request never left);
 * - `reset-idle-socket`: a reused keep-alive connection was closed by the server as the request
 *   went out, before any answer (the usual keep-alive race; Node's docs advise retrying it);
 * - `reset`: the connection broke after the request was sent (outcome unknown);
 * - `timeout`: no answer within the client's bound (outcome unknown);
 * - `other`.
 *
 * Each instance's client keeps the set of requests in flight, so a script can see which requests
 * an instance had when it was sent SIGTERM.
 */
'use strict';
const http = require('node:http');
const { randomBytes } = require('node:crypto');

let nextRequestId = 1;

function createClient(base, { name = base, timeoutMs = 30_000 } = {}) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const inFlight = new Set();
  const client = {
    name,
    base,
    inFlight,
    /** Outcomes of every request, in completion order. */
    outcomes: [],
    /**
     * @param opts.token bearer token; opts.json a JSON body; opts.raw {body: Buffer, type}; opts.headers extra headers
     * @returns {Promise<{id, instance, method, path, status, body, headers, ms, startedAt, endedAt, error}>}
     */
    request(method, path, opts = {}) {
      const headers = { accept: 'application/json', ...(opts.headers ?? {}) };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let payload = null;
      if (opts.json !== undefined) {
        payload = Buffer.from(JSON.stringify(opts.json));
        headers['content-type'] = 'application/json';
      } else if (opts.raw) {
        payload = opts.raw.body;
        headers['content-type'] = opts.raw.type;
      }
      if (payload) headers['content-length'] = String(payload.length);
      const record = { id: nextRequestId++, instance: name, method, path, label: opts.label ?? null, status: null, body: null, headers: null, ms: null, startedAt: Date.now(), endedAt: null, error: null, sent: false };
      inFlight.add(record);
      return new Promise((resolve) => {
        let settled = false;
        const finish = () => {
          if (settled) return;
          settled = true;
          record.endedAt = Date.now();
          record.ms = record.endedAt - record.startedAt;
          inFlight.delete(record);
          client.outcomes.push(record);
          resolve(record);
        };
        const req = http.request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            record.status = res.statusCode;
            record.headers = res.headers;
            // The bytes as received (a downloaded file), besides the parsed body.
            record.raw = Buffer.concat(chunks);
            const text = record.raw.toString('utf8');
            try {
              record.body = text ? JSON.parse(text) : null;
            } catch {
              record.body = text;
            }
            finish();
          });
          res.on('error', (error) => {
            record.error = { kind: 'reset', code: error.code ?? error.message, sent: true };
            finish();
          });
        });
        req.setTimeout(opts.timeoutMs ?? timeoutMs, () => {
          record.error = { kind: 'timeout', code: 'TIMEOUT', sent: record.sent };
          req.destroy(new Error('client timeout'));
        });
        req.on('finish', () => (record.sent = true));
        req.on('error', (error) => {
          if (!record.error) {
            const code = error.code ?? error.message;
            let kind = 'other';
            if (code === 'ECONNREFUSED') kind = 'refused';
            else if (['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(code) || /socket hang up/.test(error.message)) kind = req.reusedSocket ? 'reset-idle-socket' : 'reset';
            record.error = { kind, code, sent: record.sent, reusedSocket: Boolean(req.reusedSocket) };
          }
          finish();
        });
        req.end(payload ?? undefined);
      });
    },
    json(method, path, token, body, extra = {}) {
      return client.request(method, path, { token, json: body, ...extra });
    },
    /** multipart/form-data with one file in the field "file" (what the upload routes take). */
    upload(path, token, file, extra = {}) {
      const boundary = `----scale${randomBytes(8).toString('hex')}`;
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
        file.bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return client.request('POST', path, { token, raw: { body, type: `multipart/form-data; boundary=${boundary}` }, ...extra });
    },
    close() {
      agent.destroy();
    },
  };
  return client;
}

/** "200", "409 VERSION_CONFLICT", "503 SERVICE_UNAVAILABLE", "error:refused" … */
function outcomeKey(r) {
  if (r.error) return `error:${r.error.kind}`;
  const code = r.body && typeof r.body === 'object' && typeof r.body.error === 'string' ? ` ${r.body.error}` : '';
  return r.status >= 200 && r.status < 300 ? String(r.status) : `${r.status}${code}`;
}

/** Counts outcomes by key. */
function tally(records) {
  const counts = {};
  for (const r of records) counts[outcomeKey(r)] = (counts[outcomeKey(r)] ?? 0) + 1;
  return counts;
}

module.exports = { createClient, outcomeKey, tally };
