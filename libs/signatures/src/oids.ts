/** Object identifiers used by this library. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  /** RFC 9336 id-kp-documentSigning. */
  documentSigning: '1.3.6.1.5.5.7.3.36',
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;

/** Digest algorithms accepted for signatures (SHA-1 and MD5 are refused as too weak). */
export type DigestName = 'sha256' | 'sha384' | 'sha512';

const DIGEST_BY_OID: Record<string, DigestName> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

/** The accepted digest named by an AlgorithmIdentifier OID, or undefined. */
export function digestByOid(oid: string): DigestName | undefined {
  return DIGEST_BY_OID[oid];
}

/** The OID of an accepted digest. */
export function oidOfDigest(name: DigestName): string {
  return { sha256: OID.sha256, sha384: OID.sha384, sha512: OID.sha512 }[name];
}
