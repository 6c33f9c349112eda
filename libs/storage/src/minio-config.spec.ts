import { minioConfigFromEnv } from './minio-config';
import { StorageConfigError } from './storage-errors';

const valid = {
  MINIO_ENDPOINT: 'minio.internal',
  MINIO_ACCESS_KEY: 'motcua-app',
  MINIO_SECRET_KEY: 'a secret with spaces ',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    minioConfigFromEnv(env);
  } catch (error) {
    if (error instanceof StorageConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a StorageConfigError');
}

describe('minioConfigFromEnv', () => {
  it('returns null when MINIO_ENDPOINT is unset or blank (the disk backend is used)', () => {
    expect(minioConfigFromEnv({})).toBeNull();
    expect(minioConfigFromEnv({ MINIO_ENDPOINT: '  ', MINIO_ACCESS_KEY: 'ignored' })).toBeNull();
  });

  it('applies the defaults: port 9000, no SSL, bucket motcua, no region', () => {
    expect(minioConfigFromEnv(valid)).toEqual({
      endPoint: 'minio.internal',
      port: 9000,
      useSSL: false,
      accessKey: 'motcua-app',
      secretKey: 'a secret with spaces ',
      bucket: 'motcua',
    });
  });

  it('reads every variable; with SSL the default port is 443', () => {
    expect(
      minioConfigFromEnv({ ...valid, MINIO_ENDPOINT: '10.0.0.5', MINIO_PORT: '9443', MINIO_USE_SSL: 'TRUE', MINIO_BUCKET: 'ho-so.lai-chau', MINIO_REGION: 'ap-southeast-1' }),
    ).toEqual({ endPoint: '10.0.0.5', port: 9443, useSSL: true, accessKey: 'motcua-app', secretKey: 'a secret with spaces ', bucket: 'ho-so.lai-chau', region: 'ap-southeast-1' });
    expect(minioConfigFromEnv({ ...valid, MINIO_USE_SSL: '1' })).toMatchObject({ useSSL: true, port: 443 });
    expect(minioConfigFromEnv({ ...valid, MINIO_USE_SSL: 'false' })).toMatchObject({ useSSL: false, port: 9000 });
  });

  it('lists every problem at once, without echoing the secret key', () => {
    const problems = problemsOf({
      MINIO_ENDPOINT: 'http://minio:9000',
      MINIO_PORT: '99999',
      MINIO_USE_SSL: 'yes please',
      MINIO_SECRET_KEY: ' ',
      MINIO_BUCKET: 'Hồ_Sơ',
      MINIO_REGION: 'Viet Nam',
    });
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/MINIO_ENDPOINT .*"http:\/\/minio:9000"/);
    expect(problems.join('\n')).toMatch(/MINIO_PORT .*"99999"/);
    expect(problems.join('\n')).toMatch(/MINIO_USE_SSL .*"yes please"/);
    expect(problems.join('\n')).toMatch(/MINIO_ACCESS_KEY is required/);
    expect(problems.join('\n')).toMatch(/MINIO_SECRET_KEY is required/);
    expect(problems.join('\n')).toMatch(/MINIO_BUCKET .*"Hồ_Sơ"/);
    expect(problems.join('\n')).toMatch(/MINIO_REGION/);
  });

  it('the error message itself lists the problems, and never the secret', () => {
    expect(() => minioConfigFromEnv({ ...valid, MINIO_PORT: 'abc', MINIO_BUCKET: 'ab' })).toThrow(
      /Invalid storage configuration:\n {2}- MINIO_PORT .*\n {2}- MINIO_BUCKET must be 3 to 63 characters/,
    );
    let message = '';
    try {
      minioConfigFromEnv({ ...valid, MINIO_SECRET_KEY: 'hunter2-secret', MINIO_PORT: '0' });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('MINIO_PORT');
    expect(message).not.toContain('hunter2');
  });

  it.each(['minio:9000', 'https://minio', 'minio/path', '::1', '-minio', 'mi nio'])('refuses endpoint "%s"', (endpoint) => {
    expect(problemsOf({ ...valid, MINIO_ENDPOINT: endpoint })).toEqual([expect.stringContaining('MINIO_ENDPOINT')]);
  });

  it.each(['a..b', '192.168.0.1', '-bucket', 'bucket-', 'ab', 'x'.repeat(64)])('refuses bucket "%s" (S3 naming rules)', (bucket) => {
    expect(problemsOf({ ...valid, MINIO_BUCKET: bucket })).toEqual([expect.stringContaining('MINIO_BUCKET')]);
  });
});
