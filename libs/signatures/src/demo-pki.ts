import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { OID } from './oids';

/**
 * A demo certificate authority: its certificate and private key (PEM).
 * Demo only — the key is in memory / on disk in clear, there is no CRL or OCSP.
 */
export interface DemoCertificateAuthority {
  readonly certPem: string;
  readonly keyPem: string;
}

/** Options of {@link createDemoPki}. */
export interface CreateDemoPkiOptions {
  /** Agency name, e.g. "Sở Khoa học và Công nghệ tỉnh Lai Châu" (subject O). */
  agencyName: string;
  /** Subject CN of the agency certificate (default: the agency name). */
  commonName?: string;
  /** Validity of the agency certificate in years (default 3). The CA outlives it. */
  validityYears?: number;
  /** Issue time (default: now). */
  now?: Date;
  /** Subject CN of the CA (default: the demo CA's). */
  caCommonName?: string;
}

/** A demo CA and an agency signing certificate issued by it. */
export interface DemoPki {
  /** The CA with its key, to issue more certificates ({@link issueUserCertificate}). */
  ca: DemoCertificateAuthority;
  caCertPem: string;
  agencyCertPem: string;
  /** PKCS#8 PEM, unencrypted. */
  agencyKeyPem: string;
  /** PKCS#12 with the agency key, certificate and the CA certificate. */
  p12: Buffer;
  /** Random password of `p12`. */
  p12Password: string;
}

/** Options of {@link issueUserCertificate}. */
export interface IssueUserCertificateOptions {
  /** Subject CN: the person's full name, e.g. "Nguyễn Thị Hoà". */
  commonName: string;
  /** Subject O (agency). */
  organization?: string;
  /** Subject OU (unit), e.g. "Bộ phận Một cửa". */
  organizationalUnit?: string;
  /** E-mail, put in subjectAltName. */
  email?: string;
  /** Validity in years from `now` (default 2). Ignored when `notAfter` is given. */
  validityYears?: number;
  /** Issue time (default: now). */
  now?: Date;
  /** Explicit validity start (default: `now` minus 5 minutes of clock skew). */
  notBefore?: Date;
  /** Explicit validity end. */
  notAfter?: Date;
}

/** A certificate issued by a demo CA, with its key and a PKCS#12 bundle. */
export interface IssuedCertificate {
  certPem: string;
  /** PKCS#8 PEM, unencrypted. */
  keyPem: string;
  /** PKCS#12 with the key, the certificate and the CA certificate. */
  p12: Buffer;
  p12Password: string;
}

/** Subject CN of demo roots: says in Vietnamese it must not be used for real documents. */
export const DEMO_CA_COMMON_NAME = 'motcua demo CA — không dùng cho văn bản thật';
/** The CA of `main.js create-trial-pki`: an agency trying motcua before it has a real certificate. */
export const TRIAL_CA_COMMON_NAME = 'motcua CA THỬ NGHIỆM — không có giá trị pháp lý';

const CLOCK_SKEW_MS = 5 * 60 * 1000;

interface Name {
  country?: string;
  organization?: string;
  organizationalUnit?: string;
  commonName: string;
}

/**
 * Creates a self-signed demo root CA and an agency signing certificate issued by it
 * (RSA-2048, SHA-256; keyUsage digitalSignature + nonRepudiation; extKeyUsage
 * emailProtection + documentSigning; O/CN as UTF8String so Vietnamese diacritics survive).
 */
export function createDemoPki(opts: CreateDemoPkiOptions): DemoPki {
  const now = opts.now ?? new Date();
  const years = opts.validityYears ?? 3;
  const caKey = newRsaKey();
  const caName: Name = { country: 'VN', organization: 'motcua (demo)', commonName: opts.caCommonName ?? DEMO_CA_COMMON_NAME };
  const caCert = buildCertificate({
    subject: caName,
    issuerName: caName,
    publicKeyPem: caKey.publicPem,
    issuerKeyPem: caKey.privatePem,
    notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
    notAfter: addYears(now, Math.max(10, years + 1)),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
      { name: 'authorityKeyIdentifier', keyIdentifier: true },
    ],
  });
  const ca: DemoCertificateAuthority = { certPem: caCert, keyPem: caKey.privatePem };
  const agency = issueUserCertificate(ca, {
    commonName: opts.commonName ?? opts.agencyName,
    organization: opts.agencyName,
    validityYears: years,
    now,
  });
  return {
    ca,
    caCertPem: caCert,
    agencyCertPem: agency.certPem,
    agencyKeyPem: agency.keyPem,
    get p12() {
      return agency.p12;
    },
    p12Password: agency.p12Password,
  };
}

