import { request as httpRequest } from 'node:http';
import { samplePdf, samplePng } from '../support/files';
import { BodyDraft, Draft, FileSample, PoolRef } from './drafts';
import { Operation, ownerOfPath, singular } from './openapi';

/** Values seen in answers, by `<owner>.<field>` (`dossier.id`, `procedure.code`, `component.key`…). */
export class Pools {
  private readonly pools = new Map<string, unknown[]>();

  resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    if (value === null || typeof value !== 'object') return value;
    if ('$pool' in value) {
      const ref = value as PoolRef;
      const pool = this.pools.get(ref.$pool);
      if (!pool?.length) return ref.fallback;
      // Half the picks among the first values seen (the seeded records, which belong together), half among all.
      const among = ref.pick % 2 === 0 ? Math.min(pool.length, 8) : pool.length;
      return pool[Math.floor(ref.pick / 2) % among];
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v)]));
  }

  add(pool: string, value: unknown): void {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const list = this.pools.get(pool) ?? [];
    if (list.includes(value)) return;
    list.push(value);
    // Small pools: the first values (seeded) stay, the oldest of the rest make room.
    if (list.length > 200) list.splice(8, 1);
    this.pools.set(pool, list);
  }

  /** Walks an answer: scalar fields of each object go to the pool of the object's owner (the property it sits under, or the path). */
  harvest(path: string, body: unknown): void {
    const stack: Array<{ value: unknown; owner: string }> = [{ value: body, owner: ownerOfPath(path) }];
    let visited = 0;
    while (stack.length > 0 && visited++ < 5000) {
      const { value, owner } = stack.pop()!;
      if (Array.isArray(value)) {
        for (const item of value) stack.push({ value: item, owner });
        continue;
      }
      if (value === null || typeof value !== 'object') continue;
      for (const [key, child] of Object.entries(value)) {
        if (child !== null && typeof child === 'object') {
          stack.push({ value: child, owner: TRANSPARENT.has(key) ? owner : singular(key) });
        } else if (HARVESTED.has(key)) {
          this.add(`${owner}.${key}`, child);
        } else if (key === 'publicLookupUrl' && typeof child === 'string') {
          const m = /\/tra-cuu\/([^/]+)\/([^/?#]+)$/.exec(child);
          if (m) {
            this.add('dossier.code', decodeURIComponent(m[1]));
            this.add('dossier.secret', m[2]);
          }
        }
      }
    }
  }
}

const HARVESTED = new Set(['id', 'code', 'key', 'idNumber', 'date', 'secret', 'version', 'lookupSecret']);
/** Properties that only wrap a list: their objects belong to the owner outside. */
const TRANSPARENT = new Set(['items', 'data', 'results']);

export interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

const TINY_JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64');

function fileBytes(sample: FileSample, maxUploadBytes: number): Buffer {
  switch (sample) {
    case 'pdf':
      return samplePdf();
    case 'png':
      return samplePng();
    case 'jpeg':
      return TINY_JPEG;
    case 'text':
      return Buffer.from('Chỉ là văn bản, không phải PDF\n');
    case 'elf':
      return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);
    case 'polyglot':
      return Buffer.concat([samplePdf(), Buffer.from('<html><script>alert(1)</script></html>')]);
    case 'pdf-stub':
      return Buffer.from('%PDF-');
    case 'empty':
      return Buffer.alloc(0);
    case 'oversize':
      return samplePdf(undefined, Buffer.alloc(maxUploadBytes + 1, 0x20));
  }
}

function multipart(body: Extract<BodyDraft, { kind: 'multipart' }>, maxUploadBytes: number): { contentType: string; bytes: Buffer } {
  const chunks: Buffer[] = [];
  for (const part of body.parts) {
    if ('value' in part) {
      chunks.push(Buffer.from(`--${body.boundary}\r\ncontent-disposition: form-data; name="${part.field}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(Buffer.from(`--${body.boundary}\r\ncontent-disposition: form-data; name="${part.field}"; filename="${part.fileName}"\r\ncontent-type: ${part.contentType}\r\n\r\n`));
      chunks.push(fileBytes(part.content, maxUploadBytes), Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${body.boundary}--\r\n`));
  let bytes = Buffer.concat(chunks);
  if (body.envelope === 'truncated') bytes = bytes.subarray(0, Math.max(0, bytes.length - body.cut));
  const contentType =
    body.envelope === 'no-boundary' ? 'multipart/form-data' : body.envelope === 'wrong-boundary' ? 'multipart/form-data; boundary=other' : `multipart/form-data; boundary=${body.boundary}`;
  return { contentType, bytes };
}

/** Percent-encoding that also sends a lone surrogate, as the invalid UTF-8 bytes it would be. */
function encodeSegment(value: string): string {
  return [...value].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
}

/** The draft as bytes on the wire, its pool references resolved now. */
export function realise(draft: Draft, op: Operation, pools: Pools, token: string | null, maxUploadBytes: number): WireRequest {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeSegment(String(pools.resolve(draft.path[name]) ?? 'x')));
  const query = new URLSearchParams();
  for (const [name, raw] of draft.query) {
    const value = pools.resolve(raw);
    for (const v of Array.isArray(value) ? value : [value]) query.append(name, typeof v === 'string' ? v : JSON.stringify(v));
  }
  const headers: Record<string, string> = { ...draft.headers, connection: 'close' };
  if (token) headers.authorization = `Bearer ${token}`;
  else if (draft.forgedToken) headers.authorization = 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiYWRtaW4iXX0.';
  let body: Buffer | null = null;
  const b = draft.body;
  if (b.kind === 'json') {
    body = Buffer.from(JSON.stringify(pools.resolve(b.value)) ?? 'null');
    headers['content-type'] = b.contentType ?? 'application/json';
  } else if (b.kind === 'raw') {
    body = Buffer.from(b.text);
    headers['content-type'] = b.contentType;
  } else if (b.kind === 'multipart') {
    const m = multipart(b, maxUploadBytes);
    body = m.bytes;
    headers['content-type'] = m.contentType;
  } else if (b.kind === 'ndjson') {
    body = Buffer.from(
      b.lines
        .map((line) => pools.resolve(line))
        .map((line) => (typeof line === 'string' ? line : JSON.stringify(line)))
        .join('\n'),
    );
    headers['content-type'] = 'application/x-ndjson';
  }
  const search = query.toString();
  return { method: op.method, path: search ? `${path}?${search}` : path, headers, body };
}

export interface WireAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * Sends one request on a fresh connection. With `declareHuge`, the body is announced as a
 * gigabyte but only its first bytes are sent: the server must answer without waiting for the rest.
 * Rejects after `timeoutMs` without a complete answer: a hung request.
 */
export function send(port: number, req: WireRequest, timeoutMs: number, declareHuge = false): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body) headers['content-length'] = String(declareHuge ? 1_000_000_000 : req.body.length);
    const r = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        r.destroy();
      });
      res.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    const timer = setTimeout(() => {
      r.destroy();
      reject(new HungRequestError(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    r.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // A server that refuses a body early closes the connection with the rest unread, and TCP may
      // then reset it before the client has read the answer: a refusal all the same.
      if (req.body && (e.code === 'EPIPE' || e.code === 'ECONNRESET')) resolve({ status: RESET, headers: {}, body: Buffer.alloc(0) });
      else reject(e);
    });
    if (req.body) r.write(declareHuge ? req.body.subarray(0, 256) : req.body);
    if (!declareHuge) r.end();
  });
}

export class HungRequestError extends Error {}

/** Status recorded for a request whose connection the server closed (with a body still unread) before the answer could be read. */
export const RESET = 0;
