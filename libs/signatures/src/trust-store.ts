import type * as pkijs from 'pkijs';
import { parseCertificates } from './chain';

/**
 * Trust anchors (roots, or intermediates pinned as anchors) and extra intermediates used
 * to build paths for signers whose file carries only their own certificate. Parsed once.
 */
export class TrustStore {
  private constructor(
    readonly anchors: readonly pkijs.Certificate[],
    readonly intermediates: readonly pkijs.Certificate[],
  ) {}

  /**
   * @param input PEM text (bundles allowed) or DER bytes, per file.
   * @throws {SignatureError} `INVALID_TRUST_ANCHOR` for an unreadable one — load folders
   *   file by file (see the API's trust loader) to report which file is broken.
   */
  static from(input: { anchors: ReadonlyArray<string | Uint8Array>; intermediates?: ReadonlyArray<string | Uint8Array> }): TrustStore {
    return new TrustStore(input.anchors.flatMap((a) => parseCertificates(a)), (input.intermediates ?? []).flatMap((c) => parseCertificates(c)));
  }

  static ofCertificates(anchors: readonly pkijs.Certificate[], intermediates: readonly pkijs.Certificate[] = []): TrustStore {
    return new TrustStore(anchors, intermediates);
  }
}
