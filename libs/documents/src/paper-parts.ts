import type { FormDefinition } from './forms';
import type { AgencySigner, Applicant, IssuingBody, PaperBase, ProcedureRef } from './types';
import type { RichText, Typesetter } from './typesetter';
import { formatVnDateTime, formatVnLongDate, formatVnLongDateTime } from './vn-time';

/** Body text size. Noto Sans is wider than the Times New Roman of most official forms, hence 11 not 13. */
export const BODY_SIZE = 11;
const HEADING_SIZE = 10;
const TITLE_SIZE = 13;

/** Printed side of the QR: 30 mm keeps a version-13 module at ≈ 0.4 mm, readable by phone cameras. */
export const QR_SIZE = 85;
const QR_GAP = 8;
const NATIONAL_COLUMN_WIDTH = 215;

export const DEFAULT_UNIT = 'Bộ phận Một cửa';

const upper = (text: string): string => text.normalize('NFC').toUpperCase();

/** The receiving unit's name, e.g. `Bộ phận Một cửa`. */
export function unitOf(issuer: IssuingBody): string {
  return issuer.unitName ?? DEFAULT_UNIT;
}

/** The receiver as named in sentences: `Bộ phận Một cửa — Sở …`, or the centre alone when it has no unit line. */
export function receiverPhrase(issuer: IssuingBody): string {
  const unit = unitOf(issuer);
  return unit ? `${unit} — ${issuer.agencyName}` : issuer.agencyName;
}

export interface HeadingInput {
  readonly issuer: IssuingBody;
  /** Whether the receiving unit appears under the agency (not on papers the agency itself issues). */
  readonly showUnit: boolean;
  readonly paperNumber?: string;
  readonly issuedAt: Date;
  readonly form: FormDefinition;
  /** The QR of the paper's dossier; absent on a paper about no one dossier (the log book). */
  readonly qrPng?: Buffer;
}

/**
 * The top band of page 1: the QR code in the top-left corner (TT 01/2023/TT-VPCP Art 26), the
 * issuing body to its right, the national heading and the place/date on the right (ND 30/2020
 * layout), then the paper's title centred below.
 */
