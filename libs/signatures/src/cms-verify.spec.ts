import { sign as nodeSign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signingCertificateV2 } from './ess';
import { createDemoPki, issueUserCertificate, loadPkcs12, signDetached, verifyDetached } from './index';
import { OID } from './oids';
import { certificateDer } from './pem';
import { codes } from './spec-fixtures';

const pki = createDemoPki({ agencyName: 'Sở Tài chính' });
const identity = loadPkcs12(pki.p12, pki.p12Password);
const data = Buffer.from('bản scan');
const trust = { anchorsPem: [pki.caCertPem] };

/** Parses a CMS, lets `edit` change the SignedData, re-signs the signed attributes with the agency key. */
function resigned(cms: Buffer, edit: (signedData: pkijs.SignedData) => void): Buffer {
  const contentInfo = pkijs.ContentInfo.fromBER(new Uint8Array(cms));
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  edit(signedData);
  const signerInfo = signedData.signerInfos[0];
  const attrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signerInfo.signedAttrs!.attributes });
  signerInfo.signedAttrs = attrs;
  const tbs = new Uint8Array(attrs.toSchema().toBER());
  tbs[0] = 0x31;
  signerInfo.signature = new asn1js.OctetString({ valueHex: nodeSign('sha256', tbs, identity.privateKey) });
  return Buffer.from(new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) }).toSchema().toBER());
}

describe('verifyDetached on edited (then correctly re-signed) CMS', () => {
  it('control: re-signing without edits keeps it valid', async () => {
    const cms = resigned(await signDetached(data, identity), () => undefined);
    expect((await verifyDetached(data, cms, trust)).reasons).toEqual([]);
  });

  it('a signing-certificate-v2 attribute naming another certificate → SIGNATURE_INVALID', async () => {
    const cms = resigned(await signDetached(data, identity), (sd) => {
      const attrs = sd.signerInfos[0].signedAttrs!.attributes;
      const index = attrs.findIndex((a) => a.type === OID.signingCertificateV2);
      attrs[index] = signingCertificateV2(certificateDer(pki.caCertPem));
    });
    expect(codes(await verifyDetached(data, cms, trust))).toEqual(['SIGNATURE_INVALID']);
  });

  it("the signer's certificate removed → MALFORMED", async () => {
    const cms = resigned(await signDetached(data, identity), (sd) => {
      sd.certificates = sd.certificates!.slice(1);
    });
    expect(codes(await verifyDetached(data, cms, trust))).toEqual(['MALFORMED']);
  });

  it('the certificate swapped for another one by the same CA → SIGNATURE_INVALID', async () => {
    const other = pkijs.Certificate.fromBER(new Uint8Array(certificateDer(issueUserCertificate(pki.ca, { commonName: 'Người khác' }).certPem)));
    const cms = resigned(await signDetached(data, identity), (sd) => {
      sd.certificates = [other, ...sd.certificates!.slice(1)];
      sd.signerInfos[0].sid = new pkijs.IssuerAndSerialNumber({ issuer: other.issuer, serialNumber: other.serialNumber });
    });
    // Refused twice over: the key does not verify, and signing-certificate-v2 names the original.
    expect(codes(await verifyDetached(data, cms, trust))).toEqual(['SIGNATURE_INVALID', 'SIGNATURE_INVALID']);
  });

  it('without a messageDigest attribute → MALFORMED', async () => {
    const cms = resigned(await signDetached(data, identity), (sd) => {
      const si = sd.signerInfos[0];
      si.signedAttrs!.attributes = si.signedAttrs!.attributes.filter((a) => a.type !== OID.messageDigest);
    });
    expect(codes(await verifyDetached(data, cms, trust))).toEqual(['MALFORMED']);
  });
});
