import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObject, PDFString, ParseSpeeds } from 'pdf-lib';

/** A signature dictionary (/Type /Sig or /DocTimeStamp) as parsed from the PDF objects. */
export interface SignatureDictionary {
  /** /ByteRange when it is an array of four non-negative integers; undefined otherwise. */
  byteRange?: [number, number, number, number];
  /** Decoded /Contents when it is a string. */
  contents?: Uint8Array;
  subFilter?: string;
  reason?: string;
  location?: string;
  name?: string;
}

const KEY = {
  byteRange: PDFName.of('ByteRange'),
  contents: PDFName.of('Contents'),
  subFilter: PDFName.of('SubFilter'),
  reason: PDFName.of('Reason'),
  location: PDFName.of('Location'),
  name: PDFName.of('Name'),
};
const MAX_DEPTH = 6;

/**
 * Loads a PDF with pdf-lib for inspection. pdf-lib parses every object of the file in order
 * (later definitions of an object replace earlier ones, as incremental updates intend),
 * including object streams. Throws on unreadable input.
 */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, {
    ignoreEncryption: true, // /Contents of signatures are never encrypted
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
}

/**
 * Every dictionary holding both /ByteRange and /Contents, found by walking all indirect
 * objects (and dictionaries nested in them, e.g. a field's inline /V).
 */
export function collectSignatureDictionaries(doc: PDFDocument): SignatureDictionary[] {
  const found: SignatureDictionary[] = [];
  const visit = (object: PDFObject | undefined, depth: number): void => {
    if (!object || depth > MAX_DEPTH) return;
    if (object instanceof PDFDict) {
      if (object.has(KEY.byteRange) && object.has(KEY.contents)) found.push(describe(object));
      for (const [, value] of object.entries()) visit(value, depth + 1);
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) visit(object.get(i), depth + 1);
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object, 0);
  return found;
}

function describe(dict: PDFDict): SignatureDictionary {
  const result: SignatureDictionary = {};
  const range = dict.lookup(KEY.byteRange);
  if (range instanceof PDFArray && range.size() === 4) {
    const numbers = range.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : NaN));
    if (numbers.every((n) => Number.isSafeInteger(n) && n >= 0)) result.byteRange = numbers as [number, number, number, number];
  }
  const contents = dict.lookup(KEY.contents);
  if (contents instanceof PDFHexString || contents instanceof PDFString) result.contents = contents.asBytes();
  const subFilter = dict.lookup(KEY.subFilter);
  if (subFilter instanceof PDFName) result.subFilter = subFilter.decodeText();
  result.reason = text(dict.lookup(KEY.reason));
  result.location = text(dict.lookup(KEY.location));
  result.name = text(dict.lookup(KEY.name));
  return result;
}

function text(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFHexString || object instanceof PDFString ? object.decodeText() : undefined;
}
