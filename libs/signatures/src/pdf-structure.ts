import { PDFContext, PDFDict, PDFObject, PDFParser, PDFRef } from 'pdf-lib';

/** One definition of an indirect object, and where in the file it ended. */
export interface ObjectVersion {
  object: PDFObject;
  /** Byte offset of its `n g obj` header (of the object stream holding it, for compressed objects). */
  start: number;
  /** Byte offset just after the definition (for objects of an object stream: after that stream). */
  end: number;
}

/** A trailer (classic or cross-reference stream) as it was at some point of the file. */
export interface TrailerVersion {
  end: number;
  root?: PDFRef;
}

/**
 * A parsed PDF with the history of every object across incremental updates, so that the
 * revision a signature covers (the bytes up to the end of its /ByteRange) can be compared
 * with what came after it. One pass of pdf-lib's parser (which reads every object in file
 * order, later definitions replacing earlier ones) with its `assign` observed.
 */
export interface PdfStructure {
  /** The final state of the document (every object at its last definition). */
  context: PDFContext;
  bytes: Uint8Array;
  /** Definitions per object (key `num gen`), in file order. */
  history: Map<string, ObjectVersion[]>;
  trailers: TrailerVersion[];
}

export function refKey(ref: PDFRef): string {
  return `${ref.objectNumber} ${ref.generationNumber}`;
}

/** Parses the bytes. Throws on input pdf-lib cannot read at all. */
export async function parsePdfStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const parser = PDFParser.forBytesWithOptions(bytes, Infinity, false, true);
  const context = (parser as unknown as { context: PDFContext }).context;
  const history = new Map<string, ObjectVersion[]>();
  const trailers: TrailerVersion[] = [];
  // pdf-lib's ByteStream offset; private, but stable across 1.x and the only way to know where an object ended.
  const position = (): number => (parser as unknown as { bytes: { offset(): number } }).bytes.offset();
  let start = 0;
  const internals = parser as unknown as { parseIndirectObject(): Promise<PDFRef>; skipWhitespaceAndComments(): void };
  const parseIndirectObject = internals.parseIndirectObject.bind(parser);
  internals.parseIndirectObject = () => {
    internals.skipWhitespaceAndComments();
    start = position();
    return parseIndirectObject();
  };
  const assign = context.assign.bind(context);
  context.assign = (ref: PDFRef, object: PDFObject) => {
    const key = refKey(ref);
    const versions = history.get(key) ?? [];
    versions.push({ object, start, end: position() });
    history.set(key, versions);
    assign(ref, object);
  };
  let trailerInfo = context.trailerInfo;
  Object.defineProperty(context, 'trailerInfo', {
    get: () => trailerInfo,
    set: (value: PDFContext['trailerInfo']) => {
      trailerInfo = value;
      trailers.push({ end: position(), root: value.Root instanceof PDFRef ? value.Root : undefined });
    },
    configurable: true,
  });
  await parser.parseDocument();
  return { context, bytes, history, trailers };
}

/** The object `ref` as it was in the revision ending at byte `end` (undefined if it did not exist yet). */
export function objectAt(structure: PdfStructure, ref: PDFRef, end: number): PDFObject | undefined {
  const versions = structure.history.get(refKey(ref));
  if (!versions) return undefined;
  let found: PDFObject | undefined;
  for (const version of versions) if (version.end <= end) found = version.object;
  return found;
}

/** The catalog reference of the revision ending at `end` (the last trailer before it, else the final one). */
export function rootAt(structure: PdfStructure, end: number): PDFRef | undefined {
  let root: PDFRef | undefined;
  for (const trailer of structure.trailers) if (trailer.end <= end && trailer.root) root = trailer.root;
  return root ?? finalRoot(structure);
}

export function finalRoot(structure: PdfStructure): PDFRef | undefined {
  const root = structure.context.trailerInfo.Root;
  return root instanceof PDFRef ? root : undefined;
}

/** Objects (re)defined after byte `end`, each with its last definition. */
export function changedAfter(structure: PdfStructure, end: number): Array<{ ref: string; object: PDFObject }> {
  const changed: Array<{ ref: string; object: PDFObject }> = [];
  for (const [ref, versions] of structure.history) {
    const last = versions[versions.length - 1];
    if (last.end > end) changed.push({ ref, object: last.object });
  }
  return changed;
}

/** A dictionary value following references (pdf-lib's lookup, tolerant of a missing object). */
export function lookupDict(context: PDFContext, object: PDFObject | undefined): PDFDict | undefined {
  const resolved = object instanceof PDFRef ? context.lookup(object) : object;
  return resolved instanceof PDFDict ? resolved : undefined;
}

/**
 * Cross-reference entries written after byte `end` (classic tables) that point at an
 * object definition other than the last one of that object: a reader following them would
 * show an older ("shadowed") object that the history of definitions does not reveal.
 */
export function redirectedXrefEntries(structure: PdfStructure, end: number): string[] {
  const tail = Buffer.from(structure.bytes.subarray(end)).toString('latin1');
  const problems: string[] = [];
  const section = /(?<!start)xref\s*[\r\n]+((?:\d+\s+\d+\s*[\r\n]+(?:\d{10}\s\d{5}\s[nf][ \t]*[\r\n]+)*)+)/g;
  for (const match of tail.matchAll(section)) {
    const lines = match[1].split(/[\r\n]+/).map((l) => l.trim()).filter(Boolean);
    let number = 0;
    for (const line of lines) {
      const header = /^(\d+)\s+(\d+)$/.exec(line);
      if (header) {
        number = Number(header[1]);
        continue;
      }
      const entry = /^(\d{10})\s(\d{5})\s([nf])$/.exec(line);
      if (!entry) continue;
      const current = number++;
      if (entry[3] !== 'n') continue;
      const offset = Number(entry[1]);
      const versions = structure.history.get(`${current} ${Number(entry[2])}`);
      // Cross-reference and object streams are not objects pdf-lib keeps: nothing to shadow.
      if (!versions) continue;
      // The definition this section must point at: the last one written before the section.
      // A few bytes of slack: some writers point at the end-of-line before the header.
      const sectionAt = end + (match.index ?? 0);
      const last = versions.filter((v) => v.start < sectionAt).pop();
      if (!last || offset > last.start || last.start - offset > 4) problems.push(`${current} ${Number(entry[2])}`);
    }
  }
  return problems;
}
