/** Test-only entry (`@motcua/documents/testing`): reading back the PDFs we print (text, images, QR codes). */
export { decodeQr, pdfImages, pdfPageCount, pdfText, pdfTextBoxes, type RasterImage, type TextBox } from './pdf-inspect';
