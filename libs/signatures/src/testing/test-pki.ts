import { createPrivateKey, createHash, KeyObject, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { cryptoEngine } from '../engine';
import { OID } from '../oids';
import { toPem } from '../pem';
import type { SigningIdentity } from '../types';

/**
 * A local PKI for tests (never shipped): root → intermediate → end entities, a TSA and an
 * OCSP responder, with a revocation registry the loopback servers answer from.
 * Keys: RSA 2048 or ECDSA P-256. Certificates: @peculiar/x509 (the project's X.509 stack).
 */
type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
const crypto = webcrypto;
x509.cryptoProvider.set(crypto as never);

export type KeyKind = 'rsa' | 'ec';

export interface TestCertificate {
  cert: x509.X509Certificate;
  der: Uint8Array;
  pem: string;
  keys: CryptoKeyPair;
  privateKey: KeyObject;
  kind: KeyKind;
  /** The issuing test certificate (undefined for a root). */
  issuer?: TestCertificate;
}

const ALGORITHMS: Record<KeyKind, { generate: webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams; sign: webcrypto.Algorithm }> = {
  rsa: {
    generate: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 },
    sign: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as webcrypto.Algorithm,
  },
  ec: { generate: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } as webcrypto.Algorithm },
};

let serial = 0x1000;

export interface IssueOptions {
  name: string;
  kind?: KeyKind;
  issuer?: TestCertificate;
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
  /** Extended key usage OIDs. */
  eku?: string[];
  ocspUrl?: string;
  crlUrl?: string;
  caIssuersUrl?: string;
  ocspNoCheck?: boolean;
}

export async function issue(options: IssueOptions): Promise<TestCertificate> {
  const kind = options.kind ?? 'rsa';
  const keys = (await crypto.subtle.generateKey(ALGORITHMS[kind].generate, true, ['sign', 'verify'])) as CryptoKeyPair;
  const issuer = options.issuer;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(!!options.ca, undefined, true),
    new x509.KeyUsagesExtension(
      options.ca ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as never),
  ];
  if (issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey as never));
  if (options.eku) extensions.push(new x509.ExtendedKeyUsageExtension(options.eku, true));
  if (options.ocspUrl || options.caIssuersUrl) {
    extensions.push(new x509.AuthorityInfoAccessExtension({ ...(options.ocspUrl ? { ocsp: options.ocspUrl } : {}), ...(options.caIssuersUrl ? { caIssuers: options.caIssuersUrl } : {}) }));
  }
  if (options.crlUrl) extensions.push(new x509.CRLDistributionPointsExtension([options.crlUrl]));
  if (options.ocspNoCheck) extensions.push(new x509.Extension(OID.ocspNoCheck, false, new asn1js.Null().toBER()));
  const subject = `CN=${options.name}, O=motcua test PKI, C=VN`;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(6, '0'),
    subject,
    issuer: issuer ? issuer.cert.subject : subject,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    signingAlgorithm: ALGORITHMS[issuer?.kind ?? kind].sign,
    publicKey: keys.publicKey as never,
    signingKey: (issuer ? issuer.keys.privateKey : keys.privateKey) as never,
    extensions,
  });
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  const der = new Uint8Array(cert.rawData);
  return { cert, der, pem: toPem(der, 'CERTIFICATE'), keys, privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }), kind, issuer };
}

/** The signing identity of a test certificate (its issuers as the chain, root excluded unless asked). */
export function identityOf(entity: TestCertificate, options: { withRoot?: boolean; withChain?: boolean } = {}): SigningIdentity {
  const chain: string[] = [];
  for (let ca = entity.issuer; ca && options.withChain !== false; ca = ca.issuer) if (ca.issuer || options.withRoot) chain.push(ca.pem);
  return { privateKey: entity.privateKey, certificatePem: entity.pem, chainPem: chain };
}

/** Revocations known to the test CA: serial (hex, lower case) → date. */
export class RevocationRegistry {
  readonly revoked = new Map<string, Date>();

  revoke(entity: TestCertificate, at: Date): void {
    this.revoked.set(entity.cert.serialNumber.toLowerCase(), at);
  }

