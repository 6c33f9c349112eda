import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';

/** The /ByteRange placeholder name @signpdf/signpdf looks for and replaces. */
export const BYTE_RANGE_PLACEHOLDER = '**********';

/**
 * Adds an invisible signature field to the first page whose signature dictionary has a
 * /ByteRange placeholder and a zero-filled /Contents of `contentsHexLength` hex digits,
 * ready for `SignPdf.sign` of @signpdf/signpdf.
 *
 * Replaces `pdflibAddPlaceholder` of @signpdf/placeholder-pdf-lib, which writes /Reason,
 * /Name and /Location with `PDFString.of` — pdf-lib then keeps only the low byte of each
 * UTF-16 code unit, so "Số hoá" becomes garbage. Here text goes in UTF-16BE hex strings.
 */
export function addSignaturePlaceholder(
  doc: PDFDocument,
  input: { reason: string; location?: string; name?: string; signingTime: Date; contentsHexLength: number },
): void {
  const { context } = doc;
  const page = doc.getPages()[0];
  const byteRange = PDFArray.withContext(context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(BYTE_RANGE_PLACEHOLDER));

  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'adbe.pkcs7.detached',
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(input.contentsHexLength)),
    Reason: PDFHexString.fromText(input.reason),
    M: PDFString.fromDate(input.signingTime),
    Prop_Build: { App: { Name: 'motcua' } },
  });
  if (input.name) signature.set(PDFName.of('Name'), PDFHexString.fromText(input.name));
  if (input.location) signature.set(PDFName.of('Location'), PDFHexString.fromText(input.location));
  const signatureRef = context.register(signature);

  const acroForm = acroFormOf(doc);
  const fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray) ?? PDFArray.withContext(context);
  acroForm.set(PDFName.of('Fields'), fields);
  const flags = acroForm.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0;
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(flags | 1 | 2)); // SignaturesExist | AppendOnly

  const appearance = context.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} });
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: signatureRef,
    T: PDFHexString.fromText(`Signature${fields.size() + 1}`),
    F: 4, // Print
    P: page.ref,
    AP: { N: context.register(appearance) },
  });
  const widgetRef = context.register(widget);
  fields.push(widgetRef);
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? PDFArray.withContext(context);
  annots.push(widgetRef);
  page.node.set(PDFName.of('Annots'), annots);
}

function acroFormOf(doc: PDFDocument): PDFDict {
  const existing = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (existing) return existing;
  const acroForm = doc.context.obj({});
  doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(acroForm));
  return acroForm;
}
