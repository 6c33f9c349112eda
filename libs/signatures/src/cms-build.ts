import { createHash, KeyObject, sign as nodeSign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SignatureError } from './errors';
import { signingCertificateV2 } from './ess';
import { OID, oidOfDigest, type DigestName } from './oids';
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
}): Buffer {
  const { identity } = input;
  const leafDer = certificateDer(identity.certificatePem);
  const leaf = pkijs.Certificate.fromBER(new Uint8Array(leafDer));
  const chain = identity.chainPem.flatMap((pem) => pemBlocks(pem, 'CERTIFICATE')).map((der) => pkijs.Certificate.fromBER(new Uint8Array(der)));
  const digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: oidOfDigest(input.digestAlgorithm) });

  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.signingTime, values: [timeValue(input.signingTime)] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: input.digest })] }),
    signingCertificateV2(leafDer),
  ];
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
  return Buffer.from(contentInfo.toSchema().toBER());
}

/** Digest of a buffer with an accepted algorithm. */
export function digestOf(data: Uint8Array, algorithm: DigestName): Buffer {
  return createHash(algorithm).update(data).digest();
}

function signWithKey(key: KeyObject, digest: DigestName, data: Uint8Array): { signatureAlgorithm: pkijs.AlgorithmIdentifier; signature: Buffer } {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      if (digest !== 'sha256') break;
      return {
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }),
        signature: nodeSign(digest, data, key),
      };
    case 'ec':
      if (digest !== 'sha256') break;
      return {
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 }),
        signature: nodeSign(digest, data, { key, dsaEncoding: 'der' }),
      };
  }
  throw new SignatureError('UNSUPPORTED_KEY', `Unsupported signing key type ${key.asymmetricKeyType} with ${digest}`);
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
