import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoPki, loadPkcs12, signPdf, verifyPdfSignature } from './index';
import { parsePdfStructure } from './pdf-structure';

/**
 * Signing a file made elsewhere appends an update that keeps its signatures intact. The
 * pyHanko file uses an object stream and a cross-reference stream (objects pdf-lib does not
 * keep): new objects must take numbers above those too, or readers lose the earlier fields.
 */
const FILE = join(__dirname, '..', 'corpus', 'real-world', 'pyhanko-minimal-two-fields-signed-twice.pdf');

it('adds a signature to a twice-signed file without reusing an object number; all three verify', async () => {
  const original = readFileSync(FILE);
  const highest = Math.max(...[...original.toString('latin1').matchAll(/(\d+)\s+0\s+obj\b/g)].map((m) => Number(m[1])));
  const pki = createDemoPki({ agencyName: 'Sở Khoa học và Công nghệ tỉnh Lai Châu' });
  const signed = await signPdf(original, loadPkcs12(pki.p12, pki.p12Password), { reason: 'Ký bổ sung' });
  const update = signed.subarray(original.length).toString('latin1');
  const added = [...update.matchAll(/(\d+)\s+0\s+obj\b/g)].map((m) => Number(m[1]));
  // Objects of the original, compressed ones included (from the parser's history).
  const touched = new Set([...(await parsePdfStructure(original)).history.keys()].map((k) => Number(k.split(' ')[0])));
  // New objects are above every number in use; the others are existing objects updated in place.
  expect(added.filter((n) => !touched.has(n)).every((n) => n > highest)).toBe(true);
  expect(added.some((n) => n > highest)).toBe(true);

  const verdict = await verifyPdfSignature(signed, { anchorsPem: [pki.caCertPem], receivedAt: new Date(), policy: { revocation: 'off' } });
  expect(verdict.signatures).toHaveLength(3);
  // pyHanko's own two: intact (their test CA is not trusted here, and expired); ours: valid.
  for (const s of verdict.signatures.slice(0, 2)) expect(s.reasons.map((r) => r.code)).not.toContain('DIGEST_MISMATCH');
  expect(verdict.signatures[2].valid).toBe(true);
});
