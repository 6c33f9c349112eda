import { createHash, KeyObject, sign as nodeSign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SignatureError } from './errors';
import { signingCertificateV2 } from './ess';
import { OID, oidOfDigest, signatureOid, type DigestName } from './oids';
import type { RevocationMaterial } from './revocation-data';
import { certificateDer, pemBlocks } from './pem';
import type { SigningIdentity } from './types';

/**
 * Builds a detached CMS SignedData (RFC 5652) over content whose digest is given:
 * signed attributes contentType(data), signingTime, messageDigest and ESS
 * signing-certificate-v2; the signer certificate and its chain are included.
 * Key: RSA (PKCS#1 v1.5) or EC (ECDSA), signature computed with Node's crypto.
 *
 * @returns DER-encoded ContentInfo.
 */
export function buildDetachedCms(input: {
  digest: Buffer;
  digestAlgorithm: DigestName;
  identity: SigningIdentity;
  signingTime: Date;
  /** Embedded as the adbe-revocationInfoArchival signed attribute (PAdES-B-LT style, ISO 32000-1 §12.8.3.3.2). */
  revocation?: RevocationMaterial;
  /** Omit the ESS signing-certificate-v2 attribute (tests of other producers). */
  withoutSigningCertificate?: boolean;
}): Buffer {
  return Buffer.from(buildSignedData(input).contentInfo);
}

/**
 * As {@link buildDetachedCms}, then asks `timestamp` for an RFC 3161 token over the
 * signature value and adds it as the signatureTimeStampToken unsigned attribute (PAdES-B-T).
 */
export async function buildTimestampedCms(
  input: Parameters<typeof buildDetachedCms>[0] & { timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array> },
): Promise<Buffer> {
  const built = buildSignedData(input);
  if (!input.timestamp) return Buffer.from(built.contentInfo);
  const token = await input.timestamp(built.signatureValue);
  const parsed = asn1js.fromBER(new Uint8Array(token));
  if (parsed.offset === -1) throw new SignatureError('SIGNATURE_TOO_LARGE', 'The TSA answered an unreadable token');
  const signerInfo = built.signedData.signerInfos[0];
  signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 1,
    attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [parsed.result] })],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: built.signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER());
}

function buildSignedData(input: Parameters<typeof buildDetachedCms>[0]): { contentInfo: ArrayBuffer; signedData: pkijs.SignedData; signatureValue: Uint8Array } {
  const { identity } = input;
  const leafDer = certificateDer(identity.certificatePem);
  const leaf = pkijs.Certificate.fromBER(new Uint8Array(leafDer));
  const chain = identity.chainPem.flatMap((pem) => pemBlocks(pem, 'CERTIFICATE')).map((der) => pkijs.Certificate.fromBER(new Uint8Array(der)));
  const digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: oidOfDigest(input.digestAlgorithm) });

  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.signingTime, values: [timeValue(input.signingTime)] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: input.digest })] }),
  ];
  if (!input.withoutSigningCertificate) attributes.push(signingCertificateV2(leafDer));
  if (input.revocation && (input.revocation.crls.length > 0 || input.revocation.ocsps.length > 0)) attributes.push(revocationArchival(input.revocation));
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: derSorted(attributes) });
  // The signature covers the DER of the attributes as a SET (tag 0x31), not as [0].
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER());
  toBeSigned[0] = 0x31;

  const { signatureAlgorithm, signature } = signWithKey(identity.privateKey, input.digestAlgorithm, toBeSigned);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm,
    signedAttrs,
    signatureAlgorithm,
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [digestAlgorithm],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [leaf, ...chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return { contentInfo: contentInfo.toSchema().toBER(), signedData, signatureValue: new Uint8Array(signature) };
}

/** RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRL, ocsp [1] EXPLICIT SEQUENCE OF OCSPResponse }. */
function revocationArchival(material: RevocationMaterial): pkijs.Attribute {
  const parse = (der: Uint8Array) => asn1js.fromBER(new Uint8Array(der)).result;
  const value: asn1js.Constructed[] = [];
  if (material.crls.length > 0) {
    value.push(new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.Sequence({ value: material.crls.map(parse) })] }));
  }
  if (material.ocsps.length > 0) {
    value.push(new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.Sequence({ value: material.ocsps.map(parse) })] }));
  }
  return new pkijs.Attribute({ type: OID.adbeRevocationInfoArchival, values: [new asn1js.Sequence({ value })] });
}

/** Digest of a buffer with an accepted algorithm. */
export function digestOf(data: Uint8Array, algorithm: DigestName): Buffer {
  return createHash(algorithm).update(data).digest();
}

/** Signs with RSA PKCS#1 v1.5 or ECDSA (Node's crypto) and names the algorithm. */
export function signWithKey(key: KeyObject, digest: DigestName, data: Uint8Array): { signatureAlgorithm: pkijs.AlgorithmIdentifier; signature: Buffer } {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return {
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: signatureOid('rsa', digest), algorithmParams: new asn1js.Null() }),
        signature: nodeSign(digest, data, key),
      };
    case 'ec':
      return {
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: signatureOid('ec', digest) }),
        signature: nodeSign(digest, data, { key, dsaEncoding: 'der' }),
      };
  }
  throw new SignatureError('UNSUPPORTED_KEY', `Unsupported signing key type ${key.asymmetricKeyType}`);
}

/** signingTime: UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5652 §11.3). */
function timeValue(date: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050 ? new asn1js.UTCTime({ valueDate: date }) : new asn1js.GeneralizedTime({ valueDate: date });
}

/** DER requires the elements of a SET OF in ascending order of their encodings. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((attribute) => ({ attribute, der: Buffer.from(attribute.toSchema().toBER()) }));
  encoded.sort((a, b) => Buffer.compare(a.der, b.der));
  return encoded.map((e) => e.attribute);
}
