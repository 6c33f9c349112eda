import { toVnIso } from './vn-time';

/**
 * QR content of the issued papers (TT 01/2023/TT-VPCP Art 26, DOMAIN.md §2.7): ONE https URL, so
 * a phone camera offers to open it, leading to the public lookup page. Its query carries every
 * field Art 26 asks for, in a fixed order: `v` (format), `ma` dossier code, `tthc` procedure code
 * (left out when the procedure has no national code), `cd` masked applicant identifier, `giay`
 * paper name, `ht` issuing system, `t` time of issue, `hen` appointment (receipt and apology).
 * The fragment is the lookup page's own route (`#/tra-cuu/<code>/<secret>`), so opening the URL
 * shows the dossier. The full specification is in libs/documents/README.md.
 */
export const QR_FORMAT_VERSION = '2';

/** The issuing system named in every QR (`ht`). */
export const ISSUING_SYSTEM = 'motcua — Sở KH&CN Lai Châu';

/** What goes into a paper's QR code. */
export interface QrData {
  readonly dossierCode: string;
  /** National TTHC code of the procedure; empty when it has none (never an internal slug). */
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
  /** Public status-lookup link (carries the dossier's secret), http(s); the QR is this link with the fields added as query. */
  readonly lookupUrl: string;
}

/** A decoded QR payload. Times are the ISO 8601 strings as written (`+07:00`). */
export interface ParsedQr {
  readonly version: string;
  readonly dossierCode: string;
  /** Empty when the QR carries no procedure code. */
  readonly procedureCode: string;
  /** Masked as printed, e.g. `********8901`. */
  readonly applicantId: string;
  readonly paperName: string;
  readonly issuingSystem: string;
  readonly issuedAt: string;
  readonly appointmentAt?: string;
  /** The lookup link without the added query: what {@link QrData.lookupUrl} was. */
  readonly lookupUrl: string;
  /** The whole URL as encoded. */
  readonly url: string;
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

// Control characters inside a value become spaces; NFC so the same text encodes the same way.
function clean(value: string, key: string): string {
  const text = value.normalize('NFC').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  if (!text) throw new RangeError(`QR field "${key}" is empty`);
  return text;
}

/** The QR text of a paper: the lookup link with the Art 26 fields as its query. */
export function qrPayload(data: QrData): string {
  const url = new URL(clean(data.lookupUrl, 'url'));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError('QR lookup link must be http(s)');
  const fields = new URLSearchParams();
  fields.set('v', QR_FORMAT_VERSION);
  fields.set('ma', clean(data.dossierCode, 'ma'));
  if (data.procedureCode.trim()) fields.set('tthc', clean(data.procedureCode, 'tthc'));
  fields.set('cd', clean(maskIdentifier(data.applicantId), 'cd'));
  fields.set('giay', clean(data.paperName, 'giay'));
  fields.set('ht', clean(data.issuingSystem ?? ISSUING_SYSTEM, 'ht'));
  fields.set('t', toVnIso(data.issuedAt));
  if (data.appointmentAt) fields.set('hen', toVnIso(data.appointmentAt));
  // The link's own query (if any) stays; ours goes after it.
  for (const [key, value] of fields) url.searchParams.append(key, value);
  return url.toString();
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function time(fields: URLSearchParams, key: string): string | undefined {
  const value = fields.get(key);
  if (value === null) return undefined;
  if (!ISO_WITH_OFFSET.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidQrPayloadError(`"${key}" is not an ISO 8601 time with offset: ${value}`);
  }
  return value;
}

const OUR_KEYS = ['v', 'ma', 'tthc', 'cd', 'giay', 'ht', 't', 'hen'];

/**
 * Parses a QR text produced by {@link qrPayload}. Unknown query keys are ignored so later v2
 * payloads may add fields; a different `v`, a missing required key or a repeated key is an error.
 */
export function parseQrPayload(text: string): ParsedQr {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new InvalidQrPayloadError('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidQrPayloadError(`not an http(s) link: ${url.protocol}`);
  const fields = url.searchParams;
  for (const key of OUR_KEYS) if (fields.getAll(key).length > 1) throw new InvalidQrPayloadError(`duplicate key "${key}"`);
  if (fields.get('v') !== QR_FORMAT_VERSION) throw new InvalidQrPayloadError(`unsupported version ${fields.get('v') ?? '(none)'}`);
  const required = (key: string): string => {
    const value = fields.get(key);
    if (!value) throw new InvalidQrPayloadError(`missing "${key}"`);
    return value;
  };
  const issuedAt = time(fields, 't');
  if (!issuedAt) throw new InvalidQrPayloadError('missing "t"');
  const appointmentAt = time(fields, 'hen');
  const parsed = {
    version: QR_FORMAT_VERSION,
    dossierCode: required('ma'),
    procedureCode: fields.get('tthc') ?? '',
    applicantId: required('cd'),
    paperName: required('giay'),
    issuingSystem: required('ht'),
    issuedAt,
    ...(appointmentAt ? { appointmentAt } : {}),
  };
  const link = new URL(url.toString());
  for (const key of OUR_KEYS) link.searchParams.delete(key);
  return { ...parsed, lookupUrl: link.toString().replace(/\?(?=#|$)/, ''), url: url.toString() };
}
