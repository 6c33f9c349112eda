import { createHash } from 'node:crypto';
import type { PDFDocument } from 'pdf-lib';
import { parseAnchors } from './chain';
import { verifyDetachedCms } from './cms-verify';
import { hashRanges } from './digest';
import { checkByteRange } from './pdf-byte-range';
import { collectSignatureDictionaries, loadPdf, type SignatureDictionary } from './pdf-signature-dictionaries';
import type { PdfVerification, TrustOptions, VerificationFailure } from './types';

/** SubFilters whose /Contents is a detached CMS over the /ByteRange bytes. */
const SUPPORTED_SUBFILTERS = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);

/**
 * Verifies the last signature of a PDF (the one whose /ByteRange reaches furthest):
 * 1. parse the PDF (pdf-lib) and collect signature dictionaries — none → NO_SIGNATURE;
 * 2. /SubFilter adbe.pkcs7.detached or ETSI.CAdES.detached (else MALFORMED);
 * 3. /ByteRange starts at 0, its gap is exactly this dictionary's /Contents hex string
 *    (else BYTE_RANGE_INVALID) and it ends at end of file (else NOT_WHOLE_FILE);
 * 4. the CMS in /Contents: messageDigest = digest of the two signed ranges (else
 *    DIGEST_MISMATCH), signature over the signed attributes (else SIGNATURE_INVALID);
 * 5. the signer's certificate chains to `trust.anchorsPem` and the path is valid at the
 *    signingTime attribute, else `trust.at`, else now.
 *
 * Never throws for a bad file: returns `valid: false` with reasons.
 * @throws {SignatureError} `INVALID_TRUST_ANCHOR` for an unreadable anchor (configuration).
 */
export async function verifyPdfSignature(pdf: Buffer, trust: TrustOptions): Promise<PdfVerification> {
  const anchors = parseAnchors(trust.anchorsPem);
  const bytes: Uint8Array = pdf instanceof Uint8Array ? pdf : new Uint8Array(0);
  const verdict: PdfVerification = {
    valid: false,
    reasons: [],
    documentSha256: createHash('sha256').update(bytes).digest('hex'),
    coversWholeFile: false,
    signatureCount: 0,
  };
  const refuse = (...reasons: VerificationFailure[]): PdfVerification => ({ ...verdict, reasons: [...verdict.reasons, ...reasons] });
  try {
    let doc: PDFDocument;
    try {
      doc = await loadPdf(bytes);
    } catch (error) {
      return refuse({ code: 'MALFORMED', message: `Not a readable PDF: ${error instanceof Error ? error.message : String(error)}` });
    }
    const dictionaries = collectSignatureDictionaries(doc);
    verdict.signatureCount = dictionaries.length;
    if (dictionaries.length === 0) return refuse({ code: 'NO_SIGNATURE', message: 'The PDF has no signature' });
    const last = lastSignature(dictionaries);
    verdict.subFilter = last.subFilter;
    verdict.reason = last.reason;
    verdict.location = last.location;
    if (!last.subFilter || !SUPPORTED_SUBFILTERS.has(last.subFilter)) {
      return refuse({ code: 'MALFORMED', message: `Unsupported signature /SubFilter ${last.subFilter ?? '(none)'}` });
    }

    const range = checkByteRange(bytes, last);
    verdict.coversWholeFile = range.coversWholeFile;
    verdict.reasons.push(...range.failures);
    const cms = range.contents ?? last.contents;
    if (!range.ranges) return refuse();
    if (!cms) return refuse({ code: 'MALFORMED', message: 'The signature dictionary has no /Contents string' });

    const ranges = range.ranges;
    const check = await verifyDetachedCms({
      cms,
      allowZeroPadding: true,
      digest: async (algorithm) => hashRanges(bytes, ranges, algorithm),
      anchors,
      fallbackTime: trust.at ?? new Date(),
    });
    verdict.signer = check.signer;
    verdict.signingTime = check.signingTime;
    verdict.digestAlgorithm = check.digestAlgorithm;
    verdict.reasons.push(...check.failures);
    verdict.valid = verdict.reasons.length === 0;
    return verdict;
  } catch (error) {
    return refuse({ code: 'MALFORMED', message: `Unexpected error while verifying: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** The signature whose /ByteRange ends furthest into the file (one with an unusable /ByteRange only if all are). */
function lastSignature(dictionaries: SignatureDictionary[]): SignatureDictionary {
  const end = (d: SignatureDictionary) => (d.byteRange ? d.byteRange[2] + d.byteRange[3] : -1);
  return dictionaries.reduce((best, d) => (end(d) >= end(best) ? d : best));
}
