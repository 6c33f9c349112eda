import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signWithKey } from '../cms-build';
import { signingCertificateV2 } from '../ess';
import { OID } from '../oids';
import { certificateDer, pemBlocks } from '../pem';
import type { SigningIdentity } from '../types';

/** A CMS SignedData encapsulating `content` (a TSA's token, in tests). */
export function buildEncapsulatedCms(content: Uint8Array, contentType: string, identity: SigningIdentity): Uint8Array {
  const leafDer = certificateDer(identity.certificatePem);
  const leaf = pkijs.Certificate.fromBER(new Uint8Array(leafDer));
  const chain = identity.chainPem.flatMap((pem) => pemBlocks(pem, 'CERTIFICATE')).map((der) => pkijs.Certificate.fromBER(new Uint8Array(der)));
  const digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: contentType })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: createHash('sha256').update(content).digest() })] }),
    signingCertificateV2(leafDer),
  ];
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER());
  toBeSigned[0] = 0x31;
  const { signatureAlgorithm, signature } = signWithKey(identity.privateKey, 'sha256', toBeSigned);
  const signedData = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [digestAlgorithm],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: contentType, eContent: new asn1js.OctetString({ valueHex: content }) }),
    certificates: [leaf, ...chain],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
        digestAlgorithm,
        signedAttrs,
        signatureAlgorithm,
        signature: new asn1js.OctetString({ valueHex: signature }),
      }),
    ],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}
