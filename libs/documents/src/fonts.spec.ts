import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { VIETNAMESE_ALPHABET } from '../test-support/fixtures';
import { fontBytes, fontFile, isCovered, subsetFor } from './fonts';

describe('Noto Sans subsets', () => {
  it('resolves every file through the package, not relative to this module', () => {
    for (const subset of ['latin', 'vietnamese', 'latin-ext'] as const) {
      for (const style of ['regular', 'bold', 'italic'] as const) {
        const file = fontFile(subset, style);
        expect(existsSync(file)).toBe(true);
        expect(file).toContain(join('node_modules', '@fontsource', 'noto-sans', 'files') + sep);
        expect(file.endsWith('.woff')).toBe(true);
      }
    }
  });

  it('hands pdfkit plain TrueType, unpacked from the WOFF files', () => {
    expect(fontBytes('vietnamese', 'bold').readUInt32BE(0)).toBe(0x00010000);
    expect(fontBytes('vietnamese', 'bold')).toBe(fontBytes('vietnamese', 'bold')); // cached
  });

  it('covers every character of the Vietnamese alphabet with latin or vietnamese', () => {
    const uncovered = [...VIETNAMESE_ALPHABET.normalize('NFC')].filter((c) => !isCovered(c.codePointAt(0) as number));
    expect(uncovered).toEqual([]);
    const subsets = new Set([...VIETNAMESE_ALPHABET.normalize('NFC')].map((c) => subsetFor(c.codePointAt(0) as number)));
    expect([...subsets].sort()).toEqual(['latin', 'vietnamese']);
  });

  it('draws ASCII and à/â/ê/ô from latin, ă/đ/ơ/ư/ạ/ỹ from vietnamese', () => {
    expect([...'aZ0 àâêô'].map((c) => subsetFor(c.codePointAt(0) as number))).toEqual(Array(8).fill('latin'));
    expect([...'ăđơưạỹĐƯ₫'].map((c) => subsetFor(c.codePointAt(0) as number))).toEqual(Array(9).fill('vietnamese'));
    expect(subsetFor('Ł'.codePointAt(0) as number)).toBe('latin-ext');
    expect(isCovered('漢'.codePointAt(0) as number)).toBe(false);
  });
});
