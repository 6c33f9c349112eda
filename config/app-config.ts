import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { minioConfigFromEnv, type MinioConfig } from '@motcua/storage';
import { feedbackDeadlines, type FeedbackDeadlines } from '@motcua/workflow';

/**
 * The whole runtime configuration, read from the environment once at boot and
 * validated into this typed object. Nothing else in the code reads `process.env`
 * (the one exception is the column-type switch in libs/persistence, see dialect.ts).
 */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /**
   * Names this process in the `X-Motcua-Instance` response header (INSTANCE_NAME, default the host
   * name and port), so that which instance answered can be checked through the proxy.
   */
  instanceName: string;
  dataDir: string;
  database: DatabaseConfig;
  jwt: { secret: string; expiresInSeconds: number; secretSource: 'env' | 'file' };
  /** Lifetime of an administrator's one-time password-reset link, in minutes. */
  passwordResetLinkTtlMinutes: number;
  /** Password of the seeded demo accounts; generated on first start when DEMO_PASSWORD is unset. */
  demoPassword: string | null;
  /** Agency identifier prefix of dossier codes (DOMAIN.md §2.6); null = the catalogue's default. */
  agencyId: string | null;
  /** Maximum JSON request body in bytes. */
  bodyLimitBytes: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** Bearer token Prometheus sends to GET /metrics; null = the endpoint is off (404). */
  metricsToken: string | null;
  deadlines: DeadlineSettings;
  /** Requests per minute per client address on login and public endpoints (brute force, scraping). */
  rateLimitPerMinute: { login: number; public: number };
  /**
   * Which proxies may tell the client's address (X-Forwarded-For), and so decide what the rate
   * limits count: `false` (default) trusts none, a number trusts that many hops in front of the
   * service, a list trusts those addresses or CIDR ranges. Trusting every sender would let any
   * client reset its limits with a new header per request.
   */
  trustProxy: false | number | string[];
  storage: StorageSettings;
  /** Largest uploaded file in bytes (larger → 413). */
  maxUploadBytes: number;
  /** Where the agency's signing identity comes from (PKCS#12), and the trust anchors for uploaded signed results. */
  signing: SigningSettings;
  /** Base URL of the public lookup page printed in QR codes on receipts. */
  publicBaseUrl: string;
  /** How often stored objects that no row references are swept (0 = never, in this process). */
  orphanSweepIntervalSeconds: number;
  /** Process lifecycle: schema migrations at boot, graceful shutdown (docs/deploy.md). */
  lifecycle: LifecycleSettings;
  /** The outbox dispatcher: delivery of notifications and portal records after commit (issue #6). */
  outbox: OutboxSettings;
  /** Where the outbox delivers; an unset target turns that channel off (e-mail: logged only). */
  delivery: DeliverySettings;
  /** Reporting: the result links the portal records carry, and the national statistical cut-off. */
  reporting: ReportingSettings;
  /** Who and what the printed papers name (issue #12). */
  papers: PaperSettings;
  /** The online channel (issue #16): intake time of online submissions and the payment platform. */
  online: OnlineSettings;
  /** The one-off step after restoring a backup (docs/deploy.md "Restore"). */
  restore: RestoreSettings;
  /** The citizen's sign-in with an OpenID Connect identity provider (issue #16); null = off. */
  identity: IdentitySettings | null;
}

/**
 * The identity provider citizens sign in with (OpenID Connect, authorization code + PKCE). Meant for
 * VNeID; its real issuer, client registration and claim names are UNVERIFIED (DOMAIN.md §1.5 only says
 * the portal record carries TaiKhoanDuocXacThucVoiVNeID), so all of it is configuration.
 */
export interface IdentitySettings {
  /** IDENTITY_ISSUER_URL: discovery at `<issuer>/.well-known/openid-configuration`. */
  issuerUrl: string;
  /** IDENTITY_CLIENT_ID (also the id_token's expected audience). */
  clientId: string;
  /** IDENTITY_CLIENT_SECRET (sent to the token endpoint, client_secret_post). */
  clientSecret: string;
  /** IDENTITY_ID_NUMBER_CLAIM: the id_token claim holding the citizen's ID number (default `identity_number`, UNVERIFIED). */
  idNumberClaim: string;
}

