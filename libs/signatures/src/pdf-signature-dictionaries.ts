import { decodePDFRawStream, PDFArray, PDFContext, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObject, PDFRawStream, PDFRef, PDFString, ParseSpeeds } from 'pdf-lib';
import type { RevocationMaterial } from './revocation-data';

/** A signature dictionary (/Type /Sig or /DocTimeStamp) as parsed from the PDF objects. */
export interface SignatureDictionary {
  /** /ByteRange when it is an array of four non-negative integers; undefined otherwise. */
  byteRange?: [number, number, number, number];
  /** Decoded /Contents when it is a string. */
  contents?: Uint8Array;
  subFilter?: string;
  type?: string;
  reason?: string;
  location?: string;
  name?: string;
  /** /M, the signing time written in the dictionary (a claim). */
  m?: Date;
  /** DocMDP P of a certification signature (/Reference with /TransformMethod /DocMDP). */
  docMdp?: 1 | 2 | 3;
  /** Fields locked by a FieldMDP transform (`*` = all). */
  lockedFields: string[];
  /** `num gen` of the indirect dictionary, when it is one. */
  ref?: string;
}

const KEY = {
  byteRange: PDFName.of('ByteRange'),
  contents: PDFName.of('Contents'),
  subFilter: PDFName.of('SubFilter'),
  reason: PDFName.of('Reason'),
  location: PDFName.of('Location'),
  name: PDFName.of('Name'),
  type: PDFName.of('Type'),
  m: PDFName.of('M'),
  reference: PDFName.of('Reference'),
  transformMethod: PDFName.of('TransformMethod'),
  transformParams: PDFName.of('TransformParams'),
  p: PDFName.of('P'),
  action: PDFName.of('Action'),
  fields: PDFName.of('Fields'),
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
export function collectSignatureDictionaries(doc: PDFDocument | PDFContext): SignatureDictionary[] {
  const context = doc instanceof PDFDocument ? doc.context : doc;
  const found: SignatureDictionary[] = [];
  const seen = new Set<PDFDict>();
  const visit = (object: PDFObject | undefined, depth: number, ref?: PDFRef): void => {
    if (!object || depth > MAX_DEPTH) return;
    if (object instanceof PDFDict) {
      if (object.has(KEY.byteRange) && object.has(KEY.contents) && !seen.has(object)) {
        seen.add(object);
        found.push(describe(object, context, ref));
      }
      for (const [, value] of object.entries()) visit(value, depth + 1);
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) visit(object.get(i), depth + 1);
    }
  };
  for (const [ref, object] of context.enumerateIndirectObjects()) visit(object, 0, ref);
  return found;
}

function describe(dict: PDFDict, context: PDFContext, ref?: PDFRef): SignatureDictionary {
  const result: SignatureDictionary = { lockedFields: [], ref: ref ? `${ref.objectNumber} ${ref.generationNumber}` : undefined };
  const range = dict.lookup(KEY.byteRange);
  if (range instanceof PDFArray && range.size() === 4) {
    const numbers = range.asArray().map((item) => {
      const resolved = item instanceof PDFRef ? context.lookup(item) : item;
      return resolved instanceof PDFNumber ? resolved.asNumber() : NaN;
    });
    if (numbers.every((n) => Number.isSafeInteger(n) && n >= 0)) result.byteRange = numbers as [number, number, number, number];
  }
  const contents = dict.lookup(KEY.contents);
  if (contents instanceof PDFHexString || contents instanceof PDFString) result.contents = contents.asBytes();
  const subFilter = dict.lookup(KEY.subFilter);
  if (subFilter instanceof PDFName) result.subFilter = subFilter.decodeText();
  const type = dict.lookup(KEY.type);
  if (type instanceof PDFName) result.type = type.decodeText();
  result.reason = text(dict.lookup(KEY.reason));
  result.location = text(dict.lookup(KEY.location));
  result.name = text(dict.lookup(KEY.name));
  const m = dict.lookup(KEY.m);
  if (m instanceof PDFString || m instanceof PDFHexString) {
    try {
      const date = m.decodeDate();
      if (!Number.isNaN(date.getTime())) result.m = date;
    } catch {
      // an unreadable /M is no claim
    }
  }
  const references = dict.lookup(KEY.reference);
  if (references instanceof PDFArray) {
    for (const item of references.asArray()) {
      const reference = item instanceof PDFRef ? context.lookup(item) : item;
      if (!(reference instanceof PDFDict)) continue;
      const method = reference.lookup(KEY.transformMethod);
      const params = reference.lookup(KEY.transformParams);
      const paramsDict = params instanceof PDFDict ? params : undefined;
      if (method === PDFName.of('DocMDP')) {
        const p = paramsDict?.lookup(KEY.p);
        const value = p instanceof PDFNumber ? p.asNumber() : 2; // ISO 32000-1 Table 254: default 2
        result.docMdp = value === 1 || value === 3 ? value : 2;
      } else if (method === PDFName.of('FieldMDP')) {
        const action = paramsDict?.lookup(KEY.action);
        const fields = paramsDict?.lookup(KEY.fields);
        if (action === PDFName.of('Include') && fields instanceof PDFArray) {
          result.lockedFields.push(...fields.asArray().map((f) => text(f instanceof PDFRef ? context.lookup(f) : f)).filter((f): f is string => !!f));
        } else {
          // /All, and /Exclude conservatively (every field but some: treated as all).
          result.lockedFields.push('*');
        }
      }
    }
  }
  return result;
}

