/**
 * The settings reference: every environment variable `config/app-config.ts` (and the MinIO part,
 * libs/storage minio-config.ts) reads, with its default, meaning and production requirement.
 * README's settings table and docs/deploy.md's production table are generated from it
 * (`npm run docs:settings`); a test fails when they differ from it, when a variable read by the
 * schema is missing here (or listed here but read nowhere), and when one marked `requiredInProduction`
 * is not refused by the schema in production. Text is Markdown, as it appears in the tables.
 */
export interface SettingDoc {
  /** Variables documented together (one row). */
  names: string[];
  default: string;
  meaning: string;
  /** What production needs (docs/deploy.md's table lists the settings that have this). */
  production?: string;
  /** How docker-compose.yml sets it. */
  compose?: string;
  /** The service refuses to start (any command: serve, migrate, the worker) without it when NODE_ENV=production. */
  requiredInProduction?: boolean;
}

export const SETTINGS: readonly SettingDoc[] = [
  {
    names: ['PORT'],
    default: '`3000`',
    meaning: 'HTTP port',
  },
  {
    names: ['INSTANCE_NAME'],
    default: 'host name and port',
    meaning: 'sent as `X-Motcua-Instance` in every answer, to tell instances apart through the proxy',
  },
  {
    names: ['HOST'],
    default: '`0.0.0.0`',
    meaning: 'listen address',
  },
  {
    names: ['DATA_DIR'],
    default: '`./data`',
    meaning: 'SQLite file, generated secrets, local files',
  },
  {
    names: ['DATABASE_URL'],
    default: 'SQLite file in `DATA_DIR`',
    meaning: '`postgres://…` switches to PostgreSQL; `sqlite:path` picks another SQLite file',
    production: '`postgres://…`',
    compose: 'built from `POSTGRES_PASSWORD`',
  },
  {
    names: ['JWT_SECRET'],
    default: 'generated into `DATA_DIR/jwt-secret`',
    meaning: 'required (≥ 32 chars) when `NODE_ENV=production`',
    production: '≥ 32 characters, the same on every instance',
    compose: '`.env`',
    requiredInProduction: true,
  },
  {
    names: ['JWT_EXPIRES_IN_SECONDS'],
    default: '`28800` (8 h)',
    meaning: 'access-token lifetime',
  },
  {
    names: ['PASSWORD_RESET_LINK_TTL_MINUTES'],
    default: '`1440` (24 h; 5 to 10080)',
    meaning: 'lifetime of a one-time password-reset link issued by an administrator; it also stops working once used or when a newer one is issued',
  },
  {
    names: ['DEMO_PASSWORD'],
    default: 'generated, printed once',
    meaning: 'password of the seeded demo accounts',
  },
  {
    names: ['AGENCY_ID'],
    default: 'the catalogue\'s identifier',
    meaning: 'prefix of dossier codes `<AGENCY_ID>-YYMMDD-NNNN` (Lai Châu\'s real identifier is UNVERIFIED)',
  },
  {
    names: ['BODY_LIMIT_BYTES'],
    default: '`1048576`',
    meaning: 'largest JSON body accepted (larger → 413)',
  },
  {
    names: ['LOG_LEVEL'],
    default: '`log`',
    meaning: '`error`, `warn`, `log`, `debug`, `verbose`; logs are JSON lines on stdout, one `request completed` line per request (docs/deploy.md, "Logs and metrics")',
  },
  {
    names: ['METRICS_TOKEN'],
    default: 'unset → no `/metrics` (404)',
    meaning: '≥ 32 chars: Prometheus metrics at `GET /metrics` for `Authorization: Bearer <METRICS_TOKEN>` only (docs/deploy.md)',
  },
  {
    names: ['NODE_ENV'],
    default: '`development`',
    meaning: '`production` disables demo accounts and requires `JWT_SECRET`, `SIGNING_P12_PATH` with `SIGNING_P12_PASSWORD`, and `PUBLIC_BASE_URL` — for every command (`migrate`, `create-user`, the worker too), since all read the same configuration',
    production: '`production` (no demo accounts; the settings marked required below)',
    compose: 'set',
    requiredInProduction: false,
  },
  {
    names: ['MINIO_ENDPOINT', 'MINIO_PORT', 'MINIO_USE_SSL', 'MINIO_ACCESS_KEY', 'MINIO_SECRET_KEY', 'MINIO_BUCKET', 'MINIO_REGION'],
    default: 'unset → files in `DATA_DIR/files`',
    meaning: 'file storage on MinIO (S3 protocol); the bucket is created if missing',
    production: 'required to scale out (the disk backend is single-server)',
    compose: 'set, keys from `.env`',
  },
  {
    names: ['MAX_UPLOAD_BYTES'],
    default: '`52428800` (50 MiB)',
    meaning: 'largest uploaded file (larger → 413)',
  },
  {
    names: ['SIGNING_P12_PATH', 'SIGNING_P12_PASSWORD'],
    default: 'demo CA + agency certificate generated in `DATA_DIR/pki` (development only)',
    meaning: 'the agency\'s signing certificate (PKCS#12) and its password; readiness `agency_certificate` is 503 until it chains to a trust anchor and is valid (docs/deploy.md, "Signing"; `main.js create-trial-pki` makes a trial one)',
    production: 'both: the agency\'s PKCS#12',
    compose: 'secret `agency_p12` + `.env`',
    requiredInProduction: true,
  },
  {
    names: ['TRUSTED_CA_DIR'],
    default: '—',
    meaning: 'extra trusted CA certificates for signed results: PEM, PEM bundles or DER (`.pem`, `.crt`, `.cer`, `.der`), each file on its own — a broken one is skipped and named by readiness (`trust_anchors`); `config/trust/` is always read',
    production: 'the folder with the root CA certificate of the agency certificate\'s issuer (unless among `config/trust/vn/`)',
    compose: '`/etc/motcua/trust`, mounted from `deploy/trust/` (`TRUST_DIR`)',
  },
  {
    names: ['TRUSTED_INTERMEDIATES_DIR'],
    default: '—',
    meaning: 'intermediate CA certificates used to build paths for signers whose file carries only their own certificate (not trusted by themselves)',
  },
  {
    names: ['TRUST_VN_ROOTS'],
    default: '`on`',
    meaning: 'trust the Vietnamese public roots shipped in `config/trust/vn/` (Vietnam National Root CA, Government CA G2; fingerprints in its README)',
  },
  {
    names: ['SIGNATURE_REVOCATION'],
    default: '`prefer`',
    meaning: 'online OCSP/CRL checking of uploaded signatures after the embedded data: `off` (never fetch; "not checked" stated), `prefer` (fetch; unknown accepted and stated), `require` (unknown → refused)',
  },
  {
    names: ['REVOCATION_TIMEOUT_MS'],
    default: '`5000`',
    meaning: 'timeout of one OCSP/CRL/TSA request',
  },
  {
    names: ['REVOCATION_CACHE_SECONDS'],
    default: '`3600`',
    meaning: 'how long fetched OCSP/CRL answers are reused',
  },
  {
    names: ['SIGNATURE_ALLOW_SHA1'],
    default: '`off`',
    meaning: 'legacy switch: accept SHA-1 signatures and timestamps (flagged `WEAK_ALGORITHM_ACCEPTED` in the verdict)',
  },
  {
    names: ['SIGNATURE_REQUIRE_NON_REPUDIATION'],
    default: '`off`',
    meaning: 'require keyUsage nonRepudiation on signer certificates (digitalSignature suffices otherwise)',
  },
  {
    names: ['SIGNING_TSA_URL'],
    default: '—',
    meaning: 'RFC 3161 timestamp authority used when the service signs a result (PAdES-B-T); unreachable → signed without a timestamp (logged)',
  },
  {
    names: ['SIGNING_EMBED_REVOCATION'],
    default: '`on`',
    meaning: 'embed OCSP/CRL answers for the agency certificate when the service signs (PAdES-B-LT), when its certificate names OCSP/CRL services',
  },
  {
    names: ['PUBLIC_BASE_URL'],
    default: '`http://localhost:$PORT`',
    meaning: 'base of the public lookup link printed in receipts\' QR codes',
    production: 'the public URL (printed in receipts\' QR codes)',
    compose: '`.env`',
    requiredInProduction: true,
  },
  {
    names: ['DUE_SOON_WORKING_HOURS'],
    default: '`8`',
    meaning: 'a running dossier is "due soon" with at most this much working time left',
  },
  {
    names: ['APOLOGY_LEAD_WORKING_HOURS'],
    default: '`8`',
    meaning: 'how long before the due time an apology should be recorded (ND 61/2018 said one day; ND 118/2025 wording UNVERIFIED); a later one, even after the due time, is accepted and recorded as late',
  },
  {
    names: ['RECEIVING_CENTRE_NAME'],
    default: '`Trung tâm Phục vụ hành chính công tỉnh Lai Châu`',
    meaning: 'the receiving unit heading Mẫu 01–03 and named as the place to collect results (DOMAIN.md §2.2)',
  },
  {
    names: ['PAPER_PARENT_AGENCY'],
    default: '`UBND tỉnh Lai Châu`',
    meaning: 'governing body printed above the issuer on every paper; empty = none',
  },
  {
    names: ['AGENCY_HEAD_TITLE'],
    default: '`Giám đốc`',
    meaning: 'title of the head of the agency; the active leader with this title signs apologies and refusals in processing',
  },
  {
    names: ['PAPER_SIGNER_USERNAME'],
    default: 'unset',
    meaning: 'account that signs those papers instead (a deputy signs "KT. GIÁM ĐỐC"); without it and without a leader titled as above they are refused (409)',
  },
  {
    names: ['SWEEP_INTERVAL_SECONDS'],
    default: '`300`',
    meaning: 'deadline sweep period in this process (`0` = off)',
  },
  {
    names: ['FEEDBACK_DEADLINE_DAYS'],
    default: '`reject=2,supplement=5,handle=15,publish=2`',
    meaning: 'working days of the feedback (PAKN) deadline phases (DOMAIN.md §1.4 ind. 5.2; legal source UNVERIFIED); name only the phases to change',
  },
  {
    names: ['LOGIN_RATE_LIMIT_PER_MINUTE', 'PUBLIC_RATE_LIMIT_PER_MINUTE'],
    default: '`10`, `30`',
    meaning: 'per client address, per instance; on top, an account with 5 failed logins waits 30 s, then 1, 2, 4… min (at most 15) between tries',
  },
  {
    names: ['TRUST_PROXY'],
    default: 'unset: no proxy trusted',
    meaning: 'who may name the client\'s address in `X-Forwarded-For` (the rate limits count per address): `1`, `2`… proxy hops in front of the service, or a comma-separated list of proxy addresses / CIDR ranges (`10.0.0.2,172.18.0.0/16`). Leave unset when clients connect directly: trusting any sender lets a client reset its limits with a new header per request',
    production: 'the proxies in front of the API: hops (`1` behind Caddy alone) or their addresses; unset when nothing is in front',
    compose: '`1` on the API instances',
  },
  {
    names: ['OUTBOX_DISPATCHER'],
    default: '`on`',
    meaning: 'deliver outbox messages (e-mail, SMS, portal sync, webhook) in this process; `off` on API instances when `apps/worker` runs',
    production: '`on` (default); `off` on API instances when the worker runs',
    compose: '`off` (the worker dispatches regardless)',
  },
  {
    names: ['OUTBOX_POLL_INTERVAL_MS', 'OUTBOX_BATCH_SIZE', 'OUTBOX_CONCURRENCY'],
    default: '`1000`, `20`, `4`',
    meaning: 'dispatcher pacing',
  },
  {
    names: ['OUTBOX_LEASE_SECONDS'],
    default: '`300`',
    meaning: 'how long a claim holds; a crashed worker\'s messages are due again after it (must exceed the delivery timeout × ⌈batch ÷ concurrency⌉)',
  },
  {
    names: ['OUTBOX_MAX_ATTEMPTS', 'OUTBOX_BACKOFF_BASE_SECONDS', 'OUTBOX_BACKOFF_MAX_SECONDS'],
    default: '`10`, `10`, `3600`',
    meaning: 'retries: base × 2^(attempt−1) with jitter, capped; then dead (admins retry or discard at `/api/admin/outbox`)',
  },
  {
    names: ['OUTBOX_DELIVERY_TIMEOUT_SECONDS'],
    default: '`15`',
    meaning: 'one SMTP or HTTP delivery',
  },
  {
    names: ['SMTP_URL', 'MAIL_FROM'],
    default: 'unset (e-mails only logged, said at boot)',
    meaning: '`smtp://` or `smtps://` server for applicant e-mails and their sender',
  },
  {
    names: ['PORTAL_SYNC_URL'],
    default: 'unset (off)',
    meaning: 'receiver of each dossier\'s portal record whenever its content changes (DOMAIN.md §1.5; wire format UNVERIFIED); the indicators are computed from the same records, and the reconciliation from the ones this receiver acknowledged',
  },
  {
    names: ['RESULT_LINK_BASE_URL'],
    default: '`$PUBLIC_BASE_URL/api/public/results`',
    meaning: 'base of an electronic result\'s public link (DuongDanTepTinKetQua in the record), followed by the result\'s token',
  },
  {
    names: ['STATISTICAL_CUTOFF_DAY'],
    default: '`15`',
    meaning: 'first day of a statistical period (15th of the month before to the 14th; ND 09/2019, UNVERIFIED for TTHC statistics)',
  },
  {
    names: ['WEBHOOK_URL'],
    default: 'unset (off)',
    meaning: 'receiver of dossier and deadline events for other systems',
  },
  {
    names: ['ONLINE_INTAKE_WORKING_HOURS'],
    default: '`8`',
    meaning: 'working hours the one-stop unit has to accept or reject an online submission; a later decision is flagged late in its audit event (`details.intake.late`; DOMAIN.md §2.3, legal text UNVERIFIED)',
  },
  {
    names: ['ONLINE_SUBMISSION_DRAFT_HOURS'],
    default: '`24`',
    meaning: "how long a citizen's unconfirmed online submission (`/api/public/submissions`) and its uploaded files are kept before they are removed",
  },
  {
    names: ['PAYMENT_NOTIFY_SECRET'],
    default: 'unset (online payment off: notifications answer 503)',
    meaning: "shared secret (≥ 32 characters) of the payment platform's notifications, HMAC-SHA256 over `requestId\\|transactionId\\|amountVnd\\|paidAt\\|channelCode`",
  },
  {
    names: ['PAYMENT_PLATFORM_URL'],
    default: 'unset',
    meaning: 'where the citizen is sent to pay (`?requestId=…&amountVnd=…` appended)',
  },
  {
    names: ['PAYMENT_PLATFORM_DOUBLE'],
    default: '`on` in development, else `off`',
    meaning: "demo only (refused in production): a local stand-in for the payment platform on a loopback port, with a secret made for the process when `PAYMENT_NOTIFY_SECRET` is unset; the payment request's `payUrl` points to it",
  },
  {
    names: ['IDENTITY_ISSUER_URL'],
    default: 'unset (citizen sign-in off: `GET /api/public/identity` says `{"enabled":false}`)',
    meaning: "OpenID Connect issuer citizens sign in with on the online submission page (authorization code + PKCE; discovery at `<issuer>/.well-known/openid-configuration`). Meant for VNeID, whose real parameters are UNVERIFIED; a submission signed in through it is recorded with `TaiKhoanDuocXacThucVoiVNeID` 1",
  },
  {
    names: ['IDENTITY_CLIENT_ID', 'IDENTITY_CLIENT_SECRET'],
    default: 'unset (required with `IDENTITY_ISSUER_URL`)',
    meaning: "this system's client registration at the identity provider; the client id is the id_token's expected audience",
  },
  {
    names: ['IDENTITY_ID_NUMBER_CLAIM'],
    default: '`identity_number`',
    meaning: "the id_token claim carrying the citizen's ID number (UNVERIFIED for VNeID); when present, a signed-in submission's applicant ID number must equal it",
  },
  {
    names: ['MIGRATIONS_RUN'],
    default: '`on`',
    meaning: '`on`: pending migrations run at boot; `off`: only `node dist/apps/api/src/main.js migrate` runs them (several instances: TypeORM takes no lock)',
    production: '`off` on every instance when more than one runs; `migrate` once per upgrade',
    compose: '`off` everywhere',
  },
  {
    names: ['SHUTDOWN_DRAIN_SECONDS'],
    default: '`5` with `NODE_ENV=production`, else `0`',
    meaning: 'after SIGTERM, keep serving this long while readiness fails, so that the proxy takes the instance out before its port closes',
    production: 'more than the proxy\'s readiness polling interval (Caddy: 2 s)',
    compose: '`5` on the API instances',
  },
  {
    names: ['SHUTDOWN_TIMEOUT_SECONDS'],
    default: '`30`',
    meaning: 'then how long requests in flight may take before the process exits anyway (code 1)',
  },
  {
    names: ['ORPHAN_SWEEP_INTERVAL_SECONDS'],
    default: '`3600`',
    meaning: 'how often stored objects no row references are removed, in this process (`0` = never)',
  },
  {
    names: ['RESTORE_MODE'],
    default: '`off`',
    meaning: '`on` only for the one-off `main.js migrate` after restoring a backup: holds the outbox\'s waiting messages for an administrator and moves code counters past the gaps (docs/deploy.md, "Restore drill"); the API and the worker refuse to start with it',
  },
  {
    names: ['RESTORE_DOSSIER_CODE_GAP'],
    default: '`500`',
    meaning: 'with `RESTORE_MODE`: how far today\'s dossier-code counter moves past the highest code, per agency (above a day\'s dossiers)',
  },
  {
    names: ['RESTORE_DIGITISATION_CODE_GAP'],
    default: '`10`',
    meaning: 'with `RESTORE_MODE`: how far each dossier\'s digitisation-code counter moves',
  },];

