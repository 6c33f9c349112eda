import { create } from 'qrcode';
import { encodeGreyPng } from './png';

/**
 * Error correction M (15 %): a printed slip gets folded, stamped and photocopied, and L leaves
 * too little margin for that, while Q/H would push a ~330-byte payload past version 16 and
 * shrink the modules below what a phone reads at 30 mm.
 */
const ERROR_CORRECTION = 'M';

/**
 * Quiet zone of the image, in modules. ISO/IEC 18004 asks for 4; the layout keeps more white
 * around the image (the page margin above and left, a gap right and below).
 */
export const QR_IMAGE_MARGIN = 2;

/** Pixels per module: ≈ 250 dpi at the printed size, whole pixels so modules stay square. */
const SCALE = 4;

const DARK = 0;
const LIGHT = 255;

/**
 * The QR code of `text` as an 8-bit greyscale PNG. The `qrcode` package encodes the symbol;
 * the image is rasterised here because its PNG path (pngjs) spends most of its time on colour
 * conversion and filter search that a black-and-white image does not need. Greyscale without
 * alpha also lets pdfkit embed the PNG data unchanged.
 */
export function qrPng(text: string): Buffer {
  const { modules } = create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  const side = (modules.size + 2 * QR_IMAGE_MARGIN) * SCALE;
  const pixels = new Uint8Array(side * side).fill(LIGHT);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const top = (row + QR_IMAGE_MARGIN) * SCALE;
      const left = (col + QR_IMAGE_MARGIN) * SCALE;
      for (let y = top; y < top + SCALE; y++) pixels.fill(DARK, y * side + left, y * side + left + SCALE);
    }
  }
  return encodeGreyPng(side, side, pixels);
}