export function drawHeading(ts: Typesetter, input: HeadingInput): void {
  const { doc, frame } = ts;
  const top = frame.top;
  if (input.qrPng) doc.image(input.qrPng, frame.left, top, { width: QR_SIZE, height: QR_SIZE });

  const rightX = frame.right - NATIONAL_COLUMN_WIDTH;
  const leftX = input.qrPng ? frame.left + QR_SIZE + QR_GAP : frame.left;
  const leftWidth = input.qrPng ? rightX - leftX - QR_GAP : Math.min(rightX - leftX - QR_GAP, 260);
  const left = { x: leftX, width: leftWidth, size: HEADING_SIZE, align: 'center' as const };
  const right = { x: rightX, width: NATIONAL_COLUMN_WIDTH, size: HEADING_SIZE, align: 'center' as const };

  // The form number sits in the top margin so it does not push the heading down.
  if (input.form.number) ts.block(`Mẫu số ${input.form.number}`, { ...right, y: top - 14, size: 8, style: 'italic', align: 'right' });

  let leftY = top;
  const { issuer } = input;
  if (issuer.parentAgency) leftY = ts.block(upper(issuer.parentAgency), { ...left, y: leftY });
  const showUnit = input.showUnit && unitOf(issuer) !== '';
  leftY = ts.block(upper(issuer.agencyName), { ...left, y: leftY, style: showUnit ? 'regular' : 'bold' });
  if (showUnit) leftY = ts.block(upper(unitOf(issuer)), { ...left, y: leftY, style: 'bold' });
  leftY = rule(ts, leftX + leftWidth / 2, leftY + 3, 60) + 5;
  if (input.paperNumber) leftY = ts.block(`Số: ${input.paperNumber}`, { ...left, y: leftY });

  let rightY = ts.block('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { ...right, y: top, style: 'bold' });
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  rightY = ts.block(motto, { ...right, y: rightY, style: 'bold' });
  // The rule under the motto is as long as the motto (ND 30/2020 Appendix I).
  rightY = rule(ts, rightX + NATIONAL_COLUMN_WIDTH / 2, rightY + 1, ts.widthOf(motto, HEADING_SIZE, 'bold')) + 8;
  rightY = ts.block(`${issuer.place}, ${formatVnLongDate(input.issuedAt)}`, { ...right, y: rightY, style: 'italic' });

  ts.y = Math.max(leftY, rightY, input.qrPng ? top + QR_SIZE : 0) + 12;
  ts.block(input.form.title, { size: TITLE_SIZE, style: 'bold', align: 'center', spaceAfter: 8 });
}

// A horizontal rule centred on `centreX`; returns the y below it.
function rule(ts: Typesetter, centreX: number, y: number, length: number): number {
  ts.doc
    .lineWidth(0.6)
    .moveTo(centreX - length / 2, y)
    .lineTo(centreX + length / 2, y)
    .stroke();
  return y;
}

/** A body paragraph. */
export function paragraph(ts: Typesetter, text: RichText, spaceAfter = 3): void {
  ts.block(text, { size: BODY_SIZE, spaceAfter });
}

/** `Label: value` with the value in bold; continuation lines slightly indented so the field reads as one. */
export function field(ts: Typesetter, label: string, value: string): void {
  ts.block([{ text: `${label}: ` }, { text: value, style: 'bold' }], { size: BODY_SIZE, hanging: 14, spaceAfter: 2 });
}

/** An item of a numbered or bulleted list, with a hanging indent so wrapped lines align. */
export function listItem(ts: Typesetter, marker: string, text: RichText): void {
  ts.block([{ text: `${marker} ` }, ...(typeof text === 'string' ? [{ text }] : text)], {
    size: BODY_SIZE,
    indent: 14,
    hanging: 28,
    spaceAfter: 2,
  });
}

/** The applicant lines shared by every paper. */
export function applicantFields(ts: Typesetter, applicant: Applicant): void {
  field(ts, 'Ông/Bà', applicant.name);
  field(ts, 'Số định danh cá nhân/Mã số thuế', applicant.idNumber);
  const contact = [applicant.phone && `Số điện thoại: ${applicant.phone}`, applicant.email && `Email: ${applicant.email}`].filter(Boolean);
  if (contact.length > 0) paragraph(ts, contact.join('     '), 2);
  if (applicant.address) field(ts, 'Địa chỉ', applicant.address);
}

/** The procedure lines shared by every paper. */
export function procedureFields(ts: Typesetter, procedure: ProcedureRef, dossierCode: string): void {
  field(ts, 'Mã hồ sơ', dossierCode);
  field(ts, 'Nội dung yêu cầu giải quyết (thủ tục hành chính)', procedure.name);
  if (procedure.code.trim()) field(ts, 'Mã thủ tục hành chính', procedure.code);
}

/** `09 giờ 00 phút, ngày 26 tháng 02 năm 2026 (26/02/2026 09:00)`: the form's words, then the numeric date. */
export function longAndShort(instant: Date): string {
  return `${formatVnLongDateTime(instant)} (${formatVnDateTime(instant)})`;
}

/** The closing note telling the applicant how to follow the dossier: the short "Mã tra cứu" when there is one, else the link. */
export function lookupNote(ts: Typesetter, data: Pick<PaperBase, 'publicLookupUrl' | 'lookup'>): void {
  const how: RichText = data.lookup
    ? [
        { text: 'Tra cứu tình trạng hồ sơ: quét mã QR ở góc trên bên trái, hoặc truy cập ', style: 'italic' },
        { text: data.lookup.pageUrl.normalize('NFC') },
        { text: ' và nhập mã hồ sơ cùng ', style: 'italic' },
        { text: `Mã tra cứu: ${data.lookup.code}`, style: 'bold' },
      ]
    : [
        { text: 'Tra cứu tình trạng hồ sơ: quét mã QR ở góc trên bên trái hoặc truy cập ', style: 'italic' },
        { text: data.publicLookupUrl.normalize('NFC') },
      ];
  ts.block(how, { size: 9, spaceAfter: 8 });
}

/** A signature column: role (one line per `\n`), hint, the printed name under the signing space, then the title. */
export interface Signature {
  readonly role: string;
  readonly hint: string;
  readonly name?: string;
  /** Chức danh of a receiving official, printed under the name (agency signers carry it in `role`). */
  readonly title?: string;
}

/** The role lines of an agency signature: `GIÁM ĐỐC`, or `KT. GIÁM ĐỐC` / `PHÓ GIÁM ĐỐC` for a deputy. */
export function agencySignerRole(signer: AgencySigner): string {
  const head = upper(signer.headTitle);
  const own = upper(signer.title);
  return own === head ? head : `KT. ${head}\n${own}`;
}

// About 17 mm: room for a handwritten signature (and the seal on agency papers).
const SIGNING_SPACE = 44;

/**
 * The end of every paper: the lookup note, then the signatures, kept on one page so a signature
 * block never stands alone on a page of its own.
 */
export function closing(ts: Typesetter, data: Pick<PaperBase, 'publicLookupUrl' | 'lookup'>, columns: readonly Signature[]): void {
  ts.ensureSpace(closingHeight(ts, columns));
  lookupNote(ts, data);
  signatures(ts, columns);
}

/** Height of {@link closing}, for papers that keep more lines with it. */
export function closingHeight(ts: Typesetter, columns: readonly Signature[]): number {
  return ts.lineHeight(9) * 2 + 8 + signaturesHeight(ts, columns);
}

function signaturesHeight(ts: Typesetter, columns: readonly Signature[]): number {
  const lines = Math.max(...columns.map((c) => c.role.split('\n').length + 2 + (c.title ? 1 : 0)));
  return ts.lineHeight(BODY_SIZE) * lines + SIGNING_SPACE + 8;
}

/**
 * Signature columns side by side (one column sits on the right half, as on official papers).
 * Kept together on one page.
 */
export function signatures(ts: Typesetter, columns: readonly Signature[]): void {
  ts.ensureSpace(signaturesHeight(ts, columns));
  const half = ts.width / 2;
  const top = ts.y + 8;
  let bottom = top;
  columns.forEach((column, i) => {
    const x = columns.length === 1 ? ts.frame.left + half : ts.frame.left + i * half;
    const place = { x, width: half, size: BODY_SIZE, align: 'center' as const };
    let y = top;
    for (const line of column.role.split('\n')) y = ts.block(line, { ...place, y, style: 'bold' });
    y = ts.block(`(${column.hint})`, { ...place, y, style: 'italic' }) + SIGNING_SPACE;
    if (column.name) y = ts.block(column.name, { ...place, y, style: 'bold' });
    if (column.title) y = ts.block(column.title, { ...place, y });
    bottom = Math.max(bottom, y);
  });
  ts.y = bottom;
}
