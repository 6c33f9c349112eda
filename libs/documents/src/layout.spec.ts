import { APOLOGY, PROCESSING_REFUSAL, RECEIPT, REFUSAL, SUPPLEMENT_REQUEST } from '../test-support/fixtures';
import { pdfTextBoxes, type TextBox } from '../test-support/pdf-inspect';
import { renderApology, renderProcessingRefusal, renderReceipt, renderRefusal, renderSupplementRequest } from './index';

// A4 and the margins of document.ts, in points; the QR box of paper-parts.ts.
const PAGE = { width: 595.28, height: 841.89 };
const LEFT = 85.04;
const RIGHT = PAGE.width - 42.52;
const QR = { left: LEFT, top: 56.69, size: 85 };
const EPSILON = 0.5;

// The box a line of text occupies: Noto Sans ascends 1.069 em and descends 0.293 em.
const box = (t: TextBox) => ({
  left: t.x,
  right: t.x + t.width,
  top: PAGE.height - t.baseline - 1.069 * t.size,
  bottom: PAGE.height - t.baseline + 0.293 * t.size,
});

function problems(boxes: TextBox[]): string[] {
  const found: string[] = [];
  const visible = boxes.filter((t) => t.text.trim() !== '');
  for (const t of visible) {
    const b = box(t);
    if (b.left < LEFT - EPSILON || b.right > RIGHT + EPSILON) found.push(`outside the side margins: “${t.text}”`);
    if (b.top < 0 || b.bottom > PAGE.height) found.push(`off the page: “${t.text}”`);
    const overQr = t.page === 1 && b.left < QR.left + QR.size && b.top < QR.top + QR.size && b.bottom > QR.top;
    if (overQr) found.push(`over the QR code: “${t.text}”`);
  }
  visible.forEach((a, i) => {
    for (const b of visible.slice(i + 1)) {
      if (a.page !== b.page) continue;
      const [p, q] = [box(a), box(b)];
      const overlap = Math.min(p.right, q.right) - Math.max(p.left, q.left) > EPSILON && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > EPSILON;
      if (overlap) found.push(`“${a.text}” overlaps “${b.text}”`);
    }
  });
  return found;
}

describe('the layout checker', () => {
  it('flags overlaps, margin overflow and text over the QR code', () => {
    const at = (text: string, x: number, baseline: number, width: number): TextBox => ({ page: 1, text, x, baseline, width, size: 11 });
    expect(problems([at('a', 300, 500, 50), at('b', 320, 502, 50), at('c', 540, 400, 30), at('d', 100, 760, 20)])).toEqual([
      'outside the side margins: “c”',
      'over the QR code: “d”',
      '“a” overlaps “b”',
    ]);
  });
});

describe('layout: text stays in the margins, off the QR code, and never overlaps', () => {
  const manyComponents = Array.from({ length: 30 }, (_, i) => ({
    name: `Giấy tờ số ${i + 1}: bản vẽ thiết kế, thuyết minh kỹ thuật và hồ sơ năng lực của đơn vị thực hiện`,
    form: 'copy' as const,
    count: 2,
    digitised: true,
  }));
  it.each([
    ['receipt', () => renderReceipt(RECEIPT)],
    ['receipt over three pages', () => renderReceipt({ ...RECEIPT, components: manyComponents })],
    ['receipt with a very long link and agency name', () =>
      renderReceipt({
        ...RECEIPT,
        publicLookupUrl: `https://dichvucong.laichau.gov.vn/tra-cuu/${'x'.repeat(300)}`,
        issuer: { ...RECEIPT.issuer, agencyName: 'Trung tâm Phục vụ hành chính công tỉnh Lai Châu — Chi nhánh Sở Khoa học và Công nghệ' },
      })],
    ['supplement request', () => renderSupplementRequest(SUPPLEMENT_REQUEST)],
    ['refusal', () => renderRefusal(REFUSAL)],
    ['apology', () => renderApology(APOLOGY)],
    ['refusal in processing', () => renderProcessingRefusal(PROCESSING_REFUSAL)],
  ])('%s', async (_name, render) => {
    expect(problems(await pdfTextBoxes(await render()))).toEqual([]);
  });
});

describe('layout: the signature block never stands alone on a page', () => {
  // Every count from one to two full pages, so some count puts the page break just before the signatures.
  it.each(Array.from({ length: 24 }, (_, i) => i + 1))('receipt with %i components', async (n) => {
    const components = Array.from({ length: n }, (_, i) => ({
      name: `Giấy tờ số ${i + 1}: bản thuyết minh kỹ thuật`,
      form: 'certified_copy' as const,
      count: 1,
      digitised: true,
    }));
    const boxes = await pdfTextBoxes(await renderReceipt({ ...RECEIPT, components }));
    const lastPage = Math.max(...boxes.map((b) => b.page));
    // Glyph runs come out split; compare without spaces.
    const onLast = boxes.filter((b) => b.page === lastPage).map((b) => b.text).join('').normalize('NFC').replace(/\s+/g, '');
    expect(onLast).toContain('NGƯỜITIẾPNHẬNHỒSƠ');
    // The lookup note and the appointment before the signatures go with them.
    expect(onLast).toContain('Tracứutìnhtrạnghồsơ');
    expect(onLast).toContain('Thờigiantrảkếtquả');
  });
});
