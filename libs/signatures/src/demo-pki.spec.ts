import { X509Certificate } from 'node:crypto';
import { certificateSummary, createDemoPki, DEMO_CA_COMMON_NAME, issueUserCertificate, loadPkcs12, type DemoPki } from './index';
import { certificateDer } from './pem';

const AGENCY = 'Sở Khoa học và Công nghệ tỉnh Lai Châu';
const NOW = new Date('2026-03-02T01:00:00Z');
let pki: DemoPki;

beforeAll(() => {
  pki = createDemoPki({ agencyName: AGENCY, commonName: 'Lãnh đạo Sở KH&CN Lai Châu', validityYears: 4, now: NOW });
});

/** DER of a UTF8String (tag 0x0C, short length) holding `text`. */
function utf8String(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  expect(bytes.length).toBeLessThan(128);
  return Buffer.concat([Buffer.from([0x0c, bytes.length]), bytes]);
}

describe('createDemoPki', () => {
  it('makes a self-signed CA whose name says it is not for real documents', () => {
    const ca = certificateSummary(pki.caCertPem);
    expect(ca.commonName).toBe(DEMO_CA_COMMON_NAME);
    expect(ca.selfIssued).toBe(true);
    expect(ca.isCa).toBe(true);
    expect(ca.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
    const x509 = new X509Certificate(pki.caCertPem);
    expect(x509.verify(x509.publicKey)).toBe(true);
  });

  it('issues the agency certificate from that CA (issuer name and signature chain)', () => {
    const ca = new X509Certificate(pki.caCertPem);
    const agency = new X509Certificate(pki.agencyCertPem);
    expect(agency.checkIssued(ca)).toBe(true); // byte-identical issuer/subject names
    expect(agency.verify(ca.publicKey)).toBe(true);
  });

  it('gives the agency certificate signing usages and the requested names and validity', () => {
    const agency = certificateSummary(pki.agencyCertPem);
    expect(agency.commonName).toBe('Lãnh đạo Sở KH&CN Lai Châu');
    expect(agency.organization).toBe(AGENCY);
    expect(agency.isCa).toBe(false);
    expect(agency.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(agency.extendedKeyUsage.sort()).toEqual(['1.3.6.1.5.5.7.3.36', '1.3.6.1.5.5.7.3.4']);
    expect(agency.notBefore.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(agency.notAfter.toISOString()).toBe('2030-03-02T01:00:00.000Z');
    expect(certificateSummary(pki.caCertPem).notAfter.getTime()).toBeGreaterThan(agency.notAfter.getTime());
  });

  it('encodes Vietnamese O and CN as UTF8String', () => {
    const der = certificateDer(pki.agencyCertPem);
    expect(der.includes(utf8String(AGENCY))).toBe(true);
    expect(der.includes(utf8String('Lãnh đạo Sở KH&CN Lai Châu'))).toBe(true);
    expect(certificateDer(pki.caCertPem).includes(utf8String(DEMO_CA_COMMON_NAME))).toBe(true);
  });

  it('packs key, certificate and CA into a PKCS#12 protected by the returned password', () => {
    const identity = loadPkcs12(pki.p12, pki.p12Password);
    expect(certificateDer(identity.certificatePem)).toEqual(certificateDer(pki.agencyCertPem));
    expect(identity.chainPem.map(certificateDer)).toEqual([certificateDer(pki.caCertPem)]);
    expect(pki.p12Password.length).toBeGreaterThanOrEqual(20);
    expect(new X509Certificate(pki.agencyCertPem).checkPrivateKey(identity.privateKey)).toBe(true);
  });

  it('makes a different CA each time', () => {
    const other = createDemoPki({ agencyName: AGENCY, now: NOW });
    expect(certificateSummary(other.caCertPem).sha256Fingerprint).not.toBe(certificateSummary(pki.caCertPem).sha256Fingerprint);
  });
});

describe('issueUserCertificate', () => {
  it("issues a clerk's own certificate from the demo CA", () => {
    const clerk = issueUserCertificate(pki.ca, {
      commonName: 'Nguyễn Thị Hoà',
      organization: AGENCY,
      organizationalUnit: 'Bộ phận Một cửa',
      email: 'hoa.nt@example.gov.vn',
      now: NOW,
    });
    const summary = certificateSummary(clerk.certPem);
    expect(summary.commonName).toBe('Nguyễn Thị Hoà');
    expect(summary.subject).toContain('OU=Bộ phận Một cửa');
    expect(summary.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(summary.notAfter.toISOString()).toBe('2028-03-02T01:00:00.000Z');
    const x509 = new X509Certificate(clerk.certPem);
    expect(x509.checkIssued(new X509Certificate(pki.caCertPem))).toBe(true);
    expect(x509.subjectAltName).toBe('email:hoa.nt@example.gov.vn');
    expect(loadPkcs12(clerk.p12, clerk.p12Password).chainPem).toHaveLength(1);
  });

  it('honours an explicit validity window', () => {
    const notBefore = new Date('2020-01-01T00:00:00Z');
    const notAfter = new Date('2021-01-01T00:00:00Z');
    const old = certificateSummary(issueUserCertificate(pki.ca, { commonName: 'Cũ', notBefore, notAfter }).certPem);
    expect([old.notBefore, old.notAfter]).toEqual([notBefore, notAfter]);
  });
});
