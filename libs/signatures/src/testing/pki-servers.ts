import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpFetcher } from '../http-fetcher';
import { OID } from '../oids';
import type { HttpFetcher } from '../revocation-data';
import { TrustStore } from '../trust-store';
import { issue, RevocationRegistry, timestampResponse, type TestCertificate } from './test-pki';

const DAY = 86400_000;

/**
 * The test PKI with its services as real HTTP servers on loopback: an OCSP responder
 * (POST /ocsp), CRLs (GET /crl/root.crl, /crl/intermediate.crl) and a TSA (POST /tsa,
 * RFC 3161). Its clock is `clock.now` (tests move it); `tsaTime` back-dates timestamps.
 */
export interface TestPkiWorld {
  baseUrl: string;
  clock: { now: Date };
  /** When set, the TSA stamps this time instead of `clock.now`. */
  tsaTime: { at?: Date };
  /** Every request the servers answered, e.g. "POST /ocsp". */
  requests: string[];
  /** When true, every service answers 503. */
  outage: { down: boolean };
  root: TestCertificate;
  intermediate: TestCertificate;
  leader: TestCertificate;
  specialist: TestCertificate;
  tsa: TestCertificate;
  ocspResponder: TestCertificate;
  registry: RevocationRegistry;
  trust: TrustStore;
  fetcher: HttpFetcher;
  /** Issues another end-entity certificate under the intermediate (ocsp and crl URLs set). */
  issueSigner(name: string, options?: { kind?: 'rsa' | 'ec'; notBefore?: Date; notAfter?: Date }): Promise<TestCertificate>;
  close(): Promise<void>;
}

export async function startTestPki(now: Date): Promise<TestPkiWorld> {
  const clock = { now };
  const tsaTime: { at?: Date } = {};
  const requests: string[] = [];
  const outage = { down: false };
  const issuedByIntermediate: TestCertificate[] = [];
  const registry = new RevocationRegistry();
  let world!: TestPkiWorld;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      requests.push(`${req.method} ${req.url}`);
      if (outage.down) {
        res.writeHead(503).end();
        return;
      }
      let answer: Uint8Array | undefined;
      let type = 'application/octet-stream';
      if (req.method === 'POST' && req.url === '/ocsp') {
        answer = await registry.ocsp(body, world.intermediate, world.ocspResponder, clock.now);
        type = 'application/ocsp-response';
      } else if (req.method === 'GET' && req.url === '/crl/intermediate.crl') {
        answer = await registry.crl(world.intermediate, issuedByIntermediate, clock.now);
        type = 'application/pkix-crl';
      } else if (req.method === 'GET' && req.url === '/crl/root.crl') {
        answer = await registry.crl(world.root, [world.intermediate], clock.now);
        type = 'application/pkix-crl';
      } else if (req.method === 'POST' && req.url === '/tsa') {
        answer = await timestampResponse(body, world.tsa, tsaTime.at ?? clock.now);
        type = 'application/timestamp-reply';
      }
      if (!answer) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': type, 'content-length': answer.length }).end(Buffer.from(answer));
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const longAgo = new Date(now.getTime() - 3650 * DAY);
  const farAhead = new Date(now.getTime() + 3650 * DAY);
  const root = await issue({ name: 'Test Root CA', ca: true, notBefore: longAgo, notAfter: farAhead });
  const intermediate = await issue({ name: 'Test Intermediate CA', ca: true, issuer: root, notBefore: longAgo, notAfter: farAhead, crlUrl: `${baseUrl}/crl/root.crl` });
  const issueSigner: TestPkiWorld['issueSigner'] = async (name, options = {}) => {
    const entity = await issue({
      name,
      kind: options.kind,
      issuer: intermediate,
      notBefore: options.notBefore ?? new Date(now.getTime() - 365 * DAY),
      notAfter: options.notAfter ?? new Date(now.getTime() + 365 * DAY),
      ocspUrl: `${baseUrl}/ocsp`,
      crlUrl: `${baseUrl}/crl/intermediate.crl`,
    });
    issuedByIntermediate.push(entity);
    return entity;
  };
  const leader = await issueSigner('Nguyễn Văn Lãnh Đạo');
  const specialist = await issueSigner('Trần Thị Chuyên Viên', { kind: 'ec' });
  const tsa = await issue({ name: 'Test TSA', issuer: intermediate, notBefore: longAgo, notAfter: farAhead, eku: [OID.timeStamping], crlUrl: `${baseUrl}/crl/intermediate.crl` });
  const ocspResponder = await issue({ name: 'Test OCSP Responder', issuer: intermediate, notBefore: longAgo, notAfter: farAhead, eku: [OID.ocspSigning], ocspNoCheck: true });
  issuedByIntermediate.push(tsa, ocspResponder);

  world = {
    baseUrl,
    clock,
    tsaTime,
    requests,
    outage,
    root,
    intermediate,
    leader,
    specialist,
    tsa,
    ocspResponder,
    registry,
    trust: TrustStore.from({ anchors: [root.pem] }),
    fetcher: httpFetcher(),
    issueSigner,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return world;
}

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
