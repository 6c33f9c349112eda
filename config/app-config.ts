import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * The whole runtime configuration, read from the environment once at boot and
 * validated into this typed object. Nothing else in the code reads `process.env`
 * (the one exception is the column-type switch in libs/persistence, see dialect.ts).
 */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  jwt: { secret: string; expiresInSeconds: number; secretSource: 'env' | 'file' };
  /** Password of the seeded demo accounts; generated on first start when DEMO_PASSWORD is unset. */
  demoPassword: string | null;
  /** Agency identifier prefix of dossier codes (DOMAIN.md §2.6); null = the catalogue's default. */
  agencyId: string | null;
  /** Maximum JSON request body in bytes. */
  bodyLimitBytes: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  deadlines: DeadlineSettings;
  /** Requests per minute per client address on login and public endpoints (brute force, scraping). */
  rateLimitPerMinute: { login: number; public: number };
}

export interface DeadlineSettings {
  /** A running dossier is "due soon" with at most this much working time left (default 1 working day). */
  dueSoonWorkingMinutes: number;
  /**
   * How long before the due time an apology must be recorded. ND 61/2018 said at least one
   * day before; the ND 118/2025 wording is UNVERIFIED (DOMAIN.md §2.9), so the default is 0.
   */
  apologyLeadWorkingMinutes: number;
  /** How often the deadline sweep runs in this process; 0 turns it off (e.g. on API-only instances). */
  sweepIntervalSeconds: number;
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
  const dataDirRaw = env.DATA_DIR?.trim() || './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  const bodyLimitBytes = parseInteger(env.BODY_LIMIT_BYTES, 1_048_576, 'BODY_LIMIT_BYTES', 1024, 100_000_000, problems);
  const expiresInSeconds = parseInteger(env.JWT_EXPIRES_IN_SECONDS, 8 * 3600, 'JWT_EXPIRES_IN_SECONDS', 60, 30 * 86400, problems);
  const logLevel = (env.LOG_LEVEL?.trim() || 'log') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const deadlines: DeadlineSettings = {
    dueSoonWorkingMinutes: 60 * parseInteger(env.DUE_SOON_WORKING_HOURS, 8, 'DUE_SOON_WORKING_HOURS', 0, 400, problems),
    apologyLeadWorkingMinutes: 60 * parseInteger(env.APOLOGY_LEAD_WORKING_HOURS, 0, 'APOLOGY_LEAD_WORKING_HOURS', 0, 400, problems),
    sweepIntervalSeconds: parseInteger(env.SWEEP_INTERVAL_SECONDS, 300, 'SWEEP_INTERVAL_SECONDS', 0, 86400, problems),
  };
  const rateLimitPerMinute = {
    login: parseInteger(env.LOGIN_RATE_LIMIT_PER_MINUTE, 10, 'LOGIN_RATE_LIMIT_PER_MINUTE', 1, 100000, problems),
    public: parseInteger(env.PUBLIC_RATE_LIMIT_PER_MINUTE, 30, 'PUBLIC_RATE_LIMIT_PER_MINUTE', 1, 100000, problems),
  };
  const database = parseDatabase(env.DATABASE_URL, dataDir, problems);
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

  mkdirSync(dataDir, { recursive: true });
  const jwt = env.JWT_SECRET
    ? { secret: env.JWT_SECRET, expiresInSeconds, secretSource: 'env' as const }
    : { secret: readOrCreateSecret(join(dataDir, 'jwt-secret')), expiresInSeconds, secretSource: 'file' as const };

  return {
    env: nodeEnv as AppConfig['env'],
    port,
    host,
    dataDir,
    database,
    jwt,
    demoPassword: env.DEMO_PASSWORD?.length ? env.DEMO_PASSWORD : null,
    agencyId,
    bodyLimitBytes,
    logLevel,
    deadlines,
    rateLimitPerMinute,
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
