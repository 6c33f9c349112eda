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

describe('real-world signed PDFs, mangled', () => {
  // Deterministic mutations (no hidden randomness): truncations and byte flips at fixed strides.
  it.each(MANIFEST.files.filter((_, i) => i % 6 === 0).map((e) => [e.file] as const))('%s: truncated or flipped, still a verdict, never a throw', async (file) => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const bytes = readFileSync(join(DIR, file));
    const variants = [0.1, 0.5, 0.9, 0.999].map((f) => bytes.subarray(0, Math.floor(bytes.length * f)));
    for (const at of [0.05, 0.3, 0.6, 0.95]) {
      const copy = Buffer.from(bytes);
      const i = Math.floor(copy.length * at);
      copy[i] ^= 0xff;
      variants.push(copy);
    }
    for (const variant of variants) {
      const verdict = await verifyPdfSignature(variant, { trust: TrustStore.from({ anchors: [] }), receivedAt: new Date(MANIFEST.receivedAt), policy: { revocation: 'off' } });
      expect(verdict.valid).toBe(false);
    }
  });
});

describe('real-world signed PDFs', () => {
  it('has at least 10 files, each with its source', () => {
    const sources = readFileSync(join(DIR, 'SOURCES.md'), 'utf8');
    expect(MANIFEST.files.length).toBeGreaterThanOrEqual(10);
    for (const entry of MANIFEST.files) expect(sources).toContain(entry.file);
  });

  it('agrees with the reference on every signature of every file, except where a note says why not', () => {
    // pdfsig: "Signature is Valid." → intact; "Digest Mismatch." → broken; anything else → not verified
    // (document timestamps, unreadable CMS), which our "timestamp" or "broken" both match.
    const reference = (text: string) => (text.startsWith('Signature is Valid') ? 'intact' : text.startsWith('Digest Mismatch') ? 'broken' : 'not verified');
    const agrees = (e: Entry) =>
      e.reference.length === e.integrity.length &&
      e.reference.every((r, i) => reference(r) === e.integrity[i] || (reference(r) === 'not verified' && e.integrity[i] !== 'intact'));
    const disagreeing = MANIFEST.files.filter((e) => !agrees(e));
    for (const entry of disagreeing) expect([entry.file, entry.note && !/unexplained/i.test(entry.note)]).toEqual([entry.file, true]);
    const signatures = MANIFEST.files.flatMap((e) => e.reference.map((r, i) => reference(r) === e.integrity[i] || (reference(r) === 'not verified' && e.integrity[i] !== 'intact')));
    expect(signatures.filter(Boolean).length).toBeGreaterThanOrEqual(30); // of 38: the figure reported in issue 13
  });

  it.each(MANIFEST.files.map((e) => [e.file, e] as const))('%s: the recorded verdict, never a throw', async (_file, entry) => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ours = await ourVerdict(entry.file);
    expect({ integrity: ours.integrity, codes: ours.codes }).toEqual({ integrity: entry.integrity, codes: entry.codes });
    expect(ours.verdict.valid).toBe(false); // no foreign anchor is trusted here
  });
});
