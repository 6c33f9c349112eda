import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { signerSummary } from './certificate-summary';
import { buildTimestampedCms } from './cms-build';
import { SignatureError } from './errors';
import type { DigestName } from './oids';
import { IncrementalUpdate } from './pdf-incremental';
import { collectSignatureDictionaries, loadPdf } from './pdf-signature-dictionaries';
import { lookupDict } from './pdf-structure';
import { certificateDer, pemBlocks } from './pem';
import type { RevocationMaterial } from './revocation-data';
import type { PdfSignOptions, SigningIdentity } from './types';

/** Room for the CMS besides the certificates: signed attributes, signature, a 4096-bit key. */
const CMS_OVERHEAD_BYTES = 4096;
/** Room for an RFC 3161 token (TSA certificate chain included). */
const TIMESTAMP_BYTES = 12_288;
/** A name as wide as the widest /ByteRange array, so filling it in moves no byte. */
const BYTE_RANGE_NAME = `MOTCUA${'_'.repeat(40)}`;

/** Options beyond {@link PdfSignOptions}: what PAdES level, which digest, certification. */
export interface PdfSignExtras {
  digestAlgorithm?: DigestName;
  /** Make this a certification signature with DocMDP P (1: no changes, 2: form filling and signing, 3: also annotations). */
  certify?: 1 | 2 | 3;
  /** A timestamp over the signature value (PAdES-B-T): returns an RFC 3161 token for the given bytes. */
  timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array>;
  /** CRLs/OCSP responses embedded in the signature (adbe-revocationInfoArchival). */
  revocation?: RevocationMaterial;
  /** Omit ESS signing-certificate-v2 (to imitate other producers in tests). */
  withoutSigningCertificate?: boolean;
  fieldName?: string;
}

/**
 * Signs a PDF (PAdES, /SubFilter ETSI.CAdES.detached) in an incremental update: an
 * invisible signature field on the first page, a detached CMS (pkijs) over the whole file
 * except /Contents with contentType, signingTime, messageDigest, ESS signing-certificate-v2,
 * optionally revocation data, and optionally an RFC 3161 signature timestamp. A PDF that is
 * already signed keeps its signatures (the update appends); an unsigned one is first
 * normalised by pdf-lib (which repairs what it can).
 *
 * @throws {SignatureError} `INVALID_PDF`, `UNSUPPORTED_KEY`, `SIGNATURE_TOO_LARGE`.
 */
export async function signPdf(pdf: Buffer, identity: SigningIdentity, opts: PdfSignOptions & PdfSignExtras): Promise<Buffer> {
  const signingTime = opts.signingTime ?? new Date();
  const digestAlgorithm = opts.digestAlgorithm ?? 'sha256';
  const base = await normalisedUnlessSigned(pdf);
  const update = await IncrementalUpdate.open(base);
  const certificateBytes = [identity.certificatePem, ...identity.chainPem].flatMap((pem) => pemBlocks(pem, 'CERTIFICATE')).reduce((sum, der) => sum + der.length, 0);
  const revocationBytes = [...(opts.revocation?.crls ?? []), ...(opts.revocation?.ocsps ?? [])].reduce((sum, der) => sum + der.length, 0);
  const { context } = update;
  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    Reason: PDFHexString.fromText(opts.reason),
    M: PDFString.fromDate(signingTime),
    Prop_Build: { App: { Name: 'motcua' } },
  });
  signature.set(PDFName.of('Name'), PDFHexString.fromText(opts.signerName ?? signerSummary(certificateDer(identity.certificatePem)).name));
  if (opts.location) signature.set(PDFName.of('Location'), PDFHexString.fromText(opts.location));
  const signatureRef = update.add(signature);
  if (opts.certify) certify(update, signature, signatureRef, opts.certify);
  addSignatureField(update, signatureRef, opts.fieldName);

  return fillSignature(update, signature, 2 * (certificateBytes + revocationBytes + CMS_OVERHEAD_BYTES + (opts.timestamp ? TIMESTAMP_BYTES : 0)), (digestOf) =>
    buildTimestampedCms({
      digest: digestOf(digestAlgorithm),
      digestAlgorithm,
      identity,
      signingTime,
      revocation: opts.revocation,
      withoutSigningCertificate: opts.withoutSigningCertificate,
      timestamp: opts.timestamp,
    }),
  );
}

