import type * as pkijs from 'pkijs';
import { parseCertificates, subjectName, validatePath } from './chain';
import { OID } from './oids';
import { DEMO_CA_COMMON_NAME, TRIAL_CA_COMMON_NAME } from './demo-pki';
import type { TrustStore } from './trust-store';
import type { SigningIdentity } from './types';

/** Whether the service can sign results that verify: the agency certificate against the configured trust. */
export interface IdentityCheck {
  ok: boolean;
  /** The certificate's common name. */
  subject: string;
  notAfter: Date;
  /** Issued by the demo or trial CA of this library: papers it signs must say so. */
  trial: boolean;
  /** Each problem in a sentence naming what is missing (empty when ok). */
  problems: string[];
}

/**
 * Checks the identity the service signs with exactly as a verifier will check its signatures:
 * keyUsage for signing, valid at `at`, and a path to one of `trust`'s anchors, using the issuer
 * certificates in the PKCS#12 and the configured intermediates (never trusting either by itself).
 */
export async function checkSigningIdentity(identity: SigningIdentity, trust: TrustStore, at: Date): Promise<IdentityCheck> {
  const [leaf] = parseCertificates(identity.certificatePem);
  const carried = identity.chainPem.flatMap((pem) => parseCertificates(pem));
  const result = await validatePath({ leaf, intermediates: [...carried, ...trust.intermediates], anchors: trust.anchors, at, purpose: 'signing' });
  const issuers = [leaf, ...carried].map((c) => issuerCommonName(c));
  const trial = issuers.some((cn) => cn === DEMO_CA_COMMON_NAME || cn === TRIAL_CA_COMMON_NAME);
  return {
    ok: result.failures.length === 0,
    subject: subjectName(leaf),
    notAfter: leaf.notAfter.value,
    trial,
    problems: result.failures.map((f) => `${f.code}: ${f.message}`),
  };
}

function issuerCommonName(cert: pkijs.Certificate): string | undefined {
  const cn = cert.issuer.typesAndValues.find((t) => t.type === OID.commonName);
  return cn ? String(cn.value.valueBlock.value) : undefined;
}
