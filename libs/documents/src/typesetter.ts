import { faceKey, fontBytes, isCovered, subsetFor, type FontStyle, type Subset } from './fonts';

/** A stretch of text in one style. */
export interface Span {
  readonly text: string;
  readonly style?: FontStyle;
}

/** Plain text (in the block's default style) or styled spans. `\n` forces a line break. */
export type RichText = string | readonly Span[];

/** Where text may go on every page, in points from the top-left corner. */
export interface Frame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** How a block of text is set. */
export interface BlockOptions {
  /** Font size in points; default 12. */
  readonly size?: number;
  /** Style of plain-string content; default regular. */
  readonly style?: FontStyle;
  readonly align?: 'left' | 'center' | 'right';
  /** Left edge; default the frame's. */
  readonly x?: number;
  /** Width; default up to the frame's right edge. */
  readonly width?: number;
  /** Extra indent of the first line. */
  readonly indent?: number;
  /** Extra indent of the following lines (hanging indent for numbered items). */
  readonly hanging?: number;
  /** Vertical space after the block; default 0. */
  readonly spaceAfter?: number;
  /** Top of the block; default the current position. Blocks placed with `y` never break pages. */
  readonly y?: number;
}

// A piece never mixes faces and is all spaces or no spaces, so each is one pdfkit call.
interface Piece {
  readonly text: string;
  readonly style: FontStyle;
  readonly subset: Subset;
  readonly width: number;
}

/** A set line: its pieces (spaces included) and their total width. */
export interface Line {
  readonly pieces: readonly Piece[];
  readonly width: number;
}

type Item = { kind: 'word' | 'space'; pieces: Piece[]; width: number } | { kind: 'break' };

/**
 * Fontkit's default `ccmp` feature decomposes some precomposed letters of the Vietnamese subset
 * (ị → i + U+0323, ẹ → e + U+0323) into a base glyph plus a mark glyph that maps to no character.
 * pdfkit then writes an empty ToUnicode entry and text extraction yields a stray U+0003.
 * The font has a precomposed glyph for every Vietnamese letter, so composition is not needed.
 */
const FEATURES = { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];

const LINE_HEIGHT = 1.4;

/**
 * Widths already measured, by face, size and text: the same words recur on every paper, and
 * fontkit shapes a string anew on every measurement (most of a paper's rendering time). The faces
 * are the bundled fonts, the same bytes for every document, so a width never changes.
 */
const measured = new Map<string, number>();
const MEASURED_LIMIT = 50_000;

/**
 * Sets text with per-character font fallback over the Noto Sans subsets (see fonts.ts).
 * pdfkit's own wrapper binds one font per call and, with `continued`, may break inside a word
 * at a font change (which happens inside most Vietnamese words, e.g. `Ng|uyễ|n`), so line
 * breaking is done here and pdfkit is used only to place single-line runs.
 */
