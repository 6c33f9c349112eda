import * as pkijs from 'pkijs';
import { createDemoPki, loadPkcs12, signPdf, verifyPdfSignature } from './index';
import { minimalPdf } from './spec-fixtures';

/**
 * pkijs keeps one global crypto engine (on `global[process.pid]`); this library must not
 * depend on it, so replacing it with a broken one changes nothing.
 */
it('signs and verifies with the global pkijs engine broken', async () => {
  const broken = new Proxy({}, { get: () => { throw new Error('global pkijs engine used'); } });
  pkijs.setEngine('broken', broken as unknown as pkijs.ICryptoEngine);
  expect(() => (pkijs.getCrypto(true) as unknown as { name: string }).name).toThrow('global pkijs engine used');

  const pki = createDemoPki({ agencyName: 'Sở Công Thương' });
  const signed = await signPdf(await minimalPdf(), loadPkcs12(pki.p12, pki.p12Password), { reason: 'x' });
  const verdict = await verifyPdfSignature(signed, { receivedAt: new Date(), anchorsPem: [pki.caCertPem] });
  expect(verdict.reasons).toEqual([]);
});
