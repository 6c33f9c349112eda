/**
 * Test helpers that read the produced PDFs back: text (pdf-parse) and embedded images
 * (a minimal parser for the image XObjects pdfkit writes), and QR decoding (jsQR).
 * Test-only: depends on devDependencies.
 */
import jsQR from 'jsqr';
import { inflateSync } from 'node:zlib';

// The package entry point runs a self-test reading ./test/data/… when `module.parent` is unset
// (as under some loaders), so the implementation file is loaded directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as typeof import('pdf-parse');

/** All text of the PDF as pdf-parse extracts it (items on one baseline joined, lines by `\n`). */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfParse(pdf)).text;
}

/** Number of pages. */
export async function pdfPageCount(pdf: Buffer): Promise<number> {
  return (await pdfParse(pdf)).numpages;
}

/** A text item as placed on a page, in points from the bottom-left corner (PDF space). */
export interface TextBox {
  readonly page: number;
  readonly text: string;
  readonly x: number;
  readonly baseline: number;
  readonly width: number;
  readonly size: number;
}

/** Every text item with its position, as pdf.js (inside pdf-parse) reports it. */
export async function pdfTextBoxes(pdf: Buffer): Promise<TextBox[]> {
  const boxes: TextBox[] = [];
  let page = 0;
  interface Item {
    str: string;
    transform: number[];
    width: number;
  }
  await pdfParse(pdf, {
    pagerender: async (pageData: { getTextContent(): Promise<{ items: Item[] }> }) => {
      const current = ++page;
      for (const item of (await pageData.getTextContent()).items) {
        const [, , c, d, x, baseline] = item.transform;
        boxes.push({ page: current, text: item.str, x, baseline, width: item.width, size: Math.hypot(c, d) });
      }
      return '';
    },
  });
  return boxes;
}

/** A decoded greyscale or RGB image. */
export interface RasterImage {
  readonly width: number;
  readonly height: number;
  readonly colors: number;
  readonly pixels: Buffer;
}

/** The image XObjects of the PDF, decoded (FlateDecode, optional PNG predictors, 8 bits). */
export function pdfImages(pdf: Buffer): RasterImage[] {
  const text = pdf.toString('latin1');
  const images: RasterImage[] = [];
  for (const match of text.matchAll(/\/Subtype \/Image/g)) {
    const dictStart = text.lastIndexOf('obj', match.index) + 3;
    const streamStart = text.indexOf('stream\n', match.index) + 'stream\n'.length;
    let dict = text.slice(dictStart, streamStart);
    // pdfkit writes DecodeParms as a separate object: inline it so the keys below find it.
    const parmsRef = /\/DecodeParms (\d+) 0 R/.exec(dict);
    if (parmsRef) {
      const objStart = text.indexOf(`\n${parmsRef[1]} 0 obj`);
      dict += text.slice(objStart, text.indexOf('endobj', objStart));
    }
    const num = (key: string): number | undefined => {
      const found = new RegExp(`/${key} (\\d+)`).exec(dict);
      return found ? Number(found[1]) : undefined;
    };
    const width = num('Width');
    const height = num('Height');
    if (!width || !height || num('BitsPerComponent') !== 8 || !dict.includes('/FlateDecode')) {
      throw new Error(`unsupported image: ${dict}`);
    }
    const colors = dict.includes('/DeviceGray') ? 1 : 3;
    const streamEnd = text.indexOf('\nendstream', streamStart);
    let data: Buffer = inflateSync(pdf.subarray(streamStart, streamEnd));
    if ((num('Predictor') ?? 1) >= 10) data = unpredictPng(data, width * colors, colors);
    images.push({ width, height, colors, pixels: data });
  }
  return images;
}

// Undoes the PNG row filters (None, Sub, Up, Average, Paeth) of a FlateDecode /Predictor ≥ 10 stream.
function unpredictPng(data: Buffer, rowBytes: number, bytesPerPixel: number): Buffer {
  const rows = data.length / (rowBytes + 1);
  const out = Buffer.alloc(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    const filter = data[r * (rowBytes + 1)];
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const left = i >= bytesPerPixel ? out[dst + i - bytesPerPixel] : 0;
      const up = r > 0 ? out[dst - rowBytes + i] : 0;
      const upLeft = r > 0 && i >= bytesPerPixel ? out[dst - rowBytes + i - bytesPerPixel] : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      out[dst + i] = (data[src + i] + predicted) & 0xff;
    }
  }
  return out;
}

/** Decodes a QR code from an image; null when none is found. */
export function decodeQr(image: RasterImage): string | null {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let p = 0; p < image.width * image.height; p++) {
    for (let c = 0; c < 3; c++) rgba[p * 4 + c] = image.pixels[p * image.colors + (image.colors === 1 ? 0 : c)];
    rgba[p * 4 + 3] = 255;
  }
  return jsQR(rgba, image.width, image.height)?.data ?? null;
}