/**
 * Issues an end-entity signing certificate from a demo CA — one per clerk, so that the
 * signature on a digitised copy is the clerk's own (see the library README).
 */
export function issueUserCertificate(ca: DemoCertificateAuthority, opts: IssueUserCertificateOptions): IssuedCertificate {
  const now = opts.now ?? new Date();
  const key = newRsaKey();
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const extensions: object[] = [
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true, [OID.documentSigning]: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ];
  if (opts.email) extensions.push({ name: 'subjectAltName', altNames: [{ type: 1, value: opts.email }] });
  const certPem = buildCertificate({
    subject: {
      country: 'VN',
      organization: opts.organization,
      organizationalUnit: opts.organizationalUnit,
      commonName: opts.commonName,
    },
    issuerCert: caCert,
    publicKeyPem: key.publicPem,
    issuerKeyPem: ca.keyPem,
    notBefore: opts.notBefore ?? new Date(now.getTime() - CLOCK_SKEW_MS),
    notAfter: opts.notAfter ?? addYears(now, opts.validityYears ?? 2),
    extensions,
  });
  const p12Password = randomBytes(18).toString('base64url');
  // Built on first read: node-forge's PKCS#12 (PBKDF2 and AES in JavaScript) costs about as much as the
  // key, and the service's demo PKI keeps only the PEM files.
  let p12: Buffer | undefined;
  return {
    certPem,
    keyPem: key.privatePem,
    get p12() {
      return (p12 ??= toPkcs12(key.privatePem, [certPem, ca.certPem], p12Password));
    },
    p12Password,
  };
}

/** PKCS#12 (AES-256 key bag, SHA-1 MAC — what node-forge writes) of an RSA key and certificates. */
export function toPkcs12(keyPem: string, certsPem: readonly string[], password: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(keyPem),
    certsPem.map((pem) => forge.pki.certificateFromPem(pem)),
    password,
    { algorithm: 'aes256', friendlyName: 'motcua signing key', generateLocalKeyId: true },
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

function newRsaKey(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function buildCertificate(input: {
  subject: Name;
  issuerName?: Name;
  issuerCert?: forge.pki.Certificate;
  publicKeyPem: string;
  issuerKeyPem: string;
  notBefore: Date;
  notAfter: Date;
  extensions: object[];
}): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(input.publicKeyPem);
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = input.notBefore;
  cert.validity.notAfter = input.notAfter;
  cert.setSubject(nameAttributes(input.subject));
  cert.setIssuer(input.issuerCert ? reusableName(input.issuerCert) : nameAttributes(input.issuerName ?? input.subject));
  cert.setExtensions(input.extensions);
  cert.sign(forge.pki.privateKeyFromPem(input.issuerKeyPem) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** Positive 128-bit serial, hex, first byte in 0x10..0x7f so DER needs no padding byte. */
function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x10;
  return bytes.toString('hex');
}

function nameAttributes(name: Name): forge.pki.CertificateField[] {
  // node-forge writes PrintableString unless told otherwise; UTF8String keeps "ệ", "ở"…
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  const fields: forge.pki.CertificateField[] = [];
  if (name.country) fields.push({ shortName: 'C', value: name.country });
  if (name.organization) fields.push({ shortName: 'O', value: name.organization, valueTagClass: utf8 });
  if (name.organizationalUnit) fields.push({ shortName: 'OU', value: name.organizationalUnit, valueTagClass: utf8 });
  fields.push({ shortName: 'CN', value: name.commonName, valueTagClass: utf8 });
  return fields;
}

/**
 * The subject of a parsed certificate, ready to be written again as an issuer name.
 * node-forge parses UTF8String values to raw UTF-8 bytes but UTF-8-encodes them again
 * when writing, which would double-encode "ệ" and break issuer/subject chaining.
 */
function reusableName(cert: forge.pki.Certificate): forge.pki.CertificateField[] {
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  return cert.subject.attributes.map((attr) =>
    attr.valueTagClass === utf8 && typeof attr.value === 'string'
      ? { ...attr, value: forge.util.decodeUtf8(attr.value) }
      : attr,
  );
}

function addYears(date: Date, years: number): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}
