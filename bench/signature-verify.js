#!/usr/bin/env node
/**
 * Benchmark of issue 13: verifying a 10 MB signed PDF with two signatures (a specialist's,
 * then a leader's, each in its own incremental update), every signature checked: byte
 * ranges, digests over ~10 MB, CMS signatures, paths to the anchor, and the changes after
 * the first signature. Revocation `off` (no network here); embedded answers add < 1 ms each.
 *
 *   npm run bench:signatures
 *
 * Environment:
 *   SIZE_MB=10        size of the PDF (one incompressible image stream)
 *   ITERATIONS=30     measured verifications (after 3 warm-up runs)
 *
 * Prints a table and writes bench/results.json (section "signatures").
 * Target noted in the issue (reported, not asserted): under 300 ms.
 */
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');
const { requireBuild, envNumber, stats, writeSection, printTable, log, runMain, DIST } = require('./lib/common');

const SIZE_MB = envNumber('SIZE_MB', 10);
const ITERATIONS = envNumber('ITERATIONS', 30);

async function main() {
  requireBuild();
  const { PDFDocument, PDFName, StandardFonts } = require('pdf-lib');
  const sig = require(join(DIST, 'libs/signatures/src/index.js'));
  const pki = sig.createDemoPki({ agencyName: 'Sở Khoa học và Công nghệ tỉnh Lai Châu' });
  const person = (name) => {
    const issued = sig.issueUserCertificate(pki.ca, { commonName: name });
    return sig.identityFromPem({ privateKeyPem: issued.keyPem, certificatePem: issued.certPem, chainPem: [pki.caCertPem] });
  };
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Ket qua giai quyet ho so', { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  page.node.set(PDFName.of('PieceInfo'), doc.context.register(doc.context.stream(randomBytes(SIZE_MB * 1024 * 1024))));
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  const first = await sig.signPdf(unsigned, person('Trần Thị Chuyên Viên'), { reason: 'Thẩm định' });
  const pdf = await sig.signPdf(first, person('Nguyễn Văn Lãnh Đạo'), { reason: 'Phê duyệt' });
  const trust = sig.TrustStore.from({ anchors: [pki.caCertPem] });
  const options = { trust, receivedAt: new Date(Date.now() + 60_000), policy: { revocation: 'off' } };
  log(`PDF of ${(pdf.length / 1024 / 1024).toFixed(2)} MB, two signatures`);

  for (let i = 0; i < 3; i++) await sig.verifyPdfSignature(pdf, options);
  const times = [];
  let verdict;
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    verdict = await sig.verifyPdfSignature(pdf, options);
    times.push(performance.now() - started);
  }
  if (!verdict.valid || verdict.signatures.length !== 2) throw new Error(`unexpected verdict: ${JSON.stringify(verdict.reasons)}`);
  const s = stats(times);
  printTable(`Verification of a ${SIZE_MB} MB PDF with two signatures (${ITERATIONS} runs)`, ['bytes', 'p50 ms', 'p95 ms', 'max ms', 'target ms'], [[pdf.length, s.p50, s.p95, s.max, 300]]);
  writeSection('signatures', { settings: { sizeMb: SIZE_MB, iterations: ITERATIONS, revocation: 'off' }, results: { bytes: pdf.length, ...s, targetMs: 300 } });
}

runMain(main);
