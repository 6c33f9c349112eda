import { createPrivateKey, KeyObject, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { SignatureError } from './errors';
import { certificateDer, pemBlocks, toPem } from './pem';
import type { SigningIdentity } from './types';

/**
 * Opens a PKCS#12 (.p12/.pfx) and returns its private key, the certificate of that key
 * and the other certificates ordered as an issuer chain.
 *
 * @throws {SignatureError} `WRONG_PASSWORD`, `MALFORMED_PKCS12`, `NO_PRIVATE_KEY`,
 *   `NO_MATCHING_CERTIFICATE` (no certificate in the file matches the key).
 */
export function loadPkcs12(p12: Buffer, password: string): SigningIdentity {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')), false);
    pfx = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|MAC could not be verified|decrypt/i.test(message)) {
      throw new SignatureError('WRONG_PASSWORD', 'Wrong PKCS#12 password', { cause: error });
    }
    throw new SignatureError('MALFORMED_PKCS12', `Not a readable PKCS#12 file: ${message}`, { cause: error });
  }

  const keys: KeyObject[] = [];
  const certs: Buffer[] = [];
  for (const contents of pfx.safeContents) {
    for (const bag of contents.safeBags) {
      if (bag.type === forge.pki.oids.keyBag || bag.type === forge.pki.oids.pkcs8ShroudedKeyBag) {
        keys.push(bagKey(bag));
      } else if (bag.type === forge.pki.oids.certBag) {
        // node-forge keeps the parsed TBSCertificate, so re-encoding gives the original DER;
        // certificates it cannot parse (EC keys) are left as raw ASN.1.
        const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
        certs.push(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
      }
    }
  }
  if (keys.length === 0) throw new SignatureError('NO_PRIVATE_KEY', 'The PKCS#12 file contains no private key');
  for (const key of keys) {
    const identity = assemble(key, certs);
    if (identity) return identity;
  }
  throw new SignatureError('NO_MATCHING_CERTIFICATE', 'No certificate in the PKCS#12 file matches its private key');
}

/**
 * Builds an identity from PEM: a private key (PKCS#8 or PKCS#1), its certificate, and
 * optionally issuer certificates (any order; they are sorted into a chain).
 *
 * @throws {SignatureError} `INVALID_PEM`, `NO_MATCHING_CERTIFICATE`.
 */
export function identityFromPem(input: { privateKeyPem: string; certificatePem: string; chainPem?: readonly string[] }): SigningIdentity {
  let key: KeyObject;
  try {
    key = createPrivateKey(input.privateKeyPem);
  } catch (error) {
    throw new SignatureError('INVALID_PEM', 'Unreadable private key PEM', { cause: error });
  }
  const leaf = certificateDer(input.certificatePem);
  const others = (input.chainPem ?? []).flatMap((pem) => pemBlocks(pem, 'CERTIFICATE'));
  const identity = assemble(key, [leaf, ...others], leaf);
  if (!identity) throw new SignatureError('NO_MATCHING_CERTIFICATE', 'The certificate does not match the private key');
  return identity;
}

function bagKey(bag: forge.pkcs12.Bag): KeyObject {
  const asn1 = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
  try {
    return createPrivateKey({ key: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new SignatureError('UNSUPPORTED_KEY', 'Unsupported private key in the PKCS#12 file', { cause: error });
  }
}

/** The identity of `key` if one of `certs` matches it (or exactly `leafDer` when given). */
function assemble(key: KeyObject, certs: readonly Buffer[], leafDer?: Buffer): SigningIdentity | undefined {
  const parsed = certs.map((der) => ({ der, x509: new X509Certificate(der) }));
  const leaf = parsed.find((c) => (!leafDer || c.der.equals(leafDer)) && c.x509.checkPrivateKey(key));
  if (!leaf) return undefined;
  const chain: Buffer[] = [];
  let current = leaf;
  const remaining = parsed.filter((c) => c !== leaf && !c.der.equals(leaf.der));
  while (current.x509.issuer !== current.x509.subject || !current.x509.verify(current.x509.publicKey)) {
    const issuer = remaining.find((c) => current.x509.checkIssued(c.x509) && current.x509.verify(c.x509.publicKey));
    if (!issuer) break;
    chain.push(issuer.der);
    remaining.splice(remaining.indexOf(issuer), 1);
    current = issuer;
  }
  return {
    privateKey: key,
    certificatePem: toPem(leaf.der, 'CERTIFICATE'),
    chainPem: chain.map((der) => toPem(der, 'CERTIFICATE')),
  };
}
