import { PDFArray, PDFContext, PDFDict, PDFName, PDFObject, PDFRef } from 'pdf-lib';
import { SignatureError } from './errors';
import { finalRoot, lookupDict, parsePdfStructure, refKey, type PdfStructure } from './pdf-structure';

/**
 * Writes an incremental update (ISO 32000-1 §7.5.6): the original bytes untouched, then
 * the new or changed objects, a cross-reference section for them and a trailer whose
 * /Prev points at the previous one. Earlier signatures stay intact.
 */
export class IncrementalUpdate {
  private readonly staged = new Map<string, { ref: PDFRef; object: PDFObject }>();

  private constructor(
    readonly original: Uint8Array,
    readonly structure: PdfStructure,
  ) {}

  /** @throws {SignatureError} `INVALID_PDF` for unreadable or encrypted files. */
  static async open(pdf: Uint8Array): Promise<IncrementalUpdate> {
    let structure: PdfStructure;
    try {
      structure = await parsePdfStructure(pdf);
    } catch (error) {
      throw new SignatureError('INVALID_PDF', 'Not a readable PDF', { cause: error });
    }
    if (structure.context.trailerInfo.Encrypt) throw new SignatureError('INVALID_PDF', 'Encrypted PDFs cannot be signed');
    if (!finalRoot(structure)) throw new SignatureError('INVALID_PDF', 'The PDF has no catalog');
    // pdf-lib does not keep cross-reference and object streams as objects, so its largest
    // object number can be below theirs: new objects must not reuse those numbers.
    structure.context.largestObjectNumber = Math.max(structure.context.largestObjectNumber, highestObjectNumber(pdf));
    return new IncrementalUpdate(pdf, structure);
  }

  get context(): PDFContext {
    return this.structure.context;
  }

  get catalogRef(): PDFRef {
    return finalRoot(this.structure)!;
  }

  get catalog(): PDFDict {
    const catalog = lookupDict(this.context, this.catalogRef);
    if (!catalog) throw new SignatureError('INVALID_PDF', 'The PDF catalog is not a dictionary');
    return catalog;
  }

  /** Adds a new indirect object to the update. */
  add(object: PDFObject): PDFRef {
    const ref = this.context.register(object);
    this.staged.set(refKey(ref), { ref, object });
    return ref;
  }

  /** Marks an existing object (changed in place) as part of the update. */
  touch(ref: PDFRef): void {
    const object = this.context.lookup(ref);
    if (!object) throw new SignatureError('INVALID_PDF', `Object ${refKey(ref)} does not exist`);
    this.staged.set(refKey(ref), { ref, object });
  }

  /** The first page (ref and dictionary). */
  firstPage(): { ref: PDFRef; page: PDFDict } {
    let node: PDFObject | undefined = this.catalog.get(PDFName.of('Pages'));
    for (let depth = 0; depth < 64; depth++) {
      const dict = lookupDict(this.context, node);
      if (!dict) break;
      const kids = dict.lookup(PDFName.of('Kids'));
      if (!(kids instanceof PDFArray)) {
        if (node instanceof PDFRef) return { ref: node, page: dict };
        break;
      }
      if (kids.size() === 0) break;
      node = kids.get(0);
    }
    throw new SignatureError('INVALID_PDF', 'The PDF has no page');
  }

  /** The original bytes followed by the update. */
  toBytes(): Buffer {
    const parts: Buffer[] = [Buffer.from(this.original.buffer, this.original.byteOffset, this.original.byteLength)];
    let offset = this.original.length;
    const last = this.original[this.original.length - 1];
    if (last !== 0x0a && last !== 0x0d) {
      parts.push(Buffer.from('\n'));
      offset += 1;
    }
    const entries: Array<{ num: number; gen: number; offset: number }> = [];
    const objects = [...this.staged.values()].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
    for (const { ref, object } of objects) {
      entries.push({ num: ref.objectNumber, gen: ref.generationNumber, offset });
      const body = Buffer.alloc(object.sizeInBytes());
      object.copyBytesInto(body, 0);
      const chunk = Buffer.concat([Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`), body, Buffer.from('\nendobj\n')]);
      parts.push(chunk);
      offset += chunk.length;
    }
    const xrefOffset = offset;
    const lines = ['xref'];
    for (let i = 0; i < entries.length; ) {
      let j = i;
      while (j + 1 < entries.length && entries[j + 1].num === entries[j].num + 1) j++;
      lines.push(`${entries[i].num} ${j - i + 1}`);
      for (let k = i; k <= j; k++) lines.push(`${String(entries[k].offset).padStart(10, '0')} ${String(entries[k].gen).padStart(5, '0')} n\r`);
      i = j + 1;
    }
    const info = this.context.trailerInfo;
    const trailer = this.context.obj({ Size: this.context.largestObjectNumber + 1, Root: this.catalogRef, Prev: previousStartXref(this.original) });
    if (info.Info) trailer.set(PDFName.of('Info'), info.Info as PDFObject);
    if (info.ID) trailer.set(PDFName.of('ID'), info.ID as PDFObject);
    parts.push(Buffer.from(`${lines.join('\n')}\ntrailer\n${trailer.toString()}\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(parts);
  }
}

/** The highest object number the file uses: every `n g obj` header and every trailer /Size − 1. */
function highestObjectNumber(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // Binary stream data can look like either: numbers past the PDF limit (ISO 32000-1 Annex C) are noise.
  const LIMIT = 8_388_607;
  let highest = 0;
  const note = (n: number) => (n <= LIMIT ? (highest = Math.max(highest, n)) : highest);
  for (const match of text.matchAll(/(?:^|[\r\n\s])(\d{1,10})\s+\d{1,5}\s+obj\b/g)) note(Number(match[1]));
  for (const match of text.matchAll(/\/Size\s+(\d{1,10})/g)) note(Number(match[1]) - 1);
  return highest;
}

function previousStartXref(bytes: Uint8Array): number {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  const match = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(tail) ?? /startxref\s+(\d+)/.exec(tail);
  if (!match) throw new SignatureError('INVALID_PDF', 'The PDF has no startxref: cannot append an update');
  return Number(match[1]);
}
