import type { Readable } from 'node:stream';
import { parseAnchors, validatePath } from './chain';
import { buildDetachedCms } from './cms-build';
import { checkCms, type CmsCheck } from './cms-verify';
import { resolvePolicy } from './policy';
import { hashData } from './digest';
import type { DigestName } from './oids';
import type { DetachedSignOptions, DetachedVerification, SigningIdentity, TrustOptions } from './types';

/**
 * Signs any file (JPEG/PNG scan…) with a detached CMS SignedData: SHA-256, signingTime,
 * ESS signing-certificate-v2, certificate chain included. Streams are read once.
 *
 * @returns the DER CMS (store it next to the file, e.g. `scan.png.p7s`).
 */
export async function signDetached(data: Buffer | Readable, identity: SigningIdentity, opts: DetachedSignOptions = {}): Promise<Buffer> {
  const { sha256 } = await hashData(data, ['sha256']);
  return buildDetachedCms({ digest: sha256, digestAlgorithm: 'sha256', identity, signingTime: opts.signingTime ?? new Date() });
}

/**
 * Verifies a detached CMS over `data` (same checks and failure codes as the CMS part of
 * {@link verifyPdfSignature}). Never throws for a bad signature; a failing stream rejects.
 *
 * @throws {SignatureError} `INVALID_TRUST_ANCHOR` for an unreadable anchor (configuration).
 */
export async function verifyDetached(data: Buffer | Readable, cmsDer: Buffer, trust: TrustOptions): Promise<DetachedVerification> {
  const anchors = trust.trust ? [...trust.trust.anchors] : parseAnchors(trust.anchorsPem ?? []);
  const extraIntermediates = trust.trust ? [...trust.trust.intermediates] : [];
  let dataSha256: Buffer | undefined;
  let check: Pick<CmsCheck, 'failures' | 'signer' | 'signingTime' | 'digestAlgorithm'>;
  try {
    const cms = await checkCms({
      cms: cmsDer instanceof Uint8Array ? cmsDer : new Uint8Array(0),
      allowZeroPadding: false,
      digest: async (algorithm: DigestName) => {
        try {
          const digests = await hashData(data, [algorithm, 'sha256']);
          dataSha256 = digests.sha256;
          return digests[algorithm];
        } catch (error) {
          throw new DataReadError(error);
        }
      },
      policy: resolvePolicy({}),
    });
    check = cms;
    if (cms.signerCert) {
      // Scans are signed by the service itself at upload: the signingTime it wrote is the upload time.
      const at = cms.signingTime ?? trust.at ?? new Date();
      const path = await validatePath({ leaf: cms.signerCert, intermediates: [...cms.certificates.filter((c) => c !== cms.signerCert), ...extraIntermediates], anchors, at });
      check = { ...cms, failures: [...cms.failures, ...path.failures] };
    }
  } catch (error) {
    if (error instanceof DataReadError) throw error.cause;
    check = { failures: [{ code: 'MALFORMED', message: `Unexpected error while verifying: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  // The CMS was refused before the data was needed: still report the data's digest.
  dataSha256 ??= (await hashData(data, ['sha256'])).sha256;
  return {
    valid: check.failures.length === 0,
    reasons: check.failures,
    signer: check.signer,
    signingTime: check.signingTime,
    digestAlgorithm: check.digestAlgorithm,
    dataSha256: dataSha256.toString('hex'),
  };
}

/** Wraps a failure to read the data, so it is rethrown instead of becoming a verdict. */
class DataReadError extends Error {
  constructor(override readonly cause: unknown) {
    super('Failed to read the signed data');
  }
}