/**
 * Appends a document timestamp (PAdES-B-LTA, /SubFilter ETSI.RFC3161): `timestamp` gets the
 * digest algorithm and the bytes to timestamp and returns an RFC 3161 token.
 */
export async function addDocumentTimestamp(pdf: Buffer, timestamp: (data: Uint8Array) => Promise<Uint8Array>): Promise<Buffer> {
  const update = await IncrementalUpdate.open(pdf);
  const { context } = update;
  const dict = context.obj({ Type: 'DocTimeStamp', Filter: 'Adobe.PPKLite', SubFilter: 'ETSI.RFC3161' });
  const ref = update.add(dict);
  addSignatureField(update, ref, undefined);
  return fillSignature(update, dict, 2 * TIMESTAMP_BYTES, async (_digestOf, signedBytes) => Buffer.from(await timestamp(signedBytes)));
}

/**
 * Appends validation data (ETSI EN 319 142-1 §5.4.2 Document Security Store): the
 * certificates, CRLs and OCSP responses, merged into an existing /DSS if there is one.
 * Signatures stay valid: this is a change every signature permits.
 */
export async function addValidationData(pdf: Buffer, material: RevocationMaterial): Promise<Buffer> {
  const update = await IncrementalUpdate.open(pdf);
  const { context } = update;
  const existing = lookupDict(context, update.catalog.get(PDFName.of('DSS')));
  const dss = existing ? (context.obj({}) as PDFDict) : context.obj({});
  if (existing) for (const [key, value] of existing.entries()) dss.set(key, value);
  const append = (key: string, ders: Uint8Array[]) => {
    if (ders.length === 0) return;
    const current = dss.lookup(PDFName.of(key));
    const array = PDFArray.withContext(context);
    if (current instanceof PDFArray) for (const item of current.asArray()) array.push(item);
    for (const der of ders) array.push(update.add(context.flateStream(der)));
    dss.set(PDFName.of(key), array);
  };
  append('Certs', material.certs);
  append('CRLs', material.crls);
  append('OCSPs', material.ocsps);
  const dssRef = update.add(dss);
  update.catalog.set(PDFName.of('DSS'), dssRef);
  update.touch(update.catalogRef);
  return update.toBytes();
}

async function normalisedUnlessSigned(pdf: Buffer): Promise<Uint8Array> {
  let doc: PDFDocument;
  try {
    doc = await loadPdf(pdf);
  } catch (error) {
    throw new SignatureError('INVALID_PDF', 'Not a readable PDF', { cause: error });
  }
  if (doc.isEncrypted) throw new SignatureError('INVALID_PDF', 'Encrypted PDFs cannot be signed');
  if (doc.getPageCount() === 0) throw new SignatureError('INVALID_PDF', 'The PDF has no page');
  if (collectSignatureDictionaries(doc).length > 0) return pdf;
  return doc.save({ useObjectStreams: false });
}

/** DocMDP (ISO 32000-1 §12.8.2.2): a signature reference in the dictionary and /Perms in the catalog. */
function certify(update: IncrementalUpdate, signature: PDFDict, signatureRef: PDFRef, p: 1 | 2 | 3): void {
  const { context } = update;
  const reference = context.obj({
    Type: 'SigRef',
    TransformMethod: 'DocMDP',
    TransformParams: { Type: 'TransformParams', P: p, V: PDFName.of('1.2') },
  });
  signature.set(PDFName.of('Reference'), context.obj([reference]));
  update.catalog.set(PDFName.of('Perms'), context.obj({ DocMDP: signatureRef }));
  update.touch(update.catalogRef);
}

