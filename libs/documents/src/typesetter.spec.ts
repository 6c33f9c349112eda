import PDFDocument from 'pdfkit';
import { Typesetter, type Line } from './typesetter';

const text = (line: Line): string => line.pieces.map((piece) => piece.text).join('');

describe('Typesetter', () => {
  const doc = new PDFDocument({ font: '' });
  const ts = new Typesetter(doc, { left: 50, right: 250, top: 50, bottom: 800 });

  it('breaks between words, never inside one, within the width', () => {
    const content = 'Thủ tục cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ của tổ chức khoa học và công nghệ';
    const lines = ts.lines(content, 11, 200);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(200);
    expect(lines.map(text).join(' ')).toBe(content);
  });

  it('splits a Vietnamese word into per-font pieces but measures it as one word', () => {
    const [line] = ts.lines('Nguyễn', 11, 200);
    expect(line.pieces.map((piece) => [piece.text, piece.subset])).toEqual([
      ['Nguy', 'latin'],
      ['ễ', 'vietnamese'],
      ['n', 'latin'],
    ]);
    expect(line.width).toBeCloseTo(ts.widthOf('Nguyễn', 11), 6);
  });

  it('cuts a word wider than the line between characters', () => {
    const url = `https://example.vn/${'a1b2c3'.repeat(20)}`;
    const lines = ts.lines(`Link: ${url}`, 11, 200, 150);
    expect(lines.map(text).join('')).toBe(`Link:${url}`); // the space before a cut word ends the first line
    expect(lines[0].width).toBeLessThanOrEqual(200);
    for (const line of lines.slice(1)) expect(line.width).toBeLessThanOrEqual(150);
  });

  it('keeps styles apart and honours forced line breaks', () => {
    const lines = ts.lines([{ text: 'Họ tên: ' }, { text: 'Lò Văn Thắng\nPhòng Một cửa', style: 'bold' }], 11, 400);
    expect(lines.map(text)).toEqual(['Họ tên: Lò Văn Thắng', 'Phòng Một cửa']);
    const byStyle = (style: string) => lines[0].pieces.filter((piece) => piece.style === style).map((piece) => piece.text).join('');
    expect(byStyle('regular')).toBe('Họ tên: ');
    expect(byStyle('bold')).toBe('Lò Văn Thắng');
  });

  it('moves to a new page when the next line does not fit', () => {
    const small = new Typesetter(new PDFDocument({ font: '', bufferPages: true }), { left: 50, right: 250, top: 50, bottom: 100 });
    small.block('một hai ba bốn năm sáu bảy tám chín mười '.repeat(6), { size: 11 });
    expect(small.doc.bufferedPageRange().count).toBeGreaterThan(1);
    expect(small.y).toBeLessThanOrEqual(100);
  });
});

describe('Typesetter character handling', () => {
  const ts = new Typesetter(new PDFDocument({ font: '' }), { left: 50, right: 550, top: 50, bottom: 800 });

  it('prints U+FFFD for characters no font covers and spaces for control characters', () => {
    expect(ts.lines('Lê 漢 Văn\u0007Tý 🙂', 11, 400).map(text)).toEqual(['Lê \ufffd Văn Tý \ufffd']);
  });

  it('composes decomposed input', () => {
    expect(ts.lines('Hu\u031Bo\u031Bng'.normalize('NFD'), 11, 400).map(text)).toEqual(['Hương']);
  });
});
