import { inflateSync } from 'node:zlib';
import { encodeGreyPng } from './png';

describe('encodeGreyPng', () => {
  it('writes signature, IHDR, IDAT and a standard IEND chunk', () => {
    const png = encodeGreyPng(3, 2, Uint8Array.from([0, 255, 0, 255, 0, 255]));
    expect(png.subarray(0, 8)).toEqual(Buffer.from('89504e470d0a1a0a', 'hex'));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([3, 2, 8, 0]);
    // IEND is always the same 12 bytes, its CRC included.
    expect(png.subarray(-12)).toEqual(Buffer.from('0000000049454e44ae426082', 'hex'));
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    expect(inflateSync(png.subarray(41, 41 + idatLength))).toEqual(Buffer.from([0, 0, 255, 0, 0, 255, 0, 255]));
  });

  it('refuses a pixel buffer of the wrong size', () => {
    expect(() => encodeGreyPng(2, 2, new Uint8Array(3))).toThrow(RangeError);
  });
});
