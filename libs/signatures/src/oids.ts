/** Object identifiers used by this library. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  /** RFC 3161 TSTInfo content type. */
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  /** Unsigned attribute carrying an RFC 3161 timestamp over the signature value (RFC 3161 App. A). */
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  /** Adobe's signed attribute with CRLs/OCSP responses (PDF 1.6 / ISO 32000-1 §12.8.3.3.2). */
  adbeRevocationInfoArchival: '1.2.840.113583.1.1.8',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha1WithRsa: '1.2.840.113549.1.1.5',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha1: '1.2.840.10045.4.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  crlDistributionPoints: '2.5.29.31',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocspAccess: '1.3.6.1.5.5.7.48.1',
  caIssuersAccess: '1.3.6.1.5.5.7.48.2',
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  ocspNonce: '1.3.6.1.5.5.7.48.1.2',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  /** RFC 9336 id-kp-documentSigning. */
  documentSigning: '1.3.6.1.5.5.7.3.36',
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;

/** Digest algorithms this library knows. SHA-1 is accepted only under the legacy policy switch. */
export type DigestName = 'sha1' | 'sha256' | 'sha384' | 'sha512';

const DIGEST_BY_OID: Record<string, DigestName> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

/** The known digest named by an AlgorithmIdentifier OID, or undefined (MD5 and unknown ones). */
export function digestByOid(oid: string): DigestName | undefined {
  return DIGEST_BY_OID[oid];
}

/** The OID of a known digest. */
export function oidOfDigest(name: DigestName): string {
  return { sha1: OID.sha1, sha256: OID.sha256, sha384: OID.sha384, sha512: OID.sha512 }[name];
}

/** The signature algorithm OID for a key type and digest (RSA PKCS#1 v1.5 or ECDSA). */
export function signatureOid(keyType: 'rsa' | 'ec', digest: DigestName): string {
  const rsa = { sha1: OID.sha1WithRsa, sha256: OID.sha256WithRsa, sha384: OID.sha384WithRsa, sha512: OID.sha512WithRsa };
  const ec = { sha1: OID.ecdsaWithSha1, sha256: OID.ecdsaWithSha256, sha384: OID.ecdsaWithSha384, sha512: OID.ecdsaWithSha512 };
  return (keyType === 'rsa' ? rsa : ec)[digest];
}

/** The digest implied by a signature algorithm OID that names one. */
export function digestOfSignatureOid(oid: string): DigestName | undefined {
  const table: Record<string, DigestName> = {
    [OID.sha1WithRsa]: 'sha1',
    [OID.sha256WithRsa]: 'sha256',
    [OID.sha384WithRsa]: 'sha384',
    [OID.sha512WithRsa]: 'sha512',
    [OID.ecdsaWithSha1]: 'sha1',
    [OID.ecdsaWithSha256]: 'sha256',
    [OID.ecdsaWithSha384]: 'sha384',
    [OID.ecdsaWithSha512]: 'sha512',
  };
  return table[oid];
}
