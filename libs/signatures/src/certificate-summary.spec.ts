import { createHash } from 'node:crypto';
import { certificateSummary, createDemoPki, DEMO_CA_COMMON_NAME, SignatureError } from './index';
import { certificateDer } from './pem';

describe('certificateSummary', () => {
  const pki = createDemoPki({ agencyName: 'Sở Tư pháp tỉnh Lai Châu', now: new Date('2026-05-01T00:00:00Z') });

  it('describes a certificate for display, with Vietnamese names intact', () => {
    const summary = certificateSummary(pki.agencyCertPem);
    expect(summary).toMatchObject({
      subject: 'C=VN, O=Sở Tư pháp tỉnh Lai Châu, CN=Sở Tư pháp tỉnh Lai Châu',
      commonName: 'Sở Tư pháp tỉnh Lai Châu',
      organization: 'Sở Tư pháp tỉnh Lai Châu',
      issuer: `C=VN, O=motcua (demo), CN=${DEMO_CA_COMMON_NAME}`,
      selfIssued: false,
      isCa: false,
      keyUsage: ['digitalSignature', 'nonRepudiation'],
      notAfter: new Date('2029-05-01T00:00:00Z'),
    });
    expect(summary.serialNumber).toMatch(/^[0-9a-f]{32}$/);
    expect(summary.sha256Fingerprint).toBe(createHash('sha256').update(certificateDer(pki.agencyCertPem)).digest('hex'));
  });

  it('refuses a PEM that is not exactly one certificate', () => {
    expect(() => certificateSummary('nope')).toThrow(SignatureError);
    expect(() => certificateSummary(pki.agencyCertPem + pki.caCertPem)).toThrow(SignatureError);
  });
});