/**
 * The names on printed papers. Defaults fit Sở KH&CN Lai Châu; each is configuration because the
 * province decides them (DOMAIN.md §2.2: since 1 July 2025 the provincial Public Administration
 * Service Centre receives the Department's dossiers).
 */
export interface PaperSettings {
  /** The receiving unit printed on Mẫu 01–03 (RECEIVING_CENTRE_NAME). */
  receivingCentreName: string;
  /** Governing body printed above the agency (PAPER_PARENT_AGENCY), e.g. `UBND tỉnh Lai Châu`; empty = none. */
  parentAgency: string | null;
  /** Title of the head of the agency (AGENCY_HEAD_TITLE), default `Giám đốc`. */
  agencyHeadTitle: string;
  /**
   * Username of the official who signs apologies and refusals in processing for the agency
   * (PAPER_SIGNER_USERNAME); a deputy signs "KT." the head. Null: the active leader whose title is
   * the head's title.
   */
  signerUsername: string | null;
}

export interface OnlineSettings {
  /**
   * Working hours the one-stop unit has to accept or reject an online submission before the decision
   * is flagged late (ONLINE_INTAKE_WORKING_HOURS, default 8: issue #16, DOMAIN.md §2.3; the legal
   * text is UNVERIFIED).
   */
  intakeWorkingHours: number;
  /**
   * Shared secret of the payment platform's notifications (PAYMENT_NOTIFY_SECRET, HMAC-SHA256);
   * null → the notification endpoint refuses every call (503), and no online payment can be recorded.
   */
  paymentNotifySecret: string | null;
  /** Where the citizen is sent to pay (PAYMENT_PLATFORM_URL; the request id is appended); null = not offered. */
  paymentPlatformUrl: string | null;
  /**
   * PAYMENT_PLATFORM_DOUBLE=on: a local stand-in for the payment platform runs inside the process
   * (demo mode only; refused when NODE_ENV=production).
   */
  paymentPlatformDouble: boolean;
  /**
   * How long a citizen's unconfirmed online submission (draft and uploaded files) is kept
   * (ONLINE_SUBMISSION_DRAFT_HOURS, default 24); then it and its files are removed.
   */
  submissionDraftHours: number;
}

export interface RestoreSettings {
  /**
   * RESTORE_MODE=on, honoured by `main.js migrate` only (serve and the worker refuse to start with
   * it, so it cannot hold messages again at every boot): every message still waiting in the
   * restored outbox is held for an administrator, and the code counters move past the gaps below.
   * Production may have delivered those messages, and issued codes, after the backup was taken.
   */
  mode: boolean;
  /**
   * How far today's dossier-code counter moves past the highest code stored, per agency
   * (RESTORE_DOSSIER_CODE_GAP, default 500): more than the dossiers received between the backup and
   * the failure on the day of the restore, so a code that may have left the system is never reissued.
   */
  dossierCodeGap: number;
  /** The same for each dossier's digitisation-code counter (RESTORE_DIGITISATION_CODE_GAP, default 10). */
  digitisationCodeGap: number;
}

export interface ReportingSettings {
  /**
   * Base of the public link to an electronic result's signed file (DuongDanTepTinKetQua), followed
   * by the result's token. RESULT_LINK_BASE_URL, default PUBLIC_BASE_URL + `/api/public/results`.
   */
  resultLinkBaseUrl: string;
  /**
   * First day of the national statistical period (STATISTICAL_CUTOFF_DAY, default 15: the 15th of
   * the month before to the 14th, ND 09/2019/NĐ-CP on the reporting regime — UNVERIFIED for TTHC).
   */
  statisticalCutoffDay: number;
}

export interface OutboxSettings {
  /** Run the dispatcher in this process; `off` on API instances when `apps/worker` runs it. */
  dispatcher: boolean;
  /** Pause between polls when the previous one found nothing to do. */
  pollIntervalMs: number;
  /** Messages claimed per poll. */
  batchSize: number;
  /** Deliveries in flight at once within a batch. */
  concurrency: number;
  /** How long a claim holds; a crashed worker's messages become due again after it. */
  leaseSeconds: number;
  /** Attempts before a message is dead (visible to administrators, retried only by hand). */
  maxAttempts: number;
  /** Retry delay: base × 2^(attempt−1), capped at max, with jitter. */
  backoffBaseSeconds: number;
  backoffMaxSeconds: number;
  /** Timeout of one SMTP or HTTP delivery; must be shorter than the lease. */
  deliveryTimeoutSeconds: number;
}

