import { createHash } from 'node:crypto';
import {
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  X509Certificate,
} from '@peculiar/x509';
import { certificateDer } from './pem';
import type { CertificateSummary, SignerSummary } from './types';

const KEY_USAGE_NAMES: Array<[KeyUsageFlags, string]> = [
  [KeyUsageFlags.digitalSignature, 'digitalSignature'],
  [KeyUsageFlags.nonRepudiation, 'nonRepudiation'],
  [KeyUsageFlags.keyEncipherment, 'keyEncipherment'],
  [KeyUsageFlags.dataEncipherment, 'dataEncipherment'],
  [KeyUsageFlags.keyAgreement, 'keyAgreement'],
  [KeyUsageFlags.keyCertSign, 'keyCertSign'],
  [KeyUsageFlags.cRLSign, 'cRLSign'],
  [KeyUsageFlags.encipherOnly, 'encipherOnly'],
  [KeyUsageFlags.decipherOnly, 'decipherOnly'],
];

/**
 * Display data of a PEM certificate (subject, issuer, serial, validity, fingerprint,
 * key usages). Vietnamese names are returned as Unicode strings.
 *
 * @throws {SignatureError} `INVALID_PEM` when the PEM holds no single certificate.
 */
export function certificateSummary(pem: string): CertificateSummary {
  const der = certificateDer(pem);
  const cert = new X509Certificate(new Uint8Array(der));
  const keyUsage = cert.getExtension(KeyUsagesExtension);
  const extKeyUsage = cert.getExtension(ExtendedKeyUsageExtension);
  const basic = cert.getExtension(BasicConstraintsExtension);
  return {
    subject: cert.subject,
    commonName: firstField(cert, 'CN') ?? cert.subject,
    organization: firstField(cert, 'O'),
    issuer: cert.issuer,
    serialNumber: cert.serialNumber.toLowerCase(),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    sha256Fingerprint: createHash('sha256').update(der).digest('hex'),
    selfIssued: cert.subject === cert.issuer,
    isCa: basic?.ca ?? false,
    keyUsage: keyUsage ? KEY_USAGE_NAMES.filter(([flag]) => (keyUsage.usages & flag) !== 0).map(([, name]) => name) : [],
    extendedKeyUsage: extKeyUsage ? extKeyUsage.usages.map(String) : [],
  };
}

/** The signer fields of a verdict, from a DER certificate. */
export function signerSummary(der: Uint8Array): SignerSummary {
  const cert = new X509Certificate(new Uint8Array(der));
  return {
    name: firstField(cert, 'CN') ?? cert.subject,
    ...(firstField(cert, 'O') ? { organization: firstField(cert, 'O') } : {}),
    serialNumber: cert.serialNumber.toLowerCase(),
    issuer: cert.issuer,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
  };
}

function firstField(cert: X509Certificate, field: string): string | undefined {
  return cert.subjectName.getField(field)[0];
}