export class Typesetter {
  /** Current vertical position (top of the next line). */
  y: number;
  private readonly registered = new Set<string>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly frame: Frame,
  ) {
    this.y = frame.top;
  }

  /** Line advance for a font size. */
  lineHeight(size: number): number {
    return size * LINE_HEIGHT;
  }

  /** Width of the frame. */
  get width(): number {
    return this.frame.right - this.frame.left;
  }

  /** Starts a new page and moves to its top. */
  newPage(): void {
    this.doc.addPage();
    this.y = this.frame.top;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.y + height > this.frame.bottom && this.y > this.frame.top) this.newPage();
  }

  /** Sets a block of text and moves below it, breaking pages between lines. Returns its bottom. */
  block(content: RichText, options: BlockOptions = {}): number {
    const size = options.size ?? 12;
    const x = options.x ?? this.frame.left;
    const width = options.width ?? this.frame.right - x;
    const indent = options.indent ?? 0;
    const hanging = options.hanging ?? 0;
    const lines = this.lines(content, size, width - indent, width - hanging, options.style);
    const lineHeight = this.lineHeight(size);
    const fixed = options.y !== undefined;
    let y = options.y ?? this.y;
    lines.forEach((line, i) => {
      if (!fixed && y + lineHeight > this.frame.bottom && y > this.frame.top) {
        this.newPage();
        y = this.y;
      }
      const offset = i === 0 ? indent : hanging;
      this.drawLine(line, x + offset, y, width - offset, size, options.align ?? 'left');
      y += lineHeight;
    });
    y += options.spaceAfter ?? 0;
    if (!fixed) this.y = y;
    return y;
  }

  /** Breaks `content` into lines: the first up to `firstWidth` wide, the rest up to `width`. */
  lines(content: RichText, size: number, firstWidth: number, width = firstWidth, style: FontStyle = 'regular'): Line[] {
    const lines: Line[] = [];
    let current: Piece[] = [];
    let currentWidth = 0;
    let pendingSpace: Piece[] = [];
    let pendingWidth = 0;
    const available = (): number => (lines.length === 0 ? firstWidth : width);
    const flush = (): void => {
      lines.push({ pieces: current, width: currentWidth });
      current = [];
      currentWidth = 0;
      pendingSpace = [];
      pendingWidth = 0;
    };
    for (const item of this.items(content, size, style)) {
      if (item.kind === 'break') {
        flush();
      } else if (item.kind === 'space') {
        // Spaces at the start of a line are dropped, those between words kept until the next word.
        if (current.length > 0) {
          pendingSpace = pendingSpace.concat(item.pieces);
          pendingWidth += item.width;
        }
      } else {
        if (current.length > 0 && currentWidth + pendingWidth + item.width > available()) flush();
        if (current.length === 0 && item.width > available()) {
          // A word wider than the line (a URL, a long code) is cut between characters.
          for (const chunk of this.cut(item.pieces, size, available(), width)) {
            if (current.length > 0) flush();
            current = [...chunk.pieces];
            currentWidth = chunk.width;
          }
        } else {
          current = current.concat(pendingSpace, item.pieces);
          currentWidth += pendingWidth + item.width;
          pendingSpace = [];
          pendingWidth = 0;
        }
      }
    }
    if (current.length > 0 || lines.length === 0) flush();
    return lines;
  }

  /** Height of `content` set at `size` in `width`. */
  heightOf(content: RichText, size: number, width: number, style?: FontStyle): number {
    return this.lines(content, size, width, width, style).length * this.lineHeight(size);
  }

  /** Width of a single line of `content` (no wrapping). */
  widthOf(content: RichText, size: number, style?: FontStyle): number {
    let total = 0;
    for (const item of this.items(content, size, style ?? 'regular')) if (item.kind !== 'break') total += item.width;
    return total;
  }

  /** Draws one line with its left edge at `x`, aligned within `width`; text top at `y`. */
  drawLine(line: Line, x: number, y: number, width: number, size: number, align: 'left' | 'center' | 'right'): void {
    let cursor = x + (align === 'center' ? (width - line.width) / 2 : align === 'right' ? width - line.width : 0);
    // Adjacent pieces in the same face are drawn as one run: fewer operators, cleaner extraction.
    for (const run of mergeRuns(line.pieces)) {
      this.useFace(run.subset, run.style, size);
      this.doc.text(run.text, cursor, y, { lineBreak: false, features: FEATURES });
      cursor += run.width;
    }
  }

  /** Selects a face in this document, registering its bytes on first use. */
  private useFace(subset: Subset, style: FontStyle, size: number): void {
    const key = faceKey(subset, style);
    if (!this.registered.has(key)) {
      this.doc.registerFont(key, fontBytes(subset, style));
      this.registered.add(key);
    }
    this.doc.font(key).fontSize(size);
  }

  private measure(text: string, subset: Subset, style: FontStyle, size: number): number {
    const key = `${faceKey(subset, style)}\u0001${size}\u0001${text}`;
    let width = measured.get(key);
    if (width === undefined) {
      this.useFace(subset, style, size);
      width = this.doc.widthOfString(text, { features: FEATURES });
      if (measured.size >= MEASURED_LIMIT) measured.clear();
      measured.set(key, width);
    }
    return width;
  }

  /** Splits content into words, spaces and forced breaks, each made of single-face pieces. */
  private items(content: RichText, size: number, style: FontStyle): Item[] {
    const spans: readonly Span[] = typeof content === 'string' ? [{ text: content, style }] : content;
    const items: Item[] = [];
    let open: { kind: 'word' | 'space'; pieces: Piece[]; width: number } | undefined;
    for (const span of spans) {
      const spanStyle = span.style ?? style;
      let pieceText = '';
      let pieceSubset: Subset | undefined;
      let pieceKind: 'word' | 'space' | undefined;
      const endPiece = (): void => {
        if (!pieceText || !pieceSubset || !pieceKind) return;
        const piece: Piece = { text: pieceText, style: spanStyle, subset: pieceSubset, width: this.measure(pieceText, pieceSubset, spanStyle, size) };
        if (open && open.kind === pieceKind) {
          open.pieces.push(piece);
          open.width += piece.width;
        } else {
          open = { kind: pieceKind, pieces: [piece], width: piece.width };
          items.push(open);
        }
        pieceText = '';
      };
      for (const char of printable(span.text)) {
        if (char === '\n') {
          endPiece();
          open = undefined;
          items.push({ kind: 'break' });
          continue;
        }
        const kind = char === ' ' ? 'space' : 'word';
        const subset = subsetFor(char.codePointAt(0) as number);
        if (kind !== pieceKind || subset !== pieceSubset) {
          endPiece();
          pieceKind = kind;
          pieceSubset = subset;
        }
        pieceText += char;
      }
      endPiece();
    }
    return items;
  }

  /** Cuts an over-long word into chunks: the first fits `firstLimit`, the others `limit`. */
  private cut(pieces: readonly Piece[], size: number, firstLimit: number, limit: number): Line[] {
    const chunks: Line[] = [];
    let chunk: Piece[] = [];
    let chunkWidth = 0;
    for (const piece of pieces) {
      for (const char of piece.text) {
        const width = this.measure(char, piece.subset, piece.style, size);
        if (chunk.length > 0 && chunkWidth + width > (chunks.length === 0 ? firstLimit : limit)) {
          chunks.push({ pieces: mergeRuns(chunk), width: chunkWidth });
          chunk = [];
          chunkWidth = 0;
        }
        chunk.push({ text: char, style: piece.style, subset: piece.subset, width });
        chunkWidth += width;
      }
    }
    if (chunk.length > 0) chunks.push({ pieces: mergeRuns(chunk), width: chunkWidth });
    return chunks;
  }
}

/**
 * NFC (precomposed letters, which the fonts have; decomposed input would need mark positioning),
 * one kind of line break, control characters as spaces, and U+FFFD "�" for anything no subset
 * covers: a visible mark on the paper for the clerk to correct the data, instead of an invisible
 * .notdef glyph that text extraction would silently drop.
 */
function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[^\n]/gu, (char) => (isCovered(char.codePointAt(0) as number) ? char : '\ufffd'));
}

function mergeRuns(pieces: readonly Piece[]): Piece[] {
  const runs: Piece[] = [];
  for (const piece of pieces) {
    const last = runs[runs.length - 1];
    if (last && last.subset === piece.subset && last.style === piece.style) {
      runs[runs.length - 1] = { ...last, text: last.text + piece.text, width: last.width + piece.width };
    } else {
      runs.push(piece);
    }
  }
  return runs;
}