export interface DeliverySettings {
  /** smtp:// or smtps:// URL; null = e-mails are written to the log instead of sent. */
  smtpUrl: string | null;
  /** Sender of applicant e-mails, e.g. `Bộ phận Một cửa <motcua@sokhcn.laichau.gov.vn>`. */
  mailFrom: string;
  /** Receiver of DVCQG sync records (DOMAIN.md §6.4); null = portal sync off. */
  portalSyncUrl: string | null;
  /** Receiver of dossier and deadline events for other systems; null = off. */
  webhookUrl: string | null;
}

export interface LifecycleSettings {
  /**
   * Run pending migrations when the API boots (MIGRATIONS_RUN, default on). Turn it off on every
   * instance of a scaled-out deployment and run `node dist/apps/api/src/main.js migrate` once
   * instead: TypeORM takes no lock, so instances booting together would race on the same migration.
   */
  migrationsRun: boolean;
  /**
   * After SIGTERM/SIGINT, how long the API keeps serving while readiness answers 503, before it
   * closes its port (SHUTDOWN_DRAIN_SECONDS; default 5 with NODE_ENV=production, else 0). Behind a
   * load balancer that polls readiness it must exceed the polling interval, so that no request is
   * sent to a closing port (with 0, one POST in 200 failed on SIGTERM behind Caddy, issue #18).
   */
  shutdownDrainSeconds: number;
  /** Then, how long in-flight requests may take before the process exits anyway (with code 1). */
  shutdownTimeoutSeconds: number;
}

export type StorageSettings = { kind: 'disk'; root: string } | { kind: 'minio'; minio: MinioConfig };

export interface SigningSettings {
  /** PKCS#12 of the agency; null → a demo CA and agency certificate generated in DATA_DIR/pki (not in production). */
  p12Path: string | null;
  p12Password: string | null;
  /** Folder of extra trusted CA certificates (PEM, PEM bundles or DER); the demo CA is trusted when it is in use. */
  trustedCaDir: string | null;
  /** Folder of intermediate CA certificates used to build paths (not trusted by themselves). */
  trustedIntermediatesDir: string | null;
  /** Trust the Vietnamese public roots shipped in config/trust/vn (default on). */
  trustVnRoots: boolean;
  /** Online revocation checking of uploaded signatures: off | prefer | require (libs/signatures policy.ts). */
  revocation: 'off' | 'prefer' | 'require';
  revocationTimeoutMs: number;
  /** How long fetched OCSP/CRL answers are reused. */
  revocationCacheSeconds: number;
  /** Legacy switch: accept SHA-1 signatures (flagged in the verdict). Default off. */
  allowSha1: boolean;
  /** Require keyUsage nonRepudiation on signer certificates. Default off. */
  requireNonRepudiation: boolean;
  /** RFC 3161 TSA used when the service signs (mode=sign): PAdES-B-T. Null → no timestamp. */
  tsaUrl: string | null;
  /** Embed OCSP/CRL answers for the agency certificate when the service signs (PAdES-B-LT). */
  embedRevocation: boolean;
}

export interface DeadlineSettings {
  /** A running dossier is "due soon" with at most this much working time left (default 1 working day). */
  dueSoonWorkingMinutes: number;
  /**
   * How long before the due time an apology should be recorded. ND 61/2018 said at least one
   * day before; the ND 118/2025 wording is UNVERIFIED (DOMAIN.md §2.9). Default one working day
   * (8 working hours); a later letter is accepted and recorded as late.
   */
  apologyLeadWorkingMinutes: number;
  /** How often the deadline sweep runs in this process; 0 turns it off (e.g. on API-only instances). */
  sweepIntervalSeconds: number;
  /**
   * Working days of each feedback (PAKN) deadline phase. Defaults 2/5/15/2 from DOMAIN.md §1.4
   * indicator 5.2; the legal source is UNVERIFIED (libs/workflow feedback-deadlines.ts), hence
   * FEEDBACK_DEADLINE_DAYS, e.g. `handle=10,publish=3` (phases not named keep their default).
   */
  feedback: FeedbackDeadlines;
}

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | { type: 'postgres'; url: string };

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

