import type { DigestName } from './oids';

/**
 * How online revocation checking behaves (embedded data — DSS, adbe-revocationInfoArchival,
 * CMS crls, recorded evidence — is always used first):
 * - `off`: never fetch; without embedded data the status is "not checked" and the verdict says so;
 * - `prefer`: fetch OCSP/CRL when nothing is embedded; an unreachable responder leaves the
 *   status "unknown", which is accepted and stated in the verdict;
 * - `require`: as `prefer`, but a signature whose status stays unknown is invalid.
 */
export type RevocationMode = 'off' | 'prefer' | 'require';

/** The verification policy. Every knob is documented in libs/signatures/README.md. */
export interface VerificationPolicy {
  /** Digest algorithms accepted for signatures, timestamps and certificates. Default SHA-256/384/512. */
  acceptedDigests: readonly DigestName[];
  /**
   * Legacy switch: accept SHA-1 (refused by default — collisions are practical). When on,
   * a SHA-1 signature is accepted but flagged with the `WEAK_ALGORITHM_ACCEPTED` warning.
   */
  allowSha1: boolean;
  /** Require keyUsage nonRepudiation (contentCommitment) on signer certificates; default false (digitalSignature suffices). */
  requireNonRepudiation: boolean;
  revocation: RevocationMode;
  /** Timeout of one OCSP/CRL request. */
  revocationTimeoutMs: number;
  /** A "good" OCSP/CRL answer counts only if issued no earlier than this before the trusted time... or after it. */
  revocationFreshnessMs: number;
  /** Tolerance between a claimed signing time and the trusted time (clocks of signer and server differ). */
  clockSkewMs: number;
}

export const DEFAULT_POLICY: VerificationPolicy = {
  acceptedDigests: ['sha256', 'sha384', 'sha512'],
  allowSha1: false,
  requireNonRepudiation: false,
  revocation: 'prefer',
  revocationTimeoutMs: 5000,
  revocationFreshnessMs: 7 * 24 * 3600 * 1000,
  clockSkewMs: 5 * 60 * 1000,
};

/** The policy with `overrides` applied. */
export function resolvePolicy(overrides: Partial<VerificationPolicy> = {}): VerificationPolicy {
  return { ...DEFAULT_POLICY, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
}

/** Whether a digest is acceptable under the policy, and whether it needs the legacy flag. */
export function digestAcceptance(policy: VerificationPolicy, digest: DigestName | undefined): 'accepted' | 'legacy' | 'refused' {
  if (!digest) return 'refused';
  if (digest === 'sha1') return policy.allowSha1 ? 'legacy' : 'refused';
  return policy.acceptedDigests.includes(digest) ? 'accepted' : 'refused';
}