/** An invisible signature field whose widget sits on the first page, added to the form. */
function addSignatureField(update: IncrementalUpdate, valueRef: PDFRef, fieldName: string | undefined): void {
  const { context } = update;
  const page = update.firstPage();
  let acroFormValue = update.catalog.get(PDFName.of('AcroForm'));
  let acroForm = lookupDict(context, acroFormValue);
  if (!(acroFormValue instanceof PDFRef)) {
    // Inline or absent form dictionary: make it indirect so later updates touch only it.
    const copy = context.obj({});
    if (acroForm) for (const [key, value] of acroForm.entries()) copy.set(key, value);
    acroFormValue = update.add(copy);
    acroForm = copy;
    update.catalog.set(PDFName.of('AcroForm'), acroFormValue);
    update.touch(update.catalogRef);
  }
  const form = acroForm!;
  const fieldsValue = form.get(PDFName.of('Fields'));
  const fields = lookupDict(context, fieldsValue) ? PDFArray.withContext(context) : ((fieldsValue instanceof PDFRef ? context.lookup(fieldsValue) : fieldsValue) as PDFArray | undefined) ?? PDFArray.withContext(context);
  const flags = form.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0;
  form.set(PDFName.of('SigFlags'), PDFNumber.of(flags | 1 | 2)); // SignaturesExist | AppendOnly
  const appearance = update.add(context.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} }));
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: valueRef,
    T: PDFHexString.fromText(fieldName ?? `Signature${fields.size() + 1}-${createHash('sha1').update(valueRef.toString()).digest('hex').slice(0, 6)}`),
    F: 4 | 128, // Print | Locked
    P: page.ref,
    AP: { N: appearance },
  });
  const widgetRef = update.add(widget);
  if (fieldsValue instanceof PDFRef && fields instanceof PDFArray) {
    fields.push(widgetRef);
    update.touch(fieldsValue);
  } else {
    const copy = PDFArray.withContext(context);
    for (const item of fields.asArray()) copy.push(item);
    copy.push(widgetRef);
    form.set(PDFName.of('Fields'), copy);
  }
  update.touch(acroFormValue as PDFRef);
  const annotsValue = page.page.get(PDFName.of('Annots'));
  const annots = annotsValue instanceof PDFRef ? context.lookup(annotsValue) : annotsValue;
  if (annotsValue instanceof PDFRef && annots instanceof PDFArray) {
    annots.push(widgetRef);
    update.touch(annotsValue);
  } else {
    const copy = PDFArray.withContext(context);
    if (annots instanceof PDFArray) for (const item of annots.asArray()) copy.push(item);
    copy.push(widgetRef);
    page.page.set(PDFName.of('Annots'), copy);
    update.touch(page.ref);
  }
}

/**
 * Writes the update with a /ByteRange placeholder and a zeroed /Contents of `hexLength`
 * digits, fixes /ByteRange to everything but /Contents, and writes what `produce` returns
 * (a CMS, or a timestamp token) into /Contents.
 */
async function fillSignature(
  update: IncrementalUpdate,
  dict: PDFDict,
  hexLength: number,
  produce: (digestOf: (algorithm: DigestName) => Buffer, signedBytes: Uint8Array) => Promise<Buffer>,
): Promise<Buffer> {
  const { context } = update;
  dict.set(PDFName.of('ByteRange'), PDFName.of(BYTE_RANGE_NAME));
  dict.set(PDFName.of('Contents'), PDFHexString.of('0'.repeat(hexLength)));
  const widened = update.toBytes();
  const text = widened.toString('latin1');
  const start = update.original.length;
  const placeholder = `/ByteRange /${BYTE_RANGE_NAME}`;
  const marker = text.indexOf(placeholder, start);
  const contentsAt = text.indexOf(`/Contents <${'0'.repeat(Math.min(64, hexLength))}`, start);
  if (marker < 0 || contentsAt < 0) throw new SignatureError('INVALID_PDF', 'Could not place the signature');
  const from = contentsAt + '/Contents '.length;
  const to = from + hexLength + 2;
  const rangeText = `/ByteRange [${[0, from, to, widened.length - to].join(' ')}]`;
  if (rangeText.length > placeholder.length) throw new SignatureError('SIGNATURE_TOO_LARGE', 'The file is too large to sign');
  widened.write(rangeText.padEnd(placeholder.length), marker, 'latin1');
  const signed = [widened.subarray(0, from), widened.subarray(to)];
  const digestOf = (algorithm: DigestName) => {
    const hash = createHash(algorithm);
    for (const part of signed) hash.update(part);
    return hash.digest();
  };
  const value = await produce(digestOf, Buffer.concat(signed));
  const hex = value.toString('hex');
  if (hex.length > hexLength) throw new SignatureError('SIGNATURE_TOO_LARGE', `The signature (${value.length} bytes) exceeds the space reserved`);
  widened.write(hex, from + 1, 'latin1');
  return widened;
}
