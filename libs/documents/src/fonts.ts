import { readFileSync } from 'node:fs';
// The subset → code-point ranges table shipped with the font package, so the choice of face
// for a character follows the files actually installed instead of a copy that could drift.
import unicodeRanges from '@fontsource/noto-sans/unicode.json';
import { woffToSfnt } from './woff';

/** Typographic style of a run of text. */
export type FontStyle = 'regular' | 'bold' | 'italic';

/**
 * Fontsource ships Noto Sans only as Unicode-range subsets: no single file covers Vietnamese.
 * `latin` has ASCII and à á â ã è é ê ì í ò ó ô õ ù ú ý; `vietnamese` has ă đ ĩ ũ ơ ư and
 * U+1EA0–1EF9 (ạ ả ấ … ỹ) but no ASCII. Each character is therefore drawn with the first
 * subset that covers it, in this order; `latin-ext` is a last resort for foreign names.
 */
const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;
type Subset = (typeof SUBSETS)[number];

const WEIGHT: Record<FontStyle, string> = { regular: '400-normal', bold: '700-normal', italic: '400-italic' };

/**
 * Absolute path of a Noto Sans file. Resolved through the package (not a path relative to this
 * file) so it works from `libs/documents/src` and from `dist/libs/documents/src` alike.
 * WOFF, not WOFF2: fontkit 2.0.4 reads WOFF2 but its subsetter crashes re-encoding composite
 * glyphs from it ("Offset is outside the bounds of the DataView"), and WOFF unpacks to plain
 * TrueType with zlib alone (woff.ts), while WOFF2 would need Brotli and a glyf/loca rebuild.
 */
export function fontFile(subset: Subset, style: FontStyle): string {
  return require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${WEIGHT[style]}.woff`);
}

type Range = readonly [number, number];

function parseRanges(spec: string): Range[] {
  return spec.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from, 16), parseInt(to, 16)] as const;
  });
}

const COVERAGE: ReadonlyArray<readonly [Subset, Range[]]> = SUBSETS.map((subset) => {
  const spec = (unicodeRanges as Record<string, string>)[subset];
  if (!spec) throw new Error(`@fontsource/noto-sans has no "${subset}" subset`);
  return [subset, parseRanges(spec)] as const;
});

/** The subset that draws `codePoint`; `latin` when none covers it (the typesetter prints U+FFFD for those). */
export function subsetFor(codePoint: number): Subset {
  for (const [subset, ranges] of COVERAGE) {
    if (ranges.some(([from, to]) => codePoint >= from && codePoint <= to)) return subset;
  }
  return 'latin';
}

/** Whether one of the subsets has a glyph for `codePoint`. */
export function isCovered(codePoint: number): boolean {
  return COVERAGE.some(([, ranges]) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to));
}

/** The pdfkit font key of a subset in a style, e.g. `noto-vietnamese-bold`. */
export function faceKey(subset: Subset, style: FontStyle): string {
  return `noto-${subset}-${style}`;
}

// Fonts are read and unpacked once per process (≈ 1 MB for all nine faces, fewer in practice):
// doing it for every paper would dominate the render time.
const cache = new Map<string, Buffer>();

/** The face as a plain TrueType font (unpacked from its WOFF file), read on first use. */
export function fontBytes(subset: Subset, style: FontStyle): Buffer {
  const key = faceKey(subset, style);
  let bytes = cache.get(key);
  if (!bytes) {
    bytes = woffToSfnt(readFileSync(fontFile(subset, style)));
    cache.set(key, bytes);
  }
  return bytes;
}

export type { Subset };