  /** A CRL of `issuer`, issued at `thisUpdate`, listing the revoked certificates it issued. */
  async crl(issuer: TestCertificate, issued: readonly TestCertificate[], thisUpdate: Date): Promise<Uint8Array> {
    const entries = issued
      .filter((e) => this.revoked.has(e.cert.serialNumber.toLowerCase()))
      .map((e) => ({ serialNumber: e.cert.serialNumber, revocationDate: this.revoked.get(e.cert.serialNumber.toLowerCase())!, reason: x509.X509CrlReason.keyCompromise }));
    const crl = await x509.X509CrlGenerator.create({
      issuer: issuer.cert.subject,
      thisUpdate,
      nextUpdate: new Date(thisUpdate.getTime() + 7 * 86400_000),
      entries,
      signingKey: issuer.keys.privateKey as never,
      signingAlgorithm: ALGORITHMS[issuer.kind].sign,
    });
    return new Uint8Array(crl.rawData);
  }

  /** An OCSP response (RFC 6960) for the request's certificates, signed by `responder`. */
  async ocsp(requestDer: Uint8Array, issuer: TestCertificate, responder: TestCertificate, producedAt: Date): Promise<Uint8Array> {
    const request = pkijs.OCSPRequest.fromBER(requestDer);
    const issuerCert = pkijs.Certificate.fromBER(issuer.der);
    const responses = request.tbsRequest.requestList.map((entry) => {
      const serialHex = Buffer.from(entry.reqCert.serialNumber.valueBlock.valueHexView).toString('hex').replace(/^0+/, '');
      const revokedAt = [...this.revoked.entries()].find(([s]) => s.replace(/^0+/, '') === serialHex)?.[1];
      const status = revokedAt
        ? new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: revokedAt })] })
        : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } });
      return new pkijs.SingleResponse({ certID: entry.reqCert, certStatus: status, thisUpdate: producedAt });
    });
    void issuerCert;
    const responderCert = pkijs.Certificate.fromBER(responder.der);
    const keyHash = createHash('sha1').update(responderCert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
    const basic = new pkijs.BasicOCSPResponse({
      tbsResponseData: new pkijs.ResponseData({
        // pkijs wraps the byKey choice in [2] itself.
        responderID: new asn1js.OctetString({ valueHex: keyHash }),
        producedAt,
        responses,
      }),
      certs: [responderCert],
    });
    await basic.sign((await importKey(responder)) as never, 'SHA-256', cryptoEngine());
    const response = new pkijs.OCSPResponse({
      responseStatus: new asn1js.Enumerated({ value: 0 }),
      responseBytes: new pkijs.ResponseBytes({ responseType: OID.ocspBasic, response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER() }) }),
    });
    return new Uint8Array(response.toSchema().toBER());
  }
}

/** The responder's key, imported into the library's pkijs engine. */
async function importKey(entity: TestCertificate): Promise<CryptoKey> {
  return entity.keys.privateKey;
}

/**
 * An RFC 3161 TimeStampResp over the request's imprint, at `genTime`, signed by `tsa`
 * (TSTInfo encapsulated, signed attributes contentType, messageDigest, ESS signing-certificate-v2).
 */
export async function timestampResponse(requestDer: Uint8Array, tsa: TestCertificate, genTime: Date): Promise<Uint8Array> {
  const request = pkijs.TimeStampReq.fromBER(requestDer);
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: '1.3.6.1.4.1.99999.1.1',
    messageImprint: request.messageImprint,
    serialNumber: new asn1js.Integer({ value: serial++ }),
    genTime,
    ordering: false,
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
  const token = await signedToken(new Uint8Array(tstInfo.toSchema().toBER()), tsa, OID.tstInfo);
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
    timeStampToken: new pkijs.ContentInfo({ schema: asn1js.fromBER(token).result }),
  });
  return new Uint8Array(response.toSchema().toBER());
}

async function signedToken(content: Uint8Array, signer: TestCertificate, contentType: string): Promise<Uint8Array> {
  const { buildEncapsulatedCms } = await import('./encapsulated-cms');
  return buildEncapsulatedCms(content, contentType, identityOf(signer, { withRoot: false }));
}
