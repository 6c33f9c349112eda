import { SignPdf, Signer } from '@signpdf/signpdf';
import type { PDFDocument } from 'pdf-lib';
import { signerSummary } from './certificate-summary';
import { buildDetachedCms, digestOf } from './cms-build';
import { SignatureError } from './errors';
import { certificateDer, pemBlocks } from './pem';
import { addSignaturePlaceholder } from './pdf-placeholder';
import { collectSignatureDictionaries, loadPdf } from './pdf-signature-dictionaries';
import type { PdfSignOptions, SigningIdentity } from './types';

/** Room for the CMS besides the certificates: signed attributes, signature, a 4096-bit key. */
const CMS_OVERHEAD_BYTES = 4096;

/**
 * Signs a PDF (PAdES-style, /SubFilter adbe.pkcs7.detached): adds an invisible signature
 * field, then fills /ByteRange and /Contents with a detached CMS (built with pkijs) over
 * the whole file except /Contents. The CMS carries contentType, signingTime,
 * messageDigest (SHA-256) and ESS signing-certificate-v2, plus the certificate chain.
 *
 * pdf-lib rewrites the whole file (no incremental save), so a PDF that already has a
 * signature is refused rather than having its signature silently broken.
 *
 * @throws {SignatureError} `INVALID_PDF`, `ALREADY_SIGNED`, `UNSUPPORTED_KEY`, `SIGNATURE_TOO_LARGE`.
 */
export async function signPdf(pdf: Buffer, identity: SigningIdentity, opts: PdfSignOptions): Promise<Buffer> {
  const signingTime = opts.signingTime ?? new Date();
  let doc: PDFDocument;
  try {
    doc = await loadPdf(pdf);
  } catch (error) {
    throw new SignatureError('INVALID_PDF', 'Not a readable PDF', { cause: error });
  }
  if (doc.isEncrypted) throw new SignatureError('INVALID_PDF', 'Encrypted PDFs cannot be signed');
  if (doc.getPageCount() === 0) throw new SignatureError('INVALID_PDF', 'The PDF has no page');
  if (collectSignatureDictionaries(doc).length > 0) {
    throw new SignatureError('ALREADY_SIGNED', 'The PDF is already signed; re-saving it would invalidate that signature');
  }

  const certificateBytes = [identity.certificatePem, ...identity.chainPem]
    .flatMap((pem) => pemBlocks(pem, 'CERTIFICATE'))
    .reduce((sum, der) => sum + der.length, 0);
  addSignaturePlaceholder(doc, {
    reason: opts.reason,
    location: opts.location,
    name: opts.signerName ?? signerSummary(certificateDer(identity.certificatePem)).name,
    signingTime,
    contentsHexLength: 2 * (certificateBytes + CMS_OVERHEAD_BYTES),
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  try {
    return await new SignPdf().sign(prepared, new CmsSigner(identity), signingTime);
  } catch (error) {
    if (error instanceof SignatureError) throw error;
    if (error instanceof Error && /exceeds placeholder/.test(error.message)) {
      throw new SignatureError('SIGNATURE_TOO_LARGE', error.message, { cause: error });
    }
    throw error;
  }
}

/** @signpdf Signer producing our pkijs CMS over the bytes it is given (the signed ranges). */
class CmsSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override async sign(signedBytes: Buffer, signingTime?: Date): Promise<Buffer> {
    return buildDetachedCms({
      digest: digestOf(signedBytes, 'sha256'),
      digestAlgorithm: 'sha256',
      identity: this.identity,
      signingTime: signingTime ?? new Date(),
    });
  }
}
