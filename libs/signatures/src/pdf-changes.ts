import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFObject, PDFRef, PDFStream } from 'pdf-lib';
import { changedAfter, finalRoot, lookupDict, objectAt, redirectedXrefEntries, refKey, rootAt, type PdfStructure } from './pdf-structure';

/**
 * What an incremental update after a signature did. Allowed kinds (ISO 32000-2 §12.8.2.2
 * DocMDP, §12.8.2.4 FieldMDP; ETSI EN 319 142-1 §5.4 for validation data):
 * - `validation_data` (DSS/VRI) and `document_timestamp`: always;
 * - `metadata` (document information, XMP): always — not part of what is shown;
 * - `signature` (a new signature field and its value) and `form_fill`: DocMDP P ≥ 2;
 * - `annotation`: P = 3 (or no certification);
 * - `other` (page content, resources, page tree, catalog entries…): never.
 */
export type ChangeKind = 'validation_data' | 'document_timestamp' | 'metadata' | 'signature' | 'form_fill' | 'annotation' | 'other';

export interface DocumentChange {
  kind: ChangeKind;
  /** Object number and generation, e.g. "12 0". */
  object: string;
  description: string;
  allowed: boolean;
}

/** Permissions in force after a signature. */
export interface ChangePermissions {
  /** DocMDP P of the certification signature, when the document is certified (1, 2 or 3). */
  docMdp?: 1 | 2 | 3;
  /** Fully qualified names of form fields locked by FieldMDP (all fields: `'*'`). */
  lockedFields: ReadonlySet<string>;
}

const N = {
  AcroForm: PDFName.of('AcroForm'),
  Annots: PDFName.of('Annots'),
  AP: PDFName.of('AP'),
  DSS: PDFName.of('DSS'),
  Fields: PDFName.of('Fields'),
  FT: PDFName.of('FT'),
  Kids: PDFName.of('Kids'),
  Pages: PDFName.of('Pages'),
  Parent: PDFName.of('Parent'),
  Sig: PDFName.of('Sig'),
  Subtype: PDFName.of('Subtype'),
  T: PDFName.of('T'),
  Type: PDFName.of('Type'),
  V: PDFName.of('V'),
  Widget: PDFName.of('Widget'),
  DocTimeStamp: PDFName.of('DocTimeStamp'),
};

const CATALOG_KEYS_ALLOWED = new Set(['DSS', 'AcroForm', 'Extensions', 'Metadata']);
const ACROFORM_KEYS_ALLOWED = new Set(['Fields', 'SigFlags', 'DR', 'DA', 'NeedAppearances']);
const FIELD_VALUE_KEYS = new Set(['V', 'AP', 'AS', 'MK']);
const MAX_WALK = 100_000;

type Role =
  | { role: 'catalog' }
  | { role: 'dss' }
  | { role: 'info' }
  | { role: 'metadata' }
  | { role: 'acroform' }
  | { role: 'field'; name: string; signature: boolean; timestamp: boolean; widgetOnPage: boolean }
  | { role: 'signature_value'; timestamp: boolean }
  | { role: 'page'; index: number }
  | { role: 'annots'; page: number }
  | { role: 'annotation'; widgetOf?: { name: string; signature: boolean; timestamp: boolean } }
  | { role: 'appearance'; widgetOf?: { name: string; signature: boolean; timestamp: boolean } };

/**
 * Classifies every object changed or added after byte `end` (the end of a signature's
 * revision) and says whether the signature permits it.
 */
