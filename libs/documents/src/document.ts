import PDFDocument from 'pdfkit';
import { Typesetter, type Frame } from './typesetter';

const MM = 72 / 25.4;
const A4 = { width: 595.28, height: 841.89 };

/**
 * Page margins of ND 30/2020/NĐ-CP Appendix I for administrative documents (top/bottom
 * 20–25 mm, left 30–35 mm, right 15–20 mm), at their smallest so a slip stays on one page.
 */
export const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };

/** Document metadata written to the PDF Info dictionary. */
export interface PaperMeta {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly creationDate: Date;
  /** Printed in the footer next to the page number when the paper runs over one page. */
  readonly footerLabel: string;
}

/** The metadata every paper of `form` about `data` carries. */
export function paperMeta(form: { paperName: string }, data: { dossierCode: string; issuer: { agencyName: string }; procedure: { name: string }; issuedAt: Date }, creationDate?: Date): PaperMeta {
  return {
    title: `${form.paperName} — ${data.dossierCode}`,
    author: data.issuer.agencyName,
    subject: data.procedure.name,
    creationDate: creationDate ?? data.issuedAt,
    footerLabel: `${form.paperName} — Mã hồ sơ ${data.dossierCode}`,
  };
}

/**
 * Creates an A4 document, lets `draw` fill it, numbers the pages if there is more than one, and
 * resolves with the PDF bytes. `draw` is synchronous and all input is validated before, so a
 * paper is either drawn whole or not at all.
 */
export function renderPaper(meta: PaperMeta, draw: (ts: Typesetter) => void, page: { landscape?: boolean } = {}): Promise<Buffer> {
  const size = page.landscape ? { width: A4.height, height: A4.width } : A4;
  const doc = new PDFDocument({
    size: [size.width, size.height],
    margins: MARGINS,
    // Pages are kept in memory until the end so page numbers ("Trang 1/2") can be added.
    bufferPages: true,
    // No default font: pdfkit would otherwise load and reference Helvetica, which cannot show Vietnamese.
    font: '',
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Creator: 'motcua',
      Producer: 'motcua (pdfkit)',
      CreationDate: meta.creationDate,
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const frame: Frame = {
    left: MARGINS.left,
    right: size.width - MARGINS.right,
    top: MARGINS.top,
    bottom: size.height - MARGINS.bottom,
  };
  const ts = new Typesetter(doc, frame);
  draw(ts);
  numberPages(ts, meta.footerLabel);
  doc.end();
  return done;
}

function numberPages(ts: Typesetter, label: string): void {
  const { start, count } = ts.doc.bufferedPageRange();
  if (count < 2) return;
  for (let i = 0; i < count; i++) {
    ts.doc.switchToPage(start + i);
    ts.block(`${label} — Trang ${i + 1}/${count}`, {
      y: ts.frame.bottom + 10,
      size: 8,
      style: 'italic',
      align: 'center',
    });
  }
}
