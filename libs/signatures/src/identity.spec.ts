import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { createDemoPki, identityFromPem, issueUserCertificate, loadPkcs12, SignatureError, toPkcs12, type DemoPki } from './index';
import { certificateDer } from './pem';

let pki: DemoPki;
beforeAll(() => {
  pki = createDemoPki({ agencyName: 'Văn phòng UBND tỉnh' });
});

function errorOf(action: () => unknown): SignatureError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(SignatureError);
    return error as SignatureError;
  }
  throw new Error('expected an error');
}

describe('loadPkcs12', () => {
  it('returns the key, its certificate and the issuer chain', () => {
    const identity = loadPkcs12(pki.p12, pki.p12Password);
    expect(identity.privateKey.asymmetricKeyType).toBe('rsa');
    expect(certificateDer(identity.certificatePem)).toEqual(certificateDer(pki.agencyCertPem));
    expect(identity.chainPem.map(certificateDer)).toEqual([certificateDer(pki.caCertPem)]);
  });

  it('a wrong password → WRONG_PASSWORD with a clear message', () => {
    const error = errorOf(() => loadPkcs12(pki.p12, 'not-the-password'));
    expect(error.code).toBe('WRONG_PASSWORD');
    expect(error.message).toBe('Wrong PKCS#12 password');
  });

  it('not a PKCS#12 → MALFORMED_PKCS12', () => {
    expect(errorOf(() => loadPkcs12(Buffer.from('definitely not DER'), 'x')).code).toBe('MALFORMED_PKCS12');
  });

  it('certificates but no key → NO_PRIVATE_KEY', () => {
    const asn1 = forge.pkcs12.toPkcs12Asn1(null, [forge.pki.certificateFromPem(pki.agencyCertPem)], 'pw');
    const p12 = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
    expect(errorOf(() => loadPkcs12(p12, 'pw')).code).toBe('NO_PRIVATE_KEY');
  });

  it('a key with certificates that are not its own → NO_MATCHING_CERTIFICATE', () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const p12 = toPkcs12(stranger, [pki.agencyCertPem, pki.caCertPem], 'pw');
    expect(errorOf(() => loadPkcs12(p12, 'pw')).code).toBe('NO_MATCHING_CERTIFICATE');
  });
});

describe('identityFromPem', () => {
  it('sorts the given issuers into a chain', () => {
    const clerk = issueUserCertificate(pki.ca, { commonName: 'Đỗ Văn Số Hoá' });
    const identity = identityFromPem({ privateKeyPem: clerk.keyPem, certificatePem: clerk.certPem, chainPem: [pki.agencyCertPem, pki.caCertPem] });
    expect(identity.chainPem.map(certificateDer)).toEqual([certificateDer(pki.caCertPem)]);
  });

  it('a certificate of another key → NO_MATCHING_CERTIFICATE', () => {
    const clerk = issueUserCertificate(pki.ca, { commonName: 'Đỗ Văn Số Hoá' });
    expect(errorOf(() => identityFromPem({ privateKeyPem: clerk.keyPem, certificatePem: pki.agencyCertPem })).code).toBe('NO_MATCHING_CERTIFICATE');
  });
});