export function changesAfter(structure: PdfStructure, end: number, permissions: ChangePermissions): DocumentChange[] {
  const changed = changedAfter(structure, end);
  const { context } = structure;
  const structural: DocumentChange[] = redirectedXrefEntries(structure, end).map((object) => ({
    object,
    kind: 'other' as const,
    description: 'a cross-reference entry points at an object other than its last definition',
    allowed: false,
  }));
  const oldRootRef = rootAt(structure, end);
  const newRootRef = finalRoot(structure);
  if (oldRootRef && newRootRef && refKey(oldRootRef) !== refKey(newRootRef) && !changed.some((c) => c.ref === refKey(newRootRef))) {
    structural.push({ object: refKey(newRootRef), kind: 'other', description: 'the trailer now points at another, older catalog', allowed: false });
  }
  if (changed.length === 0) return structural;
  const roles = rolesOf(structure);
  const changes: DocumentChange[] = [];
  const level = permissions.docMdp ?? 3;
  const allow = (kind: ChangeKind, field?: string): boolean => {
    switch (kind) {
      case 'validation_data':
      case 'document_timestamp':
      case 'metadata':
        return true;
      case 'signature':
        return level >= 2;
      case 'form_fill':
        return level >= 2 && !(field !== undefined && (permissions.lockedFields.has('*') || permissions.lockedFields.has(field)));
      case 'annotation':
        return level >= 3;
      default:
        return false;
    }
  };
  const add = (object: string, kind: ChangeKind, description: string, field?: string) =>
    changes.push({ object, kind, description, allowed: allow(kind, field) });

  const oldRoot = rootAt(structure, end);
  const newRoot = finalRoot(structure);
  for (const { ref, object } of changed) {
    const parsedRef = parseRef(ref);
    const before = objectAt(structure, parsedRef, end) ?? (newRoot && oldRoot && ref === refKey(newRoot) ? objectAt(structure, oldRoot, end) : undefined);
    if (before && sameBytes(before, object)) continue; // re-stated unchanged
    const role = roles.get(ref);
    if (!role) {
      // A new object nothing of interest refers to changes nothing shown; a changed
      // existing one (content stream, font, image, page tree node…) changes the document.
      if (before) add(ref, 'other', 'an existing object was changed');
      continue;
    }
    switch (role.role) {
      case 'dss':
        add(ref, 'validation_data', 'validation data (DSS) added or updated');
        break;
      case 'info':
      case 'metadata':
        add(ref, 'metadata', 'document metadata updated');
        break;
      case 'catalog': {
        const keys = changedKeys(before, object);
        const forbidden = keys.filter((k) => !CATALOG_KEYS_ALLOWED.has(k));
        if (forbidden.length > 0) add(ref, 'other', `document catalog changed (${forbidden.map((k) => `/${k}`).join(', ')})`);
        else if (keys.includes('DSS')) add(ref, 'validation_data', 'validation data (DSS) attached to the catalog');
        else if (keys.includes('AcroForm')) {
          // A form dictionary created or (inline) changed with the catalog: judge it like an indirect one.
          const form = acroFormChange(context, dictOf(before)?.get(N.AcroForm), dictOf(object)?.get(N.AcroForm), roles);
          add(ref, form.kind, `catalog: ${form.description}`);
        } else if (keys.length > 0) add(ref, 'metadata', `catalog updated (${keys.map((k) => `/${k}`).join(', ')})`);
        break;
      }
      case 'acroform': {
        const form = acroFormChange(context, before, object, roles);
        add(ref, form.kind, form.description);
        break;
      }
      case 'field': {
        if (role.timestamp) add(ref, 'document_timestamp', `document timestamp field "${role.name}"`);
        else if (role.signature) {
          const oldValue = dictOf(before)?.get(N.V);
          if (oldValue && !sameBytes(oldValue, dictOf(object)?.get(N.V))) add(ref, 'other', `signature field "${role.name}" re-signed (its signature was replaced)`);
          else add(ref, 'signature', `signature field "${role.name}" signed`);
        } else if (!before) add(ref, 'other', `form field "${role.name}" added`);
        else {
          const keys = changedKeys(before, object).filter((k) => !FIELD_VALUE_KEYS.has(k));
          if (keys.length > 0) add(ref, 'other', `form field "${role.name}" changed (${keys.map((k) => `/${k}`).join(', ')})`);
          else add(ref, 'form_fill', `form field "${role.name}" filled in`, role.name);
        }
        break;
      }
      case 'signature_value':
        if (before) add(ref, 'other', 'an existing signature dictionary was changed');
        else add(ref, role.timestamp ? 'document_timestamp' : 'signature', role.timestamp ? 'document timestamp added' : 'signature added');
        break;
      case 'page':
      case 'annots': {
        const pageNo = role.role === 'page' ? role.index : role.page;
        const keys = role.role === 'page' ? changedKeys(before, object) : ['Annots'];
        const forbidden = keys.filter((k) => k !== 'Annots');
        if (!before && role.role === 'page') add(ref, 'other', `page ${pageNo} added`);
        else if (forbidden.length > 0) add(ref, 'other', `page ${pageNo} changed (${forbidden.map((k) => `/${k}`).join(', ')})`);
        else if (keys.length > 0) {
          const added = annotationDiff(context, role.role === 'page' ? dictOf(before)?.get(N.Annots) : before, role.role === 'page' ? dictOf(object)?.get(N.Annots) : object, roles);
          add(ref, added.kind, `page ${pageNo}: ${added.description}`);
        }
        break;
      }
      case 'annotation':
      case 'appearance': {
        const widget = role.widgetOf;
        const what = role.role === 'annotation' ? 'annotation' : 'appearance stream';
        if (widget?.timestamp) add(ref, 'document_timestamp', `${what} of document timestamp field "${widget.name}"`);
        else if (widget?.signature) add(ref, 'signature', `${what} of signature field "${widget.name}"`);
        else if (widget) add(ref, 'form_fill', `${what} of form field "${widget.name}"`, widget.name);
        else add(ref, 'annotation', before ? `${what} changed` : `${what} added`);
        break;
      }
    }
  }
  return [...structural, ...changes];
}

