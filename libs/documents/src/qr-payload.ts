import { toVnIso } from './vn-time';

/**
 * QR content of the issued papers (TT 01/2023/TT-VPCP Art 26, DOMAIN.md §2.7): UTF-8 text,
 * one `key=value` per line, fixed key order, first line `v=1`. Chosen over JSON because any
 * phone scanner shows it readably and most make the `url=` line tappable, and it is shorter
 * (the QR stays at version ~13, so modules stay big enough to scan off paper).
 * The full specification is in libs/documents/README.md.
 */
export const QR_FORMAT_VERSION = '1';

/** The issuing system named in every QR (`ht`). */
export const ISSUING_SYSTEM = 'motcua — Sở KH&CN Lai Châu';

/** What goes into a paper's QR code. */
export interface QrData {
  readonly dossierCode: string;
  /** TTHC code of the procedure. */
  readonly procedureCode: string;
  /** The applicant's ID number or tax code, unmasked; {@link qrPayload} masks it. */
  readonly applicantId: string;
  /** Name of the paper, e.g. `Giấy tiếp nhận hồ sơ và hẹn trả kết quả`. */
  readonly paperName: string;
  /** Default {@link ISSUING_SYSTEM}. */
  readonly issuingSystem?: string;
  readonly issuedAt: Date;
  /** Appointment for the result; required on the receipt slip, also set on the apology (the new date). */
  readonly appointmentAt?: Date;
  /** Public status-lookup link (carries the dossier's secret). */
  readonly lookupUrl: string;
}

/** A decoded QR payload. Times are the ISO 8601 strings as written (`+07:00`). */
export interface ParsedQr {
  readonly version: string;
  readonly dossierCode: string;
  readonly procedureCode: string;
  /** Masked as printed, e.g. `********8901`. */
  readonly applicantId: string;
  readonly paperName: string;
  readonly issuingSystem: string;
  readonly issuedAt: string;
  readonly appointmentAt?: string;
  readonly lookupUrl: string;
}

/** Thrown by {@link parseQrPayload} on text that is not a v1 payload. */
export class InvalidQrPayloadError extends Error {
  constructor(message: string) {
    super(`Invalid QR payload: ${message}`);
    this.name = 'InvalidQrPayloadError';
  }
}

const VISIBLE_DIGITS = 4;

/**
 * Masks all but the last four characters of an identifier (`012345678901` → `********8901`).
 * Why: the QR is readable by anyone holding or photographing the paper (relatives, couriers,
 * photocopies), and a full CCCD number is personal data (ND 13/2023/NĐ-CP) that helps identity
 * fraud. Status lookup needs only the URL's secret; the last four digits are enough for the
 * clerk to match a paper with the person's card. The length is kept so the kind (12-digit CCCD,
 * 10/13-digit tax code) stays recognisable. Four characters or fewer are masked entirely.
 */
export function maskIdentifier(id: string): string {
  const compact = id.replace(/\s+/g, '');
  if (compact.length <= VISIBLE_DIGITS) return '*'.repeat(compact.length);
  return '*'.repeat(compact.length - VISIBLE_DIGITS) + compact.slice(-VISIBLE_DIGITS);
}

// One value per line: line breaks and other control characters inside a value become spaces.
function clean(value: string, key: string): string {
  const text = value.normalize('NFC').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  if (!text) throw new RangeError(`QR field "${key}" is empty`);
  return text;
}

/** The QR text of a paper, in the documented `key=value` format. */
export function qrPayload(data: QrData): string {
  const fields: Array<[string, string]> = [
    ['v', QR_FORMAT_VERSION],
    ['ma', clean(data.dossierCode, 'ma')],
    ['tthc', clean(data.procedureCode, 'tthc')],
    ['cd', clean(maskIdentifier(data.applicantId), 'cd')],
    ['giay', clean(data.paperName, 'giay')],
    ['ht', clean(data.issuingSystem ?? ISSUING_SYSTEM, 'ht')],
    ['t', toVnIso(data.issuedAt)],
  ];
  if (data.appointmentAt) fields.push(['hen', toVnIso(data.appointmentAt)]);
  fields.push(['url', clean(data.lookupUrl, 'url')]);
  return fields.map(([key, value]) => `${key}=${value}`).join('\n');
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function time(fields: Map<string, string>, key: string): string | undefined {
  const value = fields.get(key);
  if (value === undefined) return undefined;
  if (!ISO_WITH_OFFSET.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidQrPayloadError(`"${key}" is not an ISO 8601 time with offset: ${value}`);
  }
  return value;
}

/**
 * Parses a QR text produced by {@link qrPayload}. Unknown keys are ignored so later v1 payloads
 * may add fields; a different `v`, a missing required key or a duplicate key is an error.
 */
export function parseQrPayload(text: string): ParsedQr {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new InvalidQrPayloadError(`line without key=value: ${line}`);
    const key = line.slice(0, eq).trim();
    if (fields.has(key)) throw new InvalidQrPayloadError(`duplicate key "${key}"`);
    fields.set(key, line.slice(eq + 1).trim());
  }
  if (fields.get('v') !== QR_FORMAT_VERSION) throw new InvalidQrPayloadError(`unsupported version ${fields.get('v') ?? '(none)'}`);
  const required = (key: string): string => {
    const value = fields.get(key);
    if (!value) throw new InvalidQrPayloadError(`missing "${key}"`);
    return value;
  };
  const issuedAt = time(fields, 't');
  if (!issuedAt) throw new InvalidQrPayloadError('missing "t"');
  const appointmentAt = time(fields, 'hen');
  return {
    version: QR_FORMAT_VERSION,
    dossierCode: required('ma'),
    procedureCode: required('tthc'),
    applicantId: required('cd'),
    paperName: required('giay'),
    issuingSystem: required('ht'),
    issuedAt,
    ...(appointmentAt ? { appointmentAt } : {}),
    lookupUrl: required('url'),
  };
}
