import { readFileSync } from 'node:fs';
import { fontFile } from './fonts';
import { woffToSfnt } from './woff';

// OpenType table checksum: the sum of the table's big-endian uint32 words, zero-padded.
function checksum(table: Buffer): number {
  const padded = Buffer.concat([table, Buffer.alloc((4 - (table.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

describe('woffToSfnt', () => {
  it.each(['latin', 'vietnamese'] as const)('unpacks %s into tables that match their recorded checksums', (subset) => {
    const woff = readFileSync(fontFile(subset, 'regular'));
    const sfnt = woffToSfnt(woff);
    const numTables = sfnt.readUInt16BE(4);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // flavour kept
    expect(numTables).toBe(woff.readUInt16BE(12));
    expect(sfnt.length).toBe(woff.readUInt32BE(16)); // WOFF header's totalSfntSize
    const tags: string[] = [];
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      const tag = sfnt.subarray(at, at + 4).toString('latin1');
      tags.push(tag);
      const table = sfnt.subarray(sfnt.readUInt32BE(at + 8), sfnt.readUInt32BE(at + 8) + sfnt.readUInt32BE(at + 12));
      // `head` holds checkSumAdjustment, which its recorded checksum excludes.
      if (tag !== 'head') expect({ tag, sum: checksum(table) }).toEqual({ tag, sum: sfnt.readUInt32BE(at + 4) });
    }
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'loca']));
  });

  it('rejects anything else', () => {
    expect(() => woffToSfnt(Buffer.from('not a font at all, not a font at all, not a font'))).toThrow('not a WOFF 1.0 file');
  });
});