/**
 * Validate the environment. Collects every problem before failing, so an operator
 * fixes them in one go. Side effects: creates DATA_DIR and, outside production,
 * the JWT secret file in it.
 */
export function loadAppConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV ?? 'development').trim();
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  }
  const port = parseInteger(env.PORT, 3000, 'PORT', 0, 65535, problems);
  const host = env.HOST?.trim() || '0.0.0.0';
  const instanceName = env.INSTANCE_NAME?.trim() || `${hostname().slice(0, 50)}:${port}`;
  if (!/^[\x21-\x7e]{1,64}$/.test(instanceName)) problems.push('INSTANCE_NAME must be 1 to 64 visible ASCII characters (it is sent as a header)');
  const dataDirRaw = env.DATA_DIR?.trim() || './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  const bodyLimitBytes = parseInteger(env.BODY_LIMIT_BYTES, 1_048_576, 'BODY_LIMIT_BYTES', 1024, 100_000_000, problems);
  const expiresInSeconds = parseInteger(env.JWT_EXPIRES_IN_SECONDS, 8 * 3600, 'JWT_EXPIRES_IN_SECONDS', 60, 30 * 86400, problems);
  const passwordResetLinkTtlMinutes = parseInteger(env.PASSWORD_RESET_LINK_TTL_MINUTES, 24 * 60, 'PASSWORD_RESET_LINK_TTL_MINUTES', 5, 7 * 24 * 60, problems);
  const logLevel = (env.LOG_LEVEL?.trim() || 'log') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const metricsToken = env.METRICS_TOKEN?.trim() || null;
  if (metricsToken !== null && metricsToken.length < 32) problems.push('METRICS_TOKEN must be at least 32 characters');

  const deadlines: DeadlineSettings = {
    dueSoonWorkingMinutes: 60 * parseInteger(env.DUE_SOON_WORKING_HOURS, 8, 'DUE_SOON_WORKING_HOURS', 0, 400, problems),
    apologyLeadWorkingMinutes: 60 * parseInteger(env.APOLOGY_LEAD_WORKING_HOURS, 8, 'APOLOGY_LEAD_WORKING_HOURS', 0, 400, problems),
    sweepIntervalSeconds: parseInteger(env.SWEEP_INTERVAL_SECONDS, 300, 'SWEEP_INTERVAL_SECONDS', 0, 86400, problems),
    feedback: parseFeedbackDeadlines(env.FEEDBACK_DEADLINE_DAYS, problems),
  };
  const rateLimitPerMinute = {
    login: parseInteger(env.LOGIN_RATE_LIMIT_PER_MINUTE, 10, 'LOGIN_RATE_LIMIT_PER_MINUTE', 1, 100000, problems),
    public: parseInteger(env.PUBLIC_RATE_LIMIT_PER_MINUTE, 30, 'PUBLIC_RATE_LIMIT_PER_MINUTE', 1, 100000, problems),
  };
  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);
  let storage: StorageSettings = { kind: 'disk', root: join(dataDir, 'files') };
  try {
    const minio = minioConfigFromEnv(env);
    if (minio) storage = { kind: 'minio', minio };
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  const maxUploadBytes = parseInteger(env.MAX_UPLOAD_BYTES, 50 * 1024 * 1024, 'MAX_UPLOAD_BYTES', 1024, 2 * 1024 * 1024 * 1024, problems);
  const signing: SigningSettings = {
    p12Path: env.SIGNING_P12_PATH?.trim() || null,
    p12Password: env.SIGNING_P12_PASSWORD ?? null,
    trustedCaDir: env.TRUSTED_CA_DIR?.trim() || null,
    trustedIntermediatesDir: env.TRUSTED_INTERMEDIATES_DIR?.trim() || null,
    trustVnRoots: parseSwitch(env.TRUST_VN_ROOTS, true, 'TRUST_VN_ROOTS', problems),
    revocation: parseChoice(env.SIGNATURE_REVOCATION, ['off', 'prefer', 'require'] as const, 'prefer', 'SIGNATURE_REVOCATION', problems),
    revocationTimeoutMs: parseInteger(env.REVOCATION_TIMEOUT_MS, 5000, 'REVOCATION_TIMEOUT_MS', 100, 60000, problems),
    revocationCacheSeconds: parseInteger(env.REVOCATION_CACHE_SECONDS, 3600, 'REVOCATION_CACHE_SECONDS', 0, 7 * 86400, problems),
    allowSha1: parseSwitch(env.SIGNATURE_ALLOW_SHA1, false, 'SIGNATURE_ALLOW_SHA1', problems),
    requireNonRepudiation: parseSwitch(env.SIGNATURE_REQUIRE_NON_REPUDIATION, false, 'SIGNATURE_REQUIRE_NON_REPUDIATION', problems),
    tsaUrl: parseUrl(env.SIGNING_TSA_URL, 'SIGNING_TSA_URL', ['http:', 'https:'], problems),
    embedRevocation: parseSwitch(env.SIGNING_EMBED_REVOCATION, true, 'SIGNING_EMBED_REVOCATION', problems),
  };
  if (nodeEnv === 'production' && !signing.p12Path) problems.push('SIGNING_P12_PATH is required when NODE_ENV=production');
  if (signing.p12Path && signing.p12Password === null) problems.push('SIGNING_P12_PASSWORD is required with SIGNING_P12_PATH');
  const orphanSweepIntervalSeconds = parseInteger(env.ORPHAN_SWEEP_INTERVAL_SECONDS, 3600, 'ORPHAN_SWEEP_INTERVAL_SECONDS', 0, 7 * 86400, problems);
  if (nodeEnv === 'production' && !env.PUBLIC_BASE_URL?.trim()) problems.push('PUBLIC_BASE_URL is required when NODE_ENV=production (it is printed in receipts\' QR codes)');
  const publicBaseUrl = (env.PUBLIC_BASE_URL?.trim() || `http://localhost:${env.PORT?.trim() || 3000}`).replace(/\/+$/, '');
  // The papers' QR codes are this link: a phone opens an https one without warnings (issue #12).
  if (nodeEnv === 'production' && env.PUBLIC_BASE_URL?.trim() && !/^https:\/\/[^\s/]+/.test(publicBaseUrl)) problems.push('PUBLIC_BASE_URL must be an https:// URL when NODE_ENV=production');
  const reporting: ReportingSettings = {
    resultLinkBaseUrl: (parseUrl(env.RESULT_LINK_BASE_URL, 'RESULT_LINK_BASE_URL', ['http:', 'https:'], problems) ?? `${publicBaseUrl}/api/public/results`).replace(/\/+$/, ''),
    statisticalCutoffDay: parseInteger(env.STATISTICAL_CUTOFF_DAY, 15, 'STATISTICAL_CUTOFF_DAY', 2, 28, problems),
  };
  const papers: PaperSettings = {
    receivingCentreName: env.RECEIVING_CENTRE_NAME?.trim() || 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu',
    parentAgency: env.PAPER_PARENT_AGENCY === undefined ? 'UBND tỉnh Lai Châu' : env.PAPER_PARENT_AGENCY.trim() || null,
    agencyHeadTitle: env.AGENCY_HEAD_TITLE?.trim() || 'Giám đốc',
    signerUsername: env.PAPER_SIGNER_USERNAME?.trim() || null,
  };
  const online: OnlineSettings = {
    intakeWorkingHours: parseInteger(env.ONLINE_INTAKE_WORKING_HOURS, 8, 'ONLINE_INTAKE_WORKING_HOURS', 1, 400, problems),
    paymentNotifySecret: env.PAYMENT_NOTIFY_SECRET?.length ? env.PAYMENT_NOTIFY_SECRET : null,
    paymentPlatformUrl: parseUrl(env.PAYMENT_PLATFORM_URL, 'PAYMENT_PLATFORM_URL', ['http:', 'https:'], problems),
    // On by default in development (npm start's demo), never otherwise unless asked (tests start their own).
    paymentPlatformDouble: parseSwitch(env.PAYMENT_PLATFORM_DOUBLE, nodeEnv === 'development', 'PAYMENT_PLATFORM_DOUBLE', problems),
    submissionDraftHours: parseInteger(env.ONLINE_SUBMISSION_DRAFT_HOURS, 24, 'ONLINE_SUBMISSION_DRAFT_HOURS', 1, 720, problems),
  };
  // The demo's stand-in and the endpoint share a secret made for this process when none is given.
  if (online.paymentPlatformDouble && online.paymentNotifySecret === null) online.paymentNotifySecret = randomBytes(32).toString('hex');
  if (online.paymentNotifySecret !== null && online.paymentNotifySecret.length < 32) problems.push('PAYMENT_NOTIFY_SECRET must be at least 32 characters');
  if (nodeEnv === 'production' && online.paymentPlatformDouble) problems.push('PAYMENT_PLATFORM_DOUBLE is a demo stand-in and cannot be on when NODE_ENV=production');
  const identity = parseIdentity(env, problems);
  const database = parseDatabase(env.DATABASE_URL, dataDir, problems);
  const lifecycle = parseLifecycle(env, nodeEnv, problems);
  const { outbox, delivery } = parseOutbox(env, nodeEnv, problems);
  const restore: RestoreSettings = {
    mode: parseSwitch(env.RESTORE_MODE, false, 'RESTORE_MODE', problems),
    dossierCodeGap: parseInteger(env.RESTORE_DOSSIER_CODE_GAP, 500, 'RESTORE_DOSSIER_CODE_GAP', 0, 5000, problems),
    digitisationCodeGap: parseInteger(env.RESTORE_DIGITISATION_CODE_GAP, 10, 'RESTORE_DIGITISATION_CODE_GAP', 0, 50, problems),
  };
  const isProduction = nodeEnv === 'production';
  if (isProduction && !env.JWT_SECRET) problems.push('JWT_SECRET is required when NODE_ENV=production');
  if (env.JWT_SECRET !== undefined && env.JWT_SECRET.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  }
  const agencyId = env.AGENCY_ID?.trim() || null;
  if (agencyId !== null && !/^[A-Za-z0-9.]{1,32}$/.test(agencyId)) {
    problems.push('AGENCY_ID may contain only letters, digits and dots (at most 32)');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  // The SQLite file, the JWT secret, the demo PKI and local files live here: the service account's only.
  // (An existing folder keeps the permissions its owner gave it: it may be a mounted volume.)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const jwt = env.JWT_SECRET
    ? { secret: env.JWT_SECRET, expiresInSeconds, secretSource: 'env' as const }
    : { secret: readOrCreateSecret(join(dataDir, 'jwt-secret')), expiresInSeconds, secretSource: 'file' as const };

  return {
    env: nodeEnv as AppConfig['env'],
    port,
    host,
    instanceName,
    dataDir,
    database,
    jwt,
    passwordResetLinkTtlMinutes,
    demoPassword: env.DEMO_PASSWORD?.length ? env.DEMO_PASSWORD : null,
    agencyId,
    bodyLimitBytes,
    logLevel,
    metricsToken,
    deadlines,
    rateLimitPerMinute,
    trustProxy,
    storage,
    maxUploadBytes,
    signing,
    publicBaseUrl,
    orphanSweepIntervalSeconds,
    lifecycle,
    outbox,
    delivery,
    reporting,
    papers,
    online,
    restore,
    identity,
  };
}

/** The identity provider: off unless IDENTITY_ISSUER_URL is set; then the client id and secret are required. */
function parseIdentity(env: Env, problems: string[]): IdentitySettings | null {
  const issuerUrl = parseUrl(env.IDENTITY_ISSUER_URL, 'IDENTITY_ISSUER_URL', ['http:', 'https:'], problems);
  if (issuerUrl === null) return null;
  const clientId = env.IDENTITY_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.IDENTITY_CLIENT_SECRET ?? '';
  if (!clientId) problems.push('IDENTITY_CLIENT_ID is required with IDENTITY_ISSUER_URL');
  if (!clientSecret) problems.push('IDENTITY_CLIENT_SECRET is required with IDENTITY_ISSUER_URL');
  const idNumberClaim = env.IDENTITY_ID_NUMBER_CLAIM?.trim() || 'identity_number';
  return { issuerUrl: issuerUrl.replace(/\/+$/, ''), clientId, clientSecret, idNumberClaim };
}

function parseOutbox(env: Env, nodeEnv: string, problems: string[]): { outbox: OutboxSettings; delivery: DeliverySettings } {
  const switchValue = (env.OUTBOX_DISPATCHER?.trim() || 'on').toLowerCase();
  if (!['on', 'off'].includes(switchValue)) problems.push(`OUTBOX_DISPATCHER must be on or off (got "${env.OUTBOX_DISPATCHER}")`);
  const outbox: OutboxSettings = {
    dispatcher: switchValue !== 'off',
    pollIntervalMs: parseInteger(env.OUTBOX_POLL_INTERVAL_MS, 1000, 'OUTBOX_POLL_INTERVAL_MS', 50, 3_600_000, problems),
    batchSize: parseInteger(env.OUTBOX_BATCH_SIZE, 20, 'OUTBOX_BATCH_SIZE', 1, 500, problems),
    concurrency: parseInteger(env.OUTBOX_CONCURRENCY, 4, 'OUTBOX_CONCURRENCY', 1, 64, problems),
    leaseSeconds: parseInteger(env.OUTBOX_LEASE_SECONDS, 300, 'OUTBOX_LEASE_SECONDS', 5, 86400, problems),
    maxAttempts: parseInteger(env.OUTBOX_MAX_ATTEMPTS, 10, 'OUTBOX_MAX_ATTEMPTS', 1, 100, problems),
    backoffBaseSeconds: parseInteger(env.OUTBOX_BACKOFF_BASE_SECONDS, 10, 'OUTBOX_BACKOFF_BASE_SECONDS', 1, 86400, problems),
    backoffMaxSeconds: parseInteger(env.OUTBOX_BACKOFF_MAX_SECONDS, 3600, 'OUTBOX_BACKOFF_MAX_SECONDS', 1, 7 * 86400, problems),
    deliveryTimeoutSeconds: parseInteger(env.OUTBOX_DELIVERY_TIMEOUT_SECONDS, 15, 'OUTBOX_DELIVERY_TIMEOUT_SECONDS', 1, 600, problems),
  };
  if (outbox.backoffMaxSeconds < outbox.backoffBaseSeconds) problems.push('OUTBOX_BACKOFF_MAX_SECONDS must not be less than OUTBOX_BACKOFF_BASE_SECONDS');
  // A batch is delivered in ceil(batch / concurrency) rounds; all of them must end before the claim lapses,
  // or a second worker would deliver the same messages while the first is still at it.
  const rounds = Math.ceil(outbox.batchSize / outbox.concurrency);
  if (outbox.deliveryTimeoutSeconds * rounds >= outbox.leaseSeconds) {
    problems.push(
      `OUTBOX_LEASE_SECONDS (${outbox.leaseSeconds}) must exceed OUTBOX_DELIVERY_TIMEOUT_SECONDS × ⌈OUTBOX_BATCH_SIZE / OUTBOX_CONCURRENCY⌉ (${outbox.deliveryTimeoutSeconds * rounds})`,
    );
  }
  const smtpUrl = parseUrl(env.SMTP_URL, 'SMTP_URL', ['smtp:', 'smtps:'], problems);
  const mailFrom = env.MAIL_FROM?.trim() || 'Bộ phận Một cửa <no-reply@motcua.invalid>';
  if (!/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(mailFrom)) problems.push('MAIL_FROM must be an address, optionally with a name: Name <address@domain>');
  if (nodeEnv === 'production' && smtpUrl && !env.MAIL_FROM?.trim()) problems.push('MAIL_FROM is required with SMTP_URL when NODE_ENV=production');
  const delivery: DeliverySettings = {
    smtpUrl,
    mailFrom,
    portalSyncUrl: parseUrl(env.PORTAL_SYNC_URL, 'PORTAL_SYNC_URL', ['http:', 'https:'], problems),
    webhookUrl: parseUrl(env.WEBHOOK_URL, 'WEBHOOK_URL', ['http:', 'https:'], problems),
  };
  return { outbox, delivery };
}

function parseUrl(raw: string | undefined, name: string, protocols: string[], problems: string[]): string | null {
  const value = raw?.trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    if (protocols.includes(url.protocol)) return value;
  } catch {
    // reported below
  }
  problems.push(`${name} must be a ${protocols.map((p) => p.replace(':', '://')).join(' or ')} URL`);
  return null;
}

