import { createHash, createHmac, createPublicKey, JsonWebKey, KeyObject, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { LessThan } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import { cleanIdNumber } from '@motcua/text';
import { Clock } from '../common/clock';
import { AppError, BadInputError, NotFoundError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { IdentityLoginEntity } from './identity-login.entity';

type IdentitySettings = NonNullable<AppConfig['identity']>;

export class IdentityStateError extends AppError {
  readonly status = 400;
  readonly code = 'IDENTITY_STATE_INVALID';
}

export class IdentityTokenError extends AppError {
  readonly status = 401;
  readonly code = 'IDENTITY_TOKEN_INVALID';
}

export class IdentityProviderError extends AppError {
  readonly status = 502;
  readonly code = 'IDENTITY_PROVIDER_UNAVAILABLE';
}

export class IdentityDisabledError extends NotFoundError {}

/** What a valid citizen token says: who signed in, as the identity provider named them. */
export interface CitizenIdentity {
  subject: string;
  name: string | null;
  /** The citizen's ID number when the provider gave one (IDENTITY_ID_NUMBER_CLAIM), digits only. */
  idNumber: string | null;
}

/** The audience of our citizen tokens (never accepted as a staff token: another key, another audience). */
export const CITIZEN_IDENTITY_AUDIENCE = 'citizen-identity';
const CITIZEN_TOKEN_SECONDS = 30 * 60;
const LOGIN_SECONDS = 10 * 60;
const HTTP_TIMEOUT_MS = 10_000;
/** A web path of the app's hash routes (`/nop-truc-tuyen`): never another site. */
const RETURN_TO = /^\/[a-z0-9-]+(?:\/[a-z0-9-]+)*$/;

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

/**
 * The identity-provider seam (issue #16): OpenID Connect authorization code flow with PKCE (S256),
 * `state` and `nonce`, against the issuer of IDENTITY_ISSUER_URL (meant for VNeID; its real
 * parameters are UNVERIFIED, so nothing of it is hard-coded). The id_token is checked (RS256
 * signature against the provider's JWKS, iss, aud, exp, nonce); the citizen then carries our own
 * short-lived token (HS256, a key derived from JWT_SECRET, audience `citizen-identity`) to the
 * online submission, which records TaiKhoanDuocXacThucVoiVNeID from it.
 */
@Injectable()
export class IdentityService {
  private readonly logger = new Logger('Identity');
  private readonly citizenKey: Buffer;
  private discovery: Promise<Discovery> | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly time: Clock,
  ) {
    // A key of its own, so a staff token can never pass as a citizen's nor the other way round.
    this.citizenKey = createHmac('sha256', config.jwt.secret).update(CITIZEN_IDENTITY_AUDIENCE).digest();
  }

  get enabled(): boolean {
    return this.config.identity !== null;
  }

  /** Records a pending login and answers the provider's authorize URL the citizen is sent to. */
  async start(returnTo: string): Promise<string> {
    const settings = this.settings();
    if (!RETURN_TO.test(returnTo) || returnTo.length > 200) throw new BadInputError('returnTo must be a path of the web application, e.g. /nop-truc-tuyen', { field: 'returnTo' });
    const provider = await this.provider(settings);
    const state = randomBytes(24).toString('base64url');
    const codeVerifier = randomBytes(48).toString('base64url');
    const nonce = randomBytes(24).toString('base64url');
    const now = this.time.now();
    await this.uow.run(async (m) => {
      await m.delete(IdentityLoginEntity, { expiresAt: LessThan(now) });
      await m.insert(IdentityLoginEntity, { stateHash: sha256(state), codeVerifier, nonce, returnTo, createdAt: now, expiresAt: new Date(now.getTime() + LOGIN_SECONDS * 1000) });
    });
    const url = new URL(provider.authorization_endpoint);
    const params = {
      response_type: 'code',
      client_id: settings.clientId,
      redirect_uri: this.redirectUri(),
      scope: 'openid profile',
      state,
      nonce,
      code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.toString();
  }

  /**
   * The provider sent the citizen back: the state is consumed (once, unexpired), the code exchanged,
   * the id_token checked; answers where the citizen goes, with our citizen token in the fragment.
   */
  async callback(code: string, state: string): Promise<string> {
    const settings = this.settings();
    const now = this.time.now();
    const login = await this.uow.run(async (m) => {
      const row = await m.findOne(IdentityLoginEntity, { where: { stateHash: sha256(state) } });
      if (!row) return null;
      const deleted = await m.delete(IdentityLoginEntity, { stateHash: row.stateHash });
      return deleted.affected === 1 && row.expiresAt.getTime() > now.getTime() ? row : null;
    });
    if (!login) throw new IdentityStateError('Unknown, used or expired sign-in: start the sign-in again');
    const provider = await this.provider(settings);
    const idToken = await this.exchange(settings, provider, code, login.codeVerifier);
    const claims = await this.verifyIdToken(settings, provider, idToken, login.nonce);
    const token = this.citizenToken(claims, settings);
    return `${this.config.publicBaseUrl}/#${login.returnTo}/dinh-danh/${token}`;
  }

  /** The identity a citizen token carries; IdentityTokenError (401) when it is not one of ours or has expired. */
  verifyCitizenToken(token: string): CitizenIdentity {
    try {
      const payload = jwt.verify(token, this.citizenKey, { algorithms: ['HS256'], audience: CITIZEN_IDENTITY_AUDIENCE, clockTimestamp: this.clockSeconds() }) as jwt.JwtPayload;
      if (typeof payload.sub !== 'string') throw new Error('no subject');
      return { subject: payload.sub, name: typeof payload.name === 'string' ? payload.name : null, idNumber: typeof payload.idn === 'string' ? payload.idn : null };
    } catch {
      throw new IdentityTokenError('The sign-in token is invalid or expired: sign in again');
    }
  }

  private citizenToken(claims: jwt.JwtPayload, settings: IdentitySettings): string {
    const rawId = claims[settings.idNumberClaim];
    const idNumber = typeof rawId === 'string' || typeof rawId === 'number' ? cleanIdNumber(String(rawId)) : null;
    const name = typeof claims.name === 'string' ? claims.name : null;
    const iat = Math.floor(this.time.now().getTime() / 1000);
    const payload = { sub: claims.sub, iat, exp: iat + CITIZEN_TOKEN_SECONDS, ...(name ? { name } : {}), ...(idNumber ? { idn: idNumber } : {}) };
    return jwt.sign(payload, this.citizenKey, { algorithm: 'HS256', audience: CITIZEN_IDENTITY_AUDIENCE });
  }

  private async exchange(settings: IdentitySettings, provider: Discovery, code: string, codeVerifier: string): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.redirectUri(),
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      code_verifier: codeVerifier,
    });
    const res = await this.http(provider.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    if (res.status >= 400 && res.status < 500) throw new IdentityTokenError('The identity provider refused the sign-in code');
    const json = (await this.json(res)) as { id_token?: unknown };
    if (typeof json.id_token !== 'string') throw new IdentityProviderError('The identity provider answered without an id_token');
    return json.id_token;
  }

  private async verifyIdToken(settings: IdentitySettings, provider: Discovery, idToken: string, nonce: string): Promise<jwt.JwtPayload> {
    const header = jwt.decode(idToken, { complete: true })?.header;
    if (!header || header.alg !== 'RS256') throw new IdentityTokenError('The id_token is not an RS256 JWT');
    const key = await this.signingKey(provider, header.kid);
    let claims: jwt.JwtPayload;
    try {
      claims = jwt.verify(idToken, key, { algorithms: ['RS256'], issuer: provider.issuer, audience: settings.clientId, clockTimestamp: this.clockSeconds() }) as jwt.JwtPayload;
    } catch (error) {
      throw new IdentityTokenError(`The id_token is not valid: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (claims.nonce !== nonce) throw new IdentityTokenError('The id_token was not issued for this sign-in (nonce)');
    if (typeof claims.sub !== 'string' || !claims.sub) throw new IdentityTokenError('The id_token names no subject');
    return claims;
  }

  /** The provider's signing key named by `kid` (its JWKS read each time: a rotated key is seen at once). */
  private async signingKey(provider: Discovery, kid: string | undefined): Promise<KeyObject> {
    const jwks = (await this.json(await this.http(provider.jwks_uri))) as { keys?: Array<JsonWebKey & { kid?: string; use?: string }> };
    const keys = (jwks.keys ?? []).filter((k) => k.kty === 'RSA' && (k.use === undefined || k.use === 'sig'));
    const key = kid === undefined ? (keys.length === 1 ? keys[0] : undefined) : keys.find((k) => k.kid === kid);
    if (!key) throw new IdentityTokenError('The id_token is signed with a key the identity provider does not publish');
    return createPublicKey({ key, format: 'jwk' });
  }

  /** `<issuer>/.well-known/openid-configuration`, read once (again after a failure). */
  private provider(settings: IdentitySettings): Promise<Discovery> {
    this.discovery ??= (async () => {
      const doc = (await this.json(await this.http(`${settings.issuerUrl}/.well-known/openid-configuration`))) as Partial<Discovery>;
      for (const field of ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
        if (typeof doc[field] !== 'string') throw new IdentityProviderError(`The identity provider's discovery document has no ${field}`);
      }
      if (doc.issuer !== settings.issuerUrl) throw new IdentityProviderError(`The discovery document names issuer ${doc.issuer}, not ${settings.issuerUrl}`);
      return doc as Discovery;
    })().catch((error: unknown) => {
      this.discovery = null;
      throw error;
    });
    return this.discovery;
  }

  private async http(url: string, init: RequestInit = {}): Promise<Response> {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS), redirect: 'error' });
      if (res.status >= 500) throw new Error(`HTTP ${res.status}`);
      return res;
    } catch (error) {
      this.logger.warn(`Identity provider at ${new URL(url).origin} failed: ${String(error)}`);
      throw new IdentityProviderError('The identity provider cannot be reached: try again later');
    }
  }

  private async json(res: Response): Promise<unknown> {
    if (!res.ok) throw new IdentityProviderError(`The identity provider answered HTTP ${res.status}`);
    try {
      return await res.json();
    } catch {
      throw new IdentityProviderError('The identity provider answered something that is not JSON');
    }
  }

  private settings(): IdentitySettings {
    if (!this.config.identity) throw new IdentityDisabledError('Sign-in with an identity provider is not configured');
    return this.config.identity;
  }

  private redirectUri(): string {
    return `${this.config.publicBaseUrl}/api/public/identity/callback`;
  }

  private clockSeconds(): number {
    return Math.floor(this.time.now().getTime() / 1000);
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