/** Roles depend on the final document only: computed once per parsed file, whatever the number of signatures. */
const ROLES = new WeakMap<PdfStructure, Map<string, Role>>();
function rolesOf(structure: PdfStructure): Map<string, Role> {
  let roles = ROLES.get(structure);
  if (!roles) {
    roles = assignRoles(structure.context, structure);
    ROLES.set(structure, roles);
  }
  return roles;
}

function assignRoles(context: PDFContext, structure: PdfStructure): Map<string, Role> {
  const roles = new Map<string, Role>();
  const set = (object: PDFObject | undefined, role: Role) => {
    if (object instanceof PDFRef && !roles.has(refKey(object))) roles.set(refKey(object), role);
  };
  const root = finalRoot(structure);
  const catalog = lookupDict(context, root);
  set(root, { role: 'catalog' });
  set(context.trailerInfo.Info, { role: 'info' });
  if (!catalog) return roles;
  set(catalog.get(PDFName.of('Metadata')), { role: 'metadata' });
  reachable(context, catalog.get(N.DSS), (ref) => set(ref, { role: 'dss' }));

  const acroFormValue = catalog.get(N.AcroForm);
  set(acroFormValue, { role: 'acroform' });
  const acroForm = lookupDict(context, acroFormValue);
  const widgets = new Map<string, { name: string; signature: boolean; timestamp: boolean }>();
  if (acroForm) {
    let budget = MAX_WALK;
    const walkField = (value: PDFObject | undefined, parentName: string, inheritedFt: PDFName | undefined) => {
      if (budget-- <= 0) return;
      const field = lookupDict(context, value);
      if (!field) return;
      const partial = field.lookup(N.T);
      const name = partial && 'decodeText' in partial ? [parentName, (partial as { decodeText(): string }).decodeText()].filter(Boolean).join('.') : parentName;
      const ftValue = field.lookup(N.FT);
      const ft = ftValue instanceof PDFName ? ftValue : inheritedFt;
      const sigValue = lookupDict(context, field.get(N.V));
      const timestamp = ft === N.Sig && sigValue?.lookup(N.Type) === N.DocTimeStamp;
      const info = { name, signature: ft === N.Sig, timestamp };
      set(value, { role: 'field', ...info, widgetOnPage: field.lookup(N.Subtype) === N.Widget });
      if (ft === N.Sig) {
        set(field.get(N.V), { role: 'signature_value', timestamp });
        reachable(context, field.get(N.V), (ref) => set(ref, { role: 'signature_value', timestamp }), 1);
      }
      if (value instanceof PDFRef) widgets.set(refKey(value), info);
      if (field.lookup(N.Subtype) === N.Widget) reachable(context, field.get(N.AP), (ref) => set(ref, { role: 'appearance', widgetOf: info }));
      const kids = field.lookup(N.Kids);
      if (kids instanceof PDFArray) for (const kid of kids.asArray()) walkField(kid, name, ft);
    };
    const fields = acroForm.lookup(N.Fields);
    if (fields instanceof PDFArray) for (const field of fields.asArray()) walkField(field, '', undefined);
  }

  let pageIndex = 0;
  let budget = MAX_WALK;
  const seen = new Set<string>();
  const walkPages = (value: PDFObject | undefined) => {
    if (budget-- <= 0 || (value instanceof PDFRef && seen.has(refKey(value)))) return;
    if (value instanceof PDFRef) seen.add(refKey(value));
    const node = lookupDict(context, value);
    if (!node) return;
    const kids = node.lookup(N.Kids);
    if (kids instanceof PDFArray) {
      for (const kid of kids.asArray()) walkPages(kid);
      return;
    }
    pageIndex++;
    set(value, { role: 'page', index: pageIndex });
    const annotsValue = node.get(N.Annots);
    set(annotsValue, { role: 'annots', page: pageIndex });
    const annots = annotsValue instanceof PDFRef ? context.lookup(annotsValue) : annotsValue;
    if (!(annots instanceof PDFArray)) return;
    for (const annot of annots.asArray()) {
      const widgetOf = annot instanceof PDFRef ? widgets.get(refKey(annot)) : undefined;
      set(annot, { role: 'annotation', widgetOf });
      reachable(context, lookupDict(context, annot)?.get(N.AP), (ref) => set(ref, { role: 'appearance', widgetOf }));
    }
  };
  walkPages(catalog.get(N.Pages));
  return roles;
}

