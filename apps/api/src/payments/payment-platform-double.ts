import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signPayment, SignedPaymentFields } from './payment-signature';

export interface DoubleDelivery {
  transactionId: string;
  status: number;
  body: unknown;
}

/**
 * A local stand-in for the payment platform (DVCQG's or the province's), for the tests and for
 * `npm start`'s demo mode only: it "takes" a payment and notifies our endpoint the way the platform
 * would, signed with the shared secret. It can deliver a notification again, and sign with a wrong
 * secret, to show that both are handled. Listens on the loopback interface only.
 *
 * POST /pay        { requestId, amountVnd, channelCode? }  → notifies, answers the delivery
 * GET  /pay?requestId=…&amountVnd=…[&returnUrl=…]        → the same, for a browser (demo); a page that
 *                                                          leads back to `returnUrl` (http/https only)
 * POST /redeliver  { transactionId }                       → sends that notification again
 */
export class PaymentPlatformDouble {
  private server: Server | null = null;
  private readonly sent = new Map<string, SignedPaymentFields>();

  constructor(
    private readonly notifyUrl: string,
    private readonly secret: string,
  ) {}

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('The payment platform double is not running');
    return `http://127.0.0.1:${address.port}/pay`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Pays a request and notifies our endpoint (as the platform does once the citizen paid). */
  async pay(requestId: string, amountVnd: number, channelCode = 1, signWith = this.secret): Promise<DoubleDelivery> {
    const fields: SignedPaymentFields = { requestId, transactionId: `GD${Date.now()}${randomBytes(4).toString('hex')}`, amountVnd, paidAt: new Date().toISOString(), channelCode };
    this.sent.set(fields.transactionId, fields);
    return this.deliver(fields, signWith);
  }

  /** Sends a notification again (platforms retry until acknowledged). */
  redeliver(transactionId: string): Promise<DoubleDelivery> {
    const fields = this.sent.get(transactionId);
    if (!fields) throw new Error(`Unknown transaction ${transactionId}`);
    return this.deliver(fields, this.secret);
  }

  private async deliver(fields: SignedPaymentFields, secret: string): Promise<DoubleDelivery> {
    const res = await fetch(this.notifyUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...fields, signature: signPayment(fields, secret) }) });
    const text = await res.text();
    return { transactionId: fields.transactionId, status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let delivery: DoubleDelivery;
      if (req.method === 'GET' && url.pathname === '/pay') {
        delivery = await this.pay(url.searchParams.get('requestId') ?? '', Number(url.searchParams.get('amountVnd')));
        const back = returnLink(url.searchParams.get('returnUrl'));
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Thanh toán (mô phỏng)</title>` +
            `<p>Nền tảng thanh toán mô phỏng: giao dịch ${escapeHtml(delivery.transactionId)}, ${delivery.status === 200 ? 'đã thanh toán' : `lỗi ${delivery.status}`}.</p>` +
            (back ? `<p><a id="quay-lai" href="${escapeHtml(back)}">Quay lại trang tra cứu hồ sơ</a></p>` : '') +
            `</html>`,
        );
        return;
      }
      const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
      if (req.method === 'POST' && url.pathname === '/pay') delivery = await this.pay(String(body.requestId), Number(body.amountVnd), Number(body.channelCode ?? 1));
      else if (req.method === 'POST' && url.pathname === '/redeliver') delivery = await this.redeliver(String(body.transactionId));
      else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(delivery));
    } catch (error) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
    }
  }
}

/** Only an http(s) link leads back (never javascript: or data:). */
function returnLink(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