function parseLifecycle(env: Env, nodeEnv: string, problems: string[]): LifecycleSettings {
  const raw = env.MIGRATIONS_RUN?.trim().toLowerCase() || 'on';
  if (!['on', 'off'].includes(raw)) problems.push(`MIGRATIONS_RUN must be on or off (got "${env.MIGRATIONS_RUN}")`);
  return {
    migrationsRun: raw !== 'off',
    shutdownDrainSeconds: parseInteger(env.SHUTDOWN_DRAIN_SECONDS, nodeEnv === 'production' ? 5 : 0, 'SHUTDOWN_DRAIN_SECONDS', 0, 300, problems),
    shutdownTimeoutSeconds: parseInteger(env.SHUTDOWN_TIMEOUT_SECONDS, 30, 'SHUTDOWN_TIMEOUT_SECONDS', 1, 3600, problems),
  };
}

function parseDatabase(url: string | undefined, dataDir: string, problems: string[]): DatabaseConfig {
  const value = url?.trim();
  if (!value) return { type: 'sqlite', path: join(dataDir, 'motcua.sqlite') };
  if (/^postgres(ql)?:\/\//.test(value)) return { type: 'postgres', url: value };
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    return { type: 'sqlite', path: isAbsolute(path) ? path : resolve(dataDir, path) };
  }
  problems.push('DATABASE_URL must start with postgres://, postgresql:// or sqlite:');
  return { type: 'sqlite', path: '' };
}