/** Calls `visit` for every reference reachable from `start` (bounded; cycles ignored). */
function reachable(context: PDFContext, start: PDFObject | undefined, visit: (ref: PDFRef) => void, maxDepth = 8): void {
  const seen = new Set<string>();
  const walk = (object: PDFObject | undefined, depth: number) => {
    if (!object || depth > maxDepth || seen.size > MAX_WALK) return;
    if (object instanceof PDFRef) {
      if (seen.has(refKey(object))) return;
      seen.add(refKey(object));
      visit(object);
      walk(context.lookup(object), depth + 1);
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) walk(value, depth + 1);
    } else if (object instanceof PDFStream) {
      walk(object.dict, depth);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) walk(value, depth + 1);
    }
  };
  walk(start, 0);
}

/** What a form dictionary change did: fields added (of which kind), or a forbidden change. */
function acroFormChange(
  context: PDFContext,
  before: PDFObject | undefined,
  after: PDFObject | undefined,
  roles: Map<string, Role>,
): { kind: ChangeKind; description: string } {
  const old = before instanceof PDFRef ? context.lookup(before) : before;
  const now = after instanceof PDFRef ? context.lookup(after) : after;
  if (!(now instanceof PDFDict)) return { kind: 'other', description: 'form dictionary removed' };
  const oldDict = old instanceof PDFDict ? old : undefined;
  const forbidden = oldDict ? changedKeys(oldDict, now).filter((k) => !ACROFORM_KEYS_ALLOWED.has(k)) : [];
  if (forbidden.length > 0) return { kind: 'other', description: `form dictionary changed (${forbidden.map((k) => `/${k}`).join(', ')})` };
  const oldFields = oldDict ? arrayRefs(context, oldDict.get(N.Fields)) : [];
  const newFields = arrayRefs(context, now.get(N.Fields));
  const removed = oldFields.filter((f) => !newFields.includes(f));
  if (removed.length > 0) return { kind: 'other', description: `form fields removed (${removed.join(', ')})` };
  const added = newFields.filter((f) => !oldFields.includes(f)).map((f) => roles.get(f));
  const fields = added.map((role) => (role?.role === 'field' ? role : undefined));
  if (fields.length > 0 && fields.every((f) => f?.timestamp)) return { kind: 'document_timestamp', description: 'document timestamp field added to the form' };
  if (fields.every((f) => f?.signature)) return { kind: 'signature', description: fields.length > 0 ? 'signature field added to the form' : 'form dictionary updated' };
  return { kind: 'other', description: 'form fields added' };
}

