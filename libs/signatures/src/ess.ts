import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids';
import type { VerificationFailure } from './types';

/**
 * ESS signing-certificate-v2 attribute (RFC 5035) naming `certDer` by its SHA-256:
 * binds the signature to the signer's certificate so it cannot be swapped for another
 * certificate with the same key.
 */
export function signingCertificateV2(certDer: Uint8Array): pkijs.Attribute {
  const certHash = createHash('sha256').update(certDer).digest();
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
  // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256 (omitted), certHash OCTET STRING }
  const essCertId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash })] });
  return new pkijs.Attribute({
    type: OID.signingCertificateV2,
    values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] })],
  });
}

const HASH_BY_OID: Record<string, string> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

/**
 * Checks an ESS signing-certificate (v1, SHA-1) or signing-certificate-v2 attribute
 * against the signer's certificate. Only the first ESSCertID is relevant (RFC 5035 §5.4).
 */
export function checkSigningCertificate(attribute: pkijs.Attribute, certDer: Uint8Array): VerificationFailure | undefined {
  const v2 = attribute.type === OID.signingCertificateV2;
  let hashName: string | undefined = v2 ? 'sha256' : 'sha1';
  let certHash: Uint8Array | undefined;
  try {
    const [value] = attribute.values as asn1js.Sequence[];
    const certs = value.valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    const fields = first.valueBlock.value;
    let index = 0;
    if (v2 && fields[0] instanceof asn1js.Sequence) {
      const algorithm = fields[0].valueBlock.value[0] as asn1js.ObjectIdentifier;
      hashName = HASH_BY_OID[algorithm.valueBlock.toString()];
      index = 1;
    }
    const hash = fields[index];
    if (hash instanceof asn1js.OctetString) certHash = hash.valueBlock.valueHexView;
  } catch {
    certHash = undefined;
  }
  if (!certHash || !hashName) {
    return { code: 'MALFORMED', message: 'Unreadable signing-certificate attribute' };
  }
  const actual = createHash(hashName).update(certDer).digest();
  if (!actual.equals(Buffer.from(certHash))) {
    return {
      code: 'SIGNATURE_INVALID',
      message: 'The signing-certificate attribute names a different certificate than the one that signed',
    };
  }
  return undefined;
}
