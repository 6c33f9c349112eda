/** Codes of {@link SignatureError}: programmer or configuration errors, never verdicts. */
export type SignatureErrorCode =
  | 'WRONG_PASSWORD'
  | 'MALFORMED_PKCS12'
  | 'NO_PRIVATE_KEY'
  | 'NO_MATCHING_CERTIFICATE'
  | 'UNSUPPORTED_KEY'
  | 'INVALID_PEM'
  | 'INVALID_TRUST_ANCHOR'
  | 'INVALID_PDF'
  | 'ALREADY_SIGNED'
  | 'SIGNATURE_TOO_LARGE';

/**
 * Thrown by the signing side (loading keys, signing) and for invalid trust configuration.
 * Verification of untrusted input never throws it: it returns a verdict instead.
 */
export class SignatureError extends Error {
  override readonly name = 'SignatureError';

  constructor(
    readonly code: SignatureErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