function annotationDiff(
  context: PDFContext,
  before: PDFObject | undefined,
  after: PDFObject | undefined,
  roles: Map<string, Role>,
): { kind: ChangeKind; description: string } {
  const old = new Set(arrayRefs(context, before));
  const now = arrayRefs(context, after);
  const added = now.filter((r) => !old.has(r));
  const removed = [...old].filter((r) => !now.includes(r));
  if (removed.length > 0) return { kind: 'annotation', description: `annotations removed (${removed.join(', ')})` };
  const widgets = added.map((r) => roles.get(r)).map((role) => (role?.role === 'annotation' ? role.widgetOf : role?.role === 'field' && role.widgetOnPage ? role : undefined));
  if (added.length > 0 && widgets.every((w) => w?.timestamp)) return { kind: 'document_timestamp', description: 'document timestamp field added' };
  if (added.length > 0 && widgets.every((w) => w?.signature)) return { kind: 'signature', description: 'signature field added' };
  if (added.length > 0 && widgets.every((w) => w)) return { kind: 'form_fill', description: 'form field widget added' };
  return { kind: 'annotation', description: added.length > 0 ? `annotations added (${added.join(', ')})` : 'annotations reordered' };
}

function arrayRefs(context: PDFContext, value: PDFObject | undefined): string[] {
  const array = value instanceof PDFRef ? context.lookup(value) : value;
  if (!(array instanceof PDFArray)) return [];
  return array.asArray().map((item) => (item instanceof PDFRef ? refKey(item) : item.toString()));
}

function dictOf(object: PDFObject | undefined): PDFDict | undefined {
  if (object instanceof PDFDict) return object;
  if (object instanceof PDFStream) return object.dict;
  return undefined;
}

/** Keys whose values differ between two dictionaries (or stream dictionaries; a stream's data counts as key "(data)"). */
function changedKeys(before: PDFObject | undefined, after: PDFObject | undefined): string[] {
  const a = dictOf(before);
  const b = dictOf(after);
  if (!a || !b) return ['(type)'];
  const keys = new Set([...a.keys(), ...b.keys()].map((k) => k.decodeText()));
  const changed = [...keys].filter((k) => !sameBytes(a.get(PDFName.of(k)), b.get(PDFName.of(k))));
  if (before instanceof PDFStream && after instanceof PDFStream && !sameBytes(before, after) && changed.length === 0) changed.push('(data)');
  return changed;
}

function sameBytes(a: PDFObject | undefined, b: PDFObject | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a instanceof PDFNumber && b instanceof PDFNumber) return a.asNumber() === b.asNumber();
  return Buffer.from(serialize(a)).equals(Buffer.from(serialize(b)));
}

function serialize(object: PDFObject): Uint8Array {
  const buffer = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(buffer, 0);
  return buffer;
}

function parseRef(key: string): PDFRef {
  const [num, gen] = key.split(' ').map(Number);
  return PDFRef.of(num, gen);
}
