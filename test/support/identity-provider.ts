import { createHash, generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/** How the next id_token is made wrong, for the denials. */
export interface IdTokenTwist {
  /** Claims put over the real ones (e.g. another `aud` or `nonce`). */
  claims?: Record<string, unknown>;
  /** Signed with a key the provider does not publish, under the published key's id. */
  foreignKey?: boolean;
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The citizen who signs in next (claims of the id_token besides iss/aud/exp/nonce). */
  user: Record<string, unknown>;
  /** Applies to the next token answer only. */
  twistNext(twist: IdTokenTwist): void;
  /** Token requests refused, with the reason (a wrong verifier, secret or code). */
  refusals: string[];
  close(): Promise<void>;
}

/**
 * A small real OpenID Connect provider on loopback (node:http), standing in for VNeID: discovery,
 * an authorize endpoint that signs the citizen in at once and redirects back with a code, a token
 * endpoint that checks the code (once), the client secret, the redirect URI and the PKCE verifier
 * (S256), and the JWKS of its RS256 key.
 */
export async function startTestIdentityProvider(options: { clientId?: string; clientSecret?: string } = {}): Promise<TestIdentityProvider> {
  const clientId = options.clientId ?? 'motcua-test';
  const clientSecret = options.clientSecret ?? 'idp-client-secret-0123456789';
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign: KeyObject = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = 'test-key-1';
  const codes = new Map<string, { redirectUri: string; challenge: string; nonce: string; user: Record<string, unknown> }>();
  const refusals: string[] = [];
  let twist: IdTokenTwist | null = null;
  let issuer = '';
  const provider: TestIdentityProvider = {
    issuer,
    clientId,
    clientSecret,
    user: { sub: 'vneid-0001', name: 'Lò Thị Mai', identity_number: '001099012345' },
    twistNext: (t) => (twist = t),
    refusals,
    close: async () => undefined,
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body === null ? undefined : JSON.stringify(body));
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return send(200, { issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.method === 'GET' && url.pathname === '/jwks') return send(200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] });
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const p = url.searchParams;
      const problems = [
        p.get('response_type') !== 'code' && 'response_type',
        p.get('client_id') !== clientId && 'client_id',
        p.get('code_challenge_method') !== 'S256' && 'code_challenge_method',
        !p.get('code_challenge') && 'code_challenge',
        !p.get('state') && 'state',
        !p.get('nonce') && 'nonce',
        !p.get('redirect_uri') && 'redirect_uri',
      ].filter(Boolean);
      if (problems.length > 0) return send(400, { error: 'invalid_request', fields: problems });
      const code = randomBytes(16).toString('hex');
      codes.set(code, { redirectUri: p.get('redirect_uri')!, challenge: p.get('code_challenge')!, nonce: p.get('nonce')!, user: { ...provider.user } });
      const back = new URL(p.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state')!);
      return send(302, null, { location: back.toString() });
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const code = form.get('code') ?? '';
        const grant = codes.get(code);
        codes.delete(code);
        const refuse = (reason: string) => {
          refusals.push(reason);
          send(400, { error: 'invalid_grant', error_description: reason });
        };
        if (form.get('grant_type') !== 'authorization_code') return refuse('grant_type');
        if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) return refuse('client');
        if (!grant) return refuse('code');
        if (form.get('redirect_uri') !== grant.redirectUri) return refuse('redirect_uri');
        if (createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') !== grant.challenge) return refuse('code_verifier');
        const now = Math.floor(Date.now() / 1000);
        const claims = { ...grant.user, iss: issuer, aud: clientId, iat: now, exp: now + 300, nonce: grant.nonce, ...(twist?.claims ?? {}) };
        const key = twist?.foreignKey ? foreign : privateKey;
        twist = null;
        send(200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: jwt.sign(claims, key, { algorithm: 'RS256', keyid: kid }) });
      });
      return;
    }
    send(404, { error: 'not_found' });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider.issuer = issuer;
  provider.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return provider;
}
