import { PDFDocument, StandardFonts } from 'pdf-lib';

/** Test-only helpers (not exported from index.ts). Fixtures are generated, never checked in. */

/** A one-page PDF with a line of text, uncompressed so its bytes can be found and changed. */
export async function minimalPdf(text = 'Ket qua giai quyet ho so'): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A copy of `bytes` with the byte at `index` replaced by `value`. */
export function withByte(bytes: Buffer, index: number, value: number): Buffer {
  if (index < 0 || index >= bytes.length) throw new RangeError(`index ${index} outside the buffer`);
  const copy = Buffer.from(bytes);
  copy[index] = value;
  return copy;
}

/** The /ByteRange numbers of the (single) signature of a PDF signed by this library. */
export function byteRangeOf(pdf: Buffer): [number, number, number, number] {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('no /ByteRange');
  return [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])];
}

/** Failure codes of a verdict, sorted, for exact assertions. */
export function codes(verdict: { reasons: Array<{ code: string }> }): string[] {
  return verdict.reasons.map((r) => r.code).sort();
}
