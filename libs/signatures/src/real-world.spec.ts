import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyPdfSignature } from './index';
import { TrustStore } from './trust-store';

/**
 * Signed PDFs nobody on the team made (EU DSS and pyHanko test files, see
 * corpus/real-world/SOURCES.md), each with the verdict of a reference validator (pdfsig of
 * poppler) and ours. Offline: revocation `off`, no anchors for foreign CAs — so every
 * signature is untrusted here; what must agree with the reference is each signature's
 * integrity, and where our overall verdict is stricter, MANIFEST.json says why.
 */
interface Entry {
  file: string;
  reference: string[];
  integrity: Array<'intact' | 'broken' | 'timestamp'>;
  codes: string[];
  note?: string;
}

const DIR = join(__dirname, '..', 'corpus', 'real-world');
const MANIFEST = JSON.parse(readFileSync(join(DIR, 'MANIFEST.json'), 'utf8')) as { receivedAt: string; files: Entry[] };
const BROKEN = new Set(['DIGEST_MISMATCH', 'SIGNATURE_INVALID', 'BYTE_RANGE_INVALID', 'MALFORMED', 'NO_SIGNED_ATTRIBUTES', 'TIMESTAMP_INVALID']);

export async function ourVerdict(file: string) {
  const verdict = await verifyPdfSignature(readFileSync(join(DIR, file)), {
    trust: TrustStore.from({ anchors: [] }),
    receivedAt: new Date(MANIFEST.receivedAt),
    policy: { revocation: 'off' },
  });
  const integrity = verdict.signatures.map((s) =>
    s.kind === 'document_timestamp' && !s.reasons.some((r) => BROKEN.has(r.code)) ? 'timestamp' : s.reasons.some((r) => BROKEN.has(r.code)) ? 'broken' : 'intact',
  );
  return { verdict, integrity, codes: [...new Set(verdict.reasons.map((r) => r.code))].sort() };
}

describe('real-world signed PDFs', () => {
  it('has at least 10 files, each with its source', () => {
    const sources = readFileSync(join(DIR, 'SOURCES.md'), 'utf8');
    expect(MANIFEST.files.length).toBeGreaterThanOrEqual(10);
    for (const entry of MANIFEST.files) expect(sources).toContain(entry.file);
  });

  it.each(MANIFEST.files.map((e) => [e.file, e] as const))('%s: the recorded verdict, never a throw', async (_file, entry) => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ours = await ourVerdict(entry.file);
    expect({ integrity: ours.integrity, codes: ours.codes }).toEqual({ integrity: entry.integrity, codes: entry.codes });
    expect(ours.verdict.valid).toBe(false); // no foreign anchor is trusted here
  });
});