function text(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFHexString || object instanceof PDFString ? object.decodeText() : undefined;
}

/**
 * Validation material of the Document Security Store (ETSI EN 319 142-1 §5.4.2: catalog
 * /DSS with /Certs, /CRLs, /OCSPs, and the same per signature in /VRI).
 */
export function dssMaterial(context: PDFContext, root: PDFRef | undefined): RevocationMaterial {
  const material: RevocationMaterial = { crls: [], ocsps: [], certs: [] };
  const catalog = root ? context.lookup(root) : undefined;
  const dss = catalog instanceof PDFDict ? catalog.lookup(PDFName.of('DSS')) : undefined;
  if (!(dss instanceof PDFDict)) return material;
  const collect = (dict: PDFDict, key: string, into: Uint8Array[]) => {
    const array = dict.lookup(PDFName.of(key));
    if (!(array instanceof PDFArray)) return;
    for (const item of array.asArray().slice(0, 1000)) {
      const stream = item instanceof PDFRef ? context.lookup(item) : item;
      if (!(stream instanceof PDFRawStream)) continue;
      try {
        into.push(decodePDFRawStream(stream).decode());
      } catch {
        // an undecodable stream is no evidence
      }
    }
  };
  const sources: PDFDict[] = [dss];
  const vri = dss.lookup(PDFName.of('VRI'));
  if (vri instanceof PDFDict) for (const [, value] of vri.entries().slice(0, 1000)) {
    const entry = value instanceof PDFRef ? context.lookup(value) : value;
    if (entry instanceof PDFDict) sources.push(entry);
  }
  for (const dict of sources) {
    collect(dict, 'Certs', material.certs);
    collect(dict, dict === dss ? 'CRLs' : 'CRL', material.crls);
    collect(dict, dict === dss ? 'OCSPs' : 'OCSP', material.ocsps);
  }
  return material;
}

/** Field names by signature dictionary (`num gen`), from the AcroForm field tree. */
export function signatureFieldNames(context: PDFContext, root: PDFRef | undefined): Map<string, string> {
  const names = new Map<string, string>();
  const catalog = root ? context.lookup(root) : undefined;
  const form = catalog instanceof PDFDict ? catalog.lookup(PDFName.of('AcroForm')) : undefined;
  const fields = form instanceof PDFDict ? form.lookup(PDFName.of('Fields')) : undefined;
  let budget = 10_000;
  const walk = (value: PDFObject, parent: string) => {
    if (budget-- <= 0) return;
    const field = value instanceof PDFRef ? context.lookup(value) : value;
    if (!(field instanceof PDFDict)) return;
    const name = [parent, text(field.lookup(PDFName.of('T')))].filter(Boolean).join('.');
    const v = field.get(PDFName.of('V'));
    if (v instanceof PDFRef) names.set(`${v.objectNumber} ${v.generationNumber}`, name);
    const kids = field.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) walk(kid, name);
  };
  if (fields instanceof PDFArray) for (const field of fields.asArray()) walk(field, '');
  return names;
}
