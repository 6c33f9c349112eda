import { isIP } from 'node:net';
import { StorageConfigError } from './storage-errors';

/** Connection settings of the MinIO (or any S3-protocol) server; see {@link minioConfigFromEnv}. */
export interface MinioConfig {
  /** Host name or IPv4 address, without scheme or port. */
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  bucket: string;
  /** Signing region; MinIO ignores it unless configured, so the default `us-east-1` fits most servers. */
  region?: string;
}

type Env = Record<string, string | undefined>;

/** Bucket used when MINIO_BUCKET is unset. */
export const DEFAULT_MINIO_BUCKET = 'motcua';

/**
 * Reads the MinIO settings from the environment. Pure: no I/O, no `process.env`.
 *
 * | variable | default | |
 * |---|---|---|
 * | `MINIO_ENDPOINT` | — | host name or IPv4; unset or blank → `null` (use the disk backend) |
 * | `MINIO_PORT` | 443 with SSL, else 9000 | 1–65535 |
 * | `MINIO_USE_SSL` | `false` | `true`/`false`/`1`/`0` |
 * | `MINIO_ACCESS_KEY`, `MINIO_SECRET_KEY` | — | required |
 * | `MINIO_BUCKET` | `motcua` | S3 bucket name rules |
 * | `MINIO_REGION` | `us-east-1` (client default) | optional |
 *
 * @returns `null` when MINIO_ENDPOINT is unset or blank.
 * @throws StorageConfigError listing every problem at once (never echoing the secret key).
 */
export function minioConfigFromEnv(env: Env): MinioConfig | null {
  const endPoint = env.MINIO_ENDPOINT?.trim() ?? '';
  if (endPoint === '') return null;
  const problems: string[] = [];

  if (!isHostName(endPoint)) {
    problems.push(
      `MINIO_ENDPOINT must be a host name or IPv4 address without scheme, port or path (got "${endPoint}"); ` +
        'set the port in MINIO_PORT and https in MINIO_USE_SSL',
    );
  }
  const useSSL = parseBoolean(env.MINIO_USE_SSL, 'MINIO_USE_SSL', problems);
  const port = parsePort(env.MINIO_PORT, useSSL ? 443 : 9000, problems);
  const accessKey = env.MINIO_ACCESS_KEY?.trim() ?? '';
  if (accessKey === '') problems.push('MINIO_ACCESS_KEY is required when MINIO_ENDPOINT is set');
  // Not trimmed: a secret may legitimately contain spaces. Only emptiness is checked, and it is never echoed.
  const secretKey = env.MINIO_SECRET_KEY ?? '';
  if (secretKey.trim() === '') problems.push('MINIO_SECRET_KEY is required when MINIO_ENDPOINT is set');
  const bucket = env.MINIO_BUCKET?.trim() || DEFAULT_MINIO_BUCKET;
  const bucketProblem = bucketNameProblem(bucket);
  if (bucketProblem) problems.push(`MINIO_BUCKET ${bucketProblem} (got "${bucket}")`);
  const region = env.MINIO_REGION?.trim() || undefined;
  if (region !== undefined && !/^[a-z0-9-]{1,64}$/.test(region)) problems.push(`MINIO_REGION must look like "us-east-1" (got "${region}")`);

  if (problems.length > 0) throw new StorageConfigError(problems);
  return { endPoint, port, useSSL, accessKey, secretKey, bucket, ...(region ? { region } : {}) };
}

function isHostName(value: string): boolean {
  if (isIP(value) === 4) return true;
  // RFC 1123 labels; rejects "http://…", "host:9000", "host/path" and IPv6 literals (unsupported here).
  return value.length <= 253 && value.split('.').every((label) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
}

function parseBoolean(raw: string | undefined, name: string, problems: string[]): boolean {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '') return false;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return false;
}

function parsePort(raw: string | undefined, fallback: number, problems: string[]): number {
  const value = raw?.trim() ?? '';
  if (value === '') return fallback;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    problems.push(`MINIO_PORT must be an integer from 1 to 65535 (got "${raw}")`);
    return fallback;
  }
  return port;
}

/** S3 bucket naming rules (the subset that matters for path-style access); null when fine. */
function bucketNameProblem(bucket: string): string | null {
  if (bucket.length < 3 || bucket.length > 63) return 'must be 3 to 63 characters long';
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(bucket)) {
    return 'may only contain lower-case letters, digits, "." and "-", and must start and end with a letter or digit';
  }
  if (bucket.includes('..')) return 'must not contain ".."';
  if (isIP(bucket)) return 'must not look like an IP address';
  return null;
}