const code = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** README's table: every setting. */
export function readmeSettingsTable(settings: readonly SettingDoc[] = SETTINGS): string {
  return [row(['variable', 'default', 'meaning']), row(['---', '---', '---']), ...settings.map((s) => row([code(s.names), s.default, s.meaning]))].join('\n');
}

/** docs/deploy.md's table: what production needs, and how the compose file sets it. */
export function deploySettingsTable(settings: readonly SettingDoc[] = SETTINGS): string {
  const rest = settings.filter((s) => !s.production).flatMap((s) => s.names);
  return [
    row(['variable', 'production', 'compose']),
    row(['---', '---', '---']),
    ...settings.filter((s) => s.production).map((s) => row([code(s.names), `${s.production}${s.requiredInProduction ? ' (required)' : ''}`, s.compose ?? 'default'])),
    row([code(rest), 'see README', 'defaults, or from `.env`']),
  ].join('\n');
}

export const SETTINGS_BEGIN = '<!-- settings table: generated from config/settings-reference.ts by `npm run docs:settings`; do not edit -->';
export const SETTINGS_END = '<!-- end of settings table -->';

/** `text` with the table between the markers replaced; throws when the markers are missing. */
export function withSettingsTable(text: string, table: string): string {
  const begin = text.indexOf(SETTINGS_BEGIN);
  const end = text.indexOf(SETTINGS_END);
  if (begin < 0 || end < begin) throw new Error('The settings-table markers are missing');
  return `${text.slice(0, begin + SETTINGS_BEGIN.length)}\n${table}\n${text.slice(end)}`;
}
