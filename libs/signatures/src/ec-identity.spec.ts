import { webcrypto } from 'node:crypto';
import { BasicConstraintsExtension, KeyUsageFlags, KeyUsagesExtension, X509CertificateGenerator } from '@peculiar/x509';
import { identityFromPem, signDetached, signPdf, verifyDetached, verifyPdfSignature, type SigningIdentity } from './index';
import { toPem } from './pem';
import { codes, minimalPdf } from './spec-fixtures';

/**
 * ECDSA P-256 identities (as on many USB tokens), self-signed and pinned as their own trust
 * anchor: exercises the EC signing path and the "signer certificate is an anchor" path,
 * where pkijs' path validation is skipped and only this library's own checks apply.
 */
const HOUR = 3_600_000;

async function selfSigned(opts: { notBefore: Date; notAfter: Date; keyUsage: KeyUsageFlags }): Promise<{ identity: SigningIdentity; certPem: string }> {
  const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const cert = await X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: '0102030405',
      name: 'CN=Chữ ký ECDSA thử nghiệm, C=VN',
      notBefore: opts.notBefore,
      notAfter: opts.notAfter,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      keys,
      extensions: [new BasicConstraintsExtension(false, undefined, true), new KeyUsagesExtension(opts.keyUsage, true)],
    },
    webcrypto as unknown as Parameters<typeof X509CertificateGenerator.createSelfSigned>[1],
  );
  const certPem = cert.toString('pem');
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certPem, identity: identityFromPem({ privateKeyPem: toPem(new Uint8Array(pkcs8), 'PRIVATE KEY'), certificatePem: certPem }) };
}

const current = () => selfSigned({ notBefore: new Date(Date.now() - HOUR), notAfter: new Date(Date.now() + 24 * HOUR), keyUsage: KeyUsageFlags.digitalSignature });

it('signs and verifies a detached CMS with ECDSA', async () => {
  const { identity, certPem } = await current();
  const data = Buffer.from('ảnh chụp hồ sơ');
  const verdict = await verifyDetached(data, await signDetached(data, identity), { anchorsPem: [certPem] });
  expect(verdict.reasons).toEqual([]);
  expect(verdict.signer?.name).toBe('Chữ ký ECDSA thử nghiệm');
});

it('signs and verifies a PDF with ECDSA', async () => {
  const { identity, certPem } = await current();
  const signed = await signPdf(await minimalPdf(), identity, { reason: 'Thử ECDSA' });
  expect((await verifyPdfSignature(signed, { receivedAt: new Date(), anchorsPem: [certPem] })).reasons).toEqual([]);
});

it('a pinned certificate expired at signing time → CERT_NOT_VALID_AT_SIGNING_TIME', async () => {
  const { identity, certPem } = await selfSigned({
    notBefore: new Date(Date.now() - 48 * HOUR),
    notAfter: new Date(Date.now() - 24 * HOUR),
    keyUsage: KeyUsageFlags.digitalSignature,
  });
  const data = Buffer.from('x');
  expect(codes(await verifyDetached(data, await signDetached(data, identity), { anchorsPem: [certPem] }))).toEqual([
    'CERT_NOT_VALID_AT_SIGNING_TIME',
  ]);
});

it('a certificate whose keyUsage does not allow signing → KEY_USAGE_NOT_ALLOWED', async () => {
  const { identity, certPem } = await selfSigned({
    notBefore: new Date(Date.now() - HOUR),
    notAfter: new Date(Date.now() + 24 * HOUR),
    keyUsage: KeyUsageFlags.keyAgreement,
  });
  const data = Buffer.from('x');
  expect(codes(await verifyDetached(data, await signDetached(data, identity), { anchorsPem: [certPem] }))).toEqual(['KEY_USAGE_NOT_ALLOWED']);
});
