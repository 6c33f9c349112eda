import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoPki, parseCertificates } from '@motcua/signatures';
import { configPath } from '../common/repo-paths';
import { readTrustFolder } from './trust-loader';

describe('the Vietnamese public CA certificates shipped in config/trust/vn', () => {
  const fingerprints = JSON.parse(readFileSync(configPath('trust', 'vn', 'fingerprints.json'), 'utf8')) as Record<string, string>;

  it.each(Object.entries(fingerprints))('%s has the recorded SHA-256 fingerprint', (file, expected) => {
    const [cert] = parseCertificates(readFileSync(configPath('trust', 'vn', file)));
    expect(createHash('sha256').update(new Uint8Array(cert.toSchema().toBER())).digest('hex')).toBe(expected);
  });

  it('lists the fingerprints in the README too (what operators compare against the issuers)', () => {
    const readme = readFileSync(configPath('trust', 'vn', 'README.md'), 'utf8').replace(/:/g, '').toLowerCase();
    for (const fingerprint of Object.values(fingerprints)) expect(readme).toContain(fingerprint);
  });

  it('ships both roots (National Root CA, DER; Government CA G2) and both intermediates', () => {
    const roots = readTrustFolder(configPath('trust', 'vn', 'roots'));
    const intermediates = readTrustFolder(configPath('trust', 'vn', 'intermediates'));
    expect(roots.broken).toEqual([]);
    expect(intermediates.broken).toEqual([]);
    expect(roots.loaded.flatMap((l) => l.sha256).sort()).toEqual([fingerprints['roots/rootcag2.crt'], fingerprints['roots/vnrca256.crt']].sort());
    expect(intermediates.loaded).toHaveLength(2);
  });
});

describe('readTrustFolder', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'trust-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads DER, PEM and PEM bundles, and reports a broken file by name without failing the rest', () => {
    const a = createDemoPki({ agencyName: 'A' });
    const b = createDemoPki({ agencyName: 'B' });
    const der = Buffer.from(a.caCertPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    writeFileSync(join(dir, 'a.der'), der);
    writeFileSync(join(dir, 'bundle.pem'), a.caCertPem + b.caCertPem);
    writeFileSync(join(dir, 'broken.cer'), Buffer.from([0x30, 0x82, 0x01]));
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const folder = readTrustFolder(dir);
    expect(folder.loaded.map((l) => [l.file.split('/').pop(), l.certificates])).toEqual([
      ['a.der', 1],
      ['bundle.pem', 2],
    ]);
    expect(folder.broken).toEqual([{ file: join(dir, 'broken.cer'), problem: expect.any(String) }]);
    expect(folder.certificates).toHaveLength(2);
  });

  it('a missing folder is empty, not an error', () => {
    expect(readTrustFolder(join(dir, 'nope'))).toEqual({ certificates: [], loaded: [], broken: [] });
  });
});
