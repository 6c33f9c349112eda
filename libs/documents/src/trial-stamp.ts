import { PDFDocument, PDFFont, rgb } from 'pdf-lib';
import { fontBytes, subsetFor } from './fonts';

/** What a paper signed with a trial (or demo) agency certificate says on every page. */
export const TRIAL_NOTICE = 'BẢN THỬ NGHIỆM — chữ ký số thử nghiệm, không có giá trị pháp lý';

/**
 * Writes `notice` across the top of every page, in red Noto Sans (each character in the subset
 * that has it: no single Noto Sans file covers Vietnamese, see fonts.ts). For results the service
 * signs with a trial certificate: the paper itself must say it is not valid, not only the
 * signature panel of a PDF reader. The document is rewritten, so this comes before signing.
 */
export async function stampNotice(pdf: Uint8Array, notice = TRIAL_NOTICE): Promise<Buffer> {
  // Strict: a damaged file is refused (422 upstream), not silently repaired and then signed.
  const doc = await PDFDocument.load(pdf, { throwOnInvalidObject: true });
  // Loaded here, not at boot: only papers signed with a trial certificate need it (a fifth of a second to load).
  doc.registerFontkit((await import('@pdf-lib/fontkit')).default);
  const fonts = new Map<string, PDFFont>();
  const runs: Array<{ text: string; font: PDFFont }> = [];
  for (const ch of notice) {
    const subset = subsetFor(ch.codePointAt(0)!);
    let font = fonts.get(subset);
    if (!font) {
      font = await doc.embedFont(fontBytes(subset, 'bold'), { subset: true });
      fonts.set(subset, font);
    }
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += ch;
    else runs.push({ text: ch, font });
  }
  const size = 11;
  const width = runs.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
  for (const page of doc.getPages()) {
    const { width: pageWidth, height } = page.getSize();
    let x = Math.max(12, (pageWidth - width) / 2);
    for (const run of runs) {
      page.drawText(run.text, { x, y: height - 20, size, font: run.font, color: rgb(0.8, 0, 0) });
      x += run.font.widthOfTextAtSize(run.text, size);
    }
  }
  // Classic cross-reference table: older readers (and pdf.js 1.x) do not read object streams.
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