function parseSwitch(raw: string | undefined, fallback: boolean, name: string, problems: string[]): boolean {
  const value = raw?.trim().toLowerCase();
  if (!value) return fallback;
  if (['on', 'true', '1'].includes(value)) return true;
  if (['off', 'false', '0'].includes(value)) return false;
  problems.push(`${name} must be on or off (got "${raw}")`);
  return fallback;
}

function parseChoice<T extends string>(raw: string | undefined, choices: readonly T[], fallback: T, name: string, problems: string[]): T {
  const value = raw?.trim().toLowerCase();
  if (!value) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  problems.push(`${name} must be one of ${choices.join(', ')} (got "${raw}")`);
  return fallback;
}

/** TRUST_PROXY: unset/`false` → none; `1`, `2`… → hops; `10.0.0.2,172.18.0.0/16` → those addresses. */
function parseTrustProxy(raw: string | undefined, problems: string[]): false | number | string[] {
  const value = raw?.trim() ?? '';
  if (value === '' || /^(false|off|none)$/i.test(value)) return false;
  if (/^\d+$/.test(value)) return parseInteger(value, 0, 'TRUST_PROXY', 1, 10, problems) || false;
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => {
    const [address, bits, extra] = e.split('/');
    const family = isIP(address);
    if (family === 0 || extra !== undefined) return true;
    return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
  if (bad.length > 0 || entries.length === 0) {
    problems.push(`TRUST_PROXY must be false, a number of proxy hops (1–10) or a comma-separated list of IP addresses or CIDR ranges (got "${raw}")`);
    return false;
  }
  return entries;
}

function parseInteger(raw: string | undefined, fallback: number, name: string, min: number, max: number, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

/** Development convenience: a random secret kept in DATA_DIR so tokens survive restarts. */
function readOrCreateSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(path, secret + '\n', { mode: 0o600 });
  return secret;
}

/** `reject=2,handle=10` → the feedback deadlines with those phases changed (validated by the workflow library). */
function parseFeedbackDeadlines(raw: string | undefined, problems: string[]): FeedbackDeadlines {
  const overrides: Record<string, number> = {};
  for (const part of (raw ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [phase, days] = part.split('=').map((p) => p.trim());
    overrides[phase] = days !== undefined && /^\d+(\.\d+)?$/.test(days) ? Number(days) : Number.NaN;
  }
  try {
    return feedbackDeadlines(overrides);
  } catch (error) {
    problems.push(`FEEDBACK_DEADLINE_DAYS: ${error instanceof Error ? error.message : String(error)}`);
    return feedbackDeadlines();
  }
}
