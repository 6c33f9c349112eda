import { checkByteRange } from './pdf-byte-range';
import type { SignatureDictionary } from './pdf-signature-dictionaries';

/**
 * checkByteRange on a synthetic file, one rule at a time:
 * `… /Contents <c0ffee> /Reason <0102> …` with the gap on /Contents.
 */
const HEAD = '%PDF-1.7\n1 0 obj\n<< /Type /Sig /Contents ';
const CONTENTS = '<c0ffee>';
const TAIL = ' /Reason <0102> >>\nendobj\n%%EOF';
const FILE = Buffer.from(HEAD + CONTENTS + TAIL, 'latin1');
const GAP_START = HEAD.length;
const GAP_END = HEAD.length + CONTENTS.length;
const RANGE: [number, number, number, number] = [0, GAP_START, GAP_END, FILE.length - GAP_END];
const dict = (byteRange: SignatureDictionary['byteRange'], contents = Buffer.from('c0ffee', 'hex')): SignatureDictionary => ({
  byteRange,
  contents,
  lockedFields: [],
});
const failureCodes = (pdf: Buffer, d: SignatureDictionary) => checkByteRange(pdf, d).failures.map((f) => f.code);

describe('checkByteRange', () => {
  it('accepts a range whose gap is exactly /Contents and which ends at EOF', () => {
    const check = checkByteRange(FILE, dict(RANGE));
    expect(check.failures).toEqual([]);
    expect(check.coversWholeFile).toBe(true);
    expect(Buffer.from(check.contents!).toString('hex')).toBe('c0ffee');
    expect(check.ranges).toEqual([
      [0, GAP_START],
      [GAP_END, FILE.length - GAP_END],
    ]);
  });

  it('bytes after the second range → NOT_WHOLE_FILE only', () => {
    const check = checkByteRange(Buffer.concat([FILE, Buffer.from('\n')]), dict(RANGE));
    expect(check.failures.map((f) => f.code)).toEqual(['NOT_WHOLE_FILE']);
    expect(check.coversWholeFile).toBe(false);
  });

  it.each<[string, SignatureDictionary['byteRange']]>([
    ['missing or not four integers', undefined],
    ['not starting at 0', [1, GAP_START - 1, GAP_END, FILE.length - GAP_END]],
    ['overlapping ranges', [0, GAP_START, GAP_START, FILE.length - GAP_START]],
    ['beyond the end of the file', [0, GAP_START, GAP_END, FILE.length - GAP_END + 1]],
    ['a gap including the space before <', [0, GAP_START - 1, GAP_END, FILE.length - GAP_END]],
    ['a gap stopping before >', [0, GAP_START, GAP_END - 1, FILE.length - GAP_END + 1]],
  ])('%s → BYTE_RANGE_INVALID', (_label, byteRange) => {
    expect(failureCodes(FILE, dict(byteRange))).toEqual(['BYTE_RANGE_INVALID']);
  });

  it('a gap that is another hex string (/Reason) → BYTE_RANGE_INVALID', () => {
    const reasonStart = FILE.indexOf('<0102>');
    const range: [number, number, number, number] = [0, reasonStart, reasonStart + 6, FILE.length - reasonStart - 6];
    expect(failureCodes(FILE, dict(range, Buffer.from('0102', 'hex')))).toEqual(['BYTE_RANGE_INVALID']);
  });

  it("a gap that differs from the dictionary's parsed /Contents → BYTE_RANGE_INVALID", () => {
    expect(failureCodes(FILE, dict(RANGE, Buffer.from('bad0', 'hex')))).toEqual(['BYTE_RANGE_INVALID']);
  });

  it('a gap with non-hex characters → BYTE_RANGE_INVALID', () => {
    const file = Buffer.from(HEAD + '<c0ffeZ>' + TAIL, 'latin1');
    // Node's lenient hex decoding stops at "Z" and yields c0ff: make that the parsed value,
    // so only the strict hex-string rule can refuse it.
    expect(Buffer.from('c0ffeZ', 'hex')).toEqual(Buffer.from('c0ff', 'hex'));
    expect(failureCodes(file, dict(RANGE, Buffer.from('c0ff', 'hex')))).toEqual(['BYTE_RANGE_INVALID']);
  });
});
