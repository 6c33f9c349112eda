import type { SignatureDictionary } from './pdf-signature-dictionaries';
import type { VerificationFailure } from './types';

/** Outcome of {@link checkByteRange}. */
export interface ByteRangeCheck {
  failures: VerificationFailure[];
  /** The signed ranges `[offset, length]`, when they lie inside the file. */
  ranges?: Array<[number, number]>;
  /** The signature bytes read from the gap (when the gap is a well-formed hex string). */
  contents?: Uint8Array;
  coversWholeFile: boolean;
}

const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const CONTENTS_KEY = Buffer.from('/Contents', 'latin1');
const HEX_DIGIT = /^[0-9A-Fa-f]*$/;

/**
 * Checks the /ByteRange [a b c d] of a signature dictionary against the file bytes:
 * a = 0; the ranges are inside the file and ordered; the gap [b, c) is exactly one hex
 * string `<…>`, preceded by the /Contents key and equal to the dictionary's parsed
 * /Contents; and c + d = file length (else NOT_WHOLE_FILE: something was appended).
 */
export function checkByteRange(pdf: Uint8Array, dict: SignatureDictionary): ByteRangeCheck {
  const invalid = (message: string): ByteRangeCheck => ({
    failures: [{ code: 'BYTE_RANGE_INVALID', message }],
    coversWholeFile: false,
  });
  if (!dict.byteRange) return invalid('/ByteRange is not an array of four non-negative integers');
  const [start, firstLength, secondStart, secondLength] = dict.byteRange;
  if (start !== 0) return invalid('/ByteRange does not start at the beginning of the file');
  if (firstLength < 1 || secondStart < firstLength + 2) return invalid('/ByteRange ranges overlap or leave no room for /Contents');
  const end = secondStart + secondLength;
  if (end > pdf.length) return invalid('/ByteRange extends beyond the end of the file');

  const failures: VerificationFailure[] = [];
  const ranges: Array<[number, number]> = [
    [0, firstLength],
    [secondStart, secondLength],
  ];
  const coversWholeFile = end === pdf.length;
  if (!coversWholeFile) {
    failures.push({
      code: 'NOT_WHOLE_FILE',
      message: `${pdf.length - end} byte(s) after the signed range (data appended or document updated after signing)`,
    });
  }

  const gap = pdf.subarray(firstLength, secondStart);
  const hex = Buffer.from(gap.subarray(1, gap.length - 1)).toString('latin1');
  const gapIsHexString = gap[0] === LESS_THAN && gap[gap.length - 1] === GREATER_THAN && HEX_DIGIT.test(hex) && hex.length % 2 === 0;
  if (!gapIsHexString) {
    failures.push({ code: 'BYTE_RANGE_INVALID', message: 'The unsigned gap of /ByteRange is not exactly a hex string' });
    return { failures, ranges, coversWholeFile };
  }
  const contents = Buffer.from(hex, 'hex');
  if (!precededByContentsKey(pdf, firstLength)) {
    failures.push({ code: 'BYTE_RANGE_INVALID', message: 'The unsigned gap of /ByteRange is not the value of a /Contents key' });
  } else if (!dict.contents || !contents.equals(Buffer.from(dict.contents))) {
    failures.push({ code: 'BYTE_RANGE_INVALID', message: "The unsigned gap of /ByteRange is not this signature dictionary's /Contents" });
  }
  return { failures, ranges, contents, coversWholeFile };
}

function precededByContentsKey(pdf: Uint8Array, gapStart: number): boolean {
  let i = gapStart - 1;
  while (i >= 0 && isWhitespace(pdf[i])) i--;
  const keyStart = i - CONTENTS_KEY.length + 1;
  return keyStart >= 0 && Buffer.from(pdf.subarray(keyStart, i + 1)).equals(CONTENTS_KEY);
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
}
