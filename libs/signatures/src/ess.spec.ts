import { checkSigningCertificate, signingCertificateV2 } from './ess';
import { createDemoPki } from './index';
import { certificateDer } from './pem';

describe('ESS signing-certificate-v2', () => {
  const pki = createDemoPki({ agencyName: 'Sở Nội vụ' });
  const agency = certificateDer(pki.agencyCertPem);
  const ca = certificateDer(pki.caCertPem);

  it('accepts the certificate it names', () => {
    expect(checkSigningCertificate(signingCertificateV2(agency), agency)).toBeUndefined();
  });

  it('refuses another certificate (certificate substitution) → SIGNATURE_INVALID', () => {
    expect(checkSigningCertificate(signingCertificateV2(ca), agency)?.code).toBe('SIGNATURE_INVALID');
  });
});
