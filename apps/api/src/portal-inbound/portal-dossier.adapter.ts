import Ajv, { type ErrorObject } from 'ajv';
import { nameProblem, normaliseName } from '@motcua/text';
import { AppError } from '../common/errors';
import schema from './portal-dossier.schema.json';

/**
 * The ONE place that knows the national portal's (DVCQG) field names for dossiers submitted there
 * and forwarded to us. The wire format is UNVERIFIED (DOMAIN.md §1.5, §6.4: we know the names of the
 * synchronisation records, not the forwarding message): `portal-dossier.schema.json` states it, and
 * this mapping turns it into our terms. When the real format is known, only these two files change.
 *
 * | Portal field                          | Ours                                             |
 * |---------------------------------------|--------------------------------------------------|
 * | MaHoSo                                | portalDossierId (idempotency key)                |
 * | MaTTHC                                | procedureCode (our catalogue uses national codes) |
 * | NgayNopHoSo (yyyyMMddHHmmss, UTC+7)   | portalSubmittedAt                                |
 * | ChuHoSo                               | applicant.fullName                               |
 * | SoGiayToChuHoSo                       | applicant.idNumber                               |
 * | SoDienThoai / Email / DiaChiChuHoSo   | applicant.phone / email / address                |
 * | TaiKhoanDuocXacThucVoiVNeID (0/1)     | vneidVerified                                    |
 * | TaiLieuNop[i].MaThanhPhanHoSo         | files[i].componentKey                            |
 * | TaiLieuNop[i].TenTepDinhKem           | files[i].fileName                                |
 * | TaiLieuNop[i].NoiDungTep (base64)     | files[i].content                                 |
 *
 * The channel is always online (KenhThucHien = 2): that is what coming from the portal means.
 */
export interface PortalSubmission {
  portalDossierId: string;
  procedureCode: string;
  portalSubmittedAt: Date;
  applicant: { fullName: string; idNumber: string; phone?: string; email?: string; address?: string };
  vneidVerified: boolean;
  files: Array<{ field: string; componentKey: string; fileName: string; content: Buffer }>;
}

/** A record the portal sent that we cannot take: names the field in the portal's own terms. */
export class PortalFieldError extends AppError {
  readonly status = 422;
  readonly code = 'PORTAL_FIELD_INVALID';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`, { field });
  }
}

const validate = new Ajv({ allErrors: false, strict: true }).compile<Record<string, unknown>>(schema);

/** Validates a portal record and maps it; throws {@link PortalFieldError} naming the first bad field. */
export function fromPortalRecord(body: unknown): PortalSubmission {
  if (!validate(body)) throw toFieldError(validate.errors?.[0]);
  const r = body as Record<string, string | number | undefined> & { TaiLieuNop: Array<Record<string, string>> };
  const files = r.TaiLieuNop.map((item, i) => {
    const field = `TaiLieuNop[${i}].NoiDungTep`;
    return { field, componentKey: item.MaThanhPhanHoSo, fileName: item.TenTepDinhKem, content: decodeBase64(item.NoiDungTep, field) };
  });
  const fullName = checkedName(String(r.ChuHoSo), 'ChuHoSo');
  const address = r.DiaChiChuHoSo !== undefined ? checkedName(String(r.DiaChiChuHoSo), 'DiaChiChuHoSo') : undefined;
  return {
    portalDossierId: String(r.MaHoSo),
    procedureCode: String(r.MaTTHC),
    portalSubmittedAt: portalTime(String(r.NgayNopHoSo)),
    applicant: {
      fullName,
      idNumber: String(r.SoGiayToChuHoSo),
      ...(r.SoDienThoai !== undefined ? { phone: String(r.SoDienThoai) } : {}),
      ...(r.Email !== undefined ? { email: String(r.Email) } : {}),
      ...(address !== undefined ? { address } : {}),
    },
    vneidVerified: r.TaiKhoanDuocXacThucVoiVNeID === 1,
    files,
  };
}

function toFieldError(error: ErrorObject | undefined): PortalFieldError {
  if (!error) return new PortalFieldError('(record)', 'is not a valid portal dossier');
  // ajv's path "/TaiLieuNop/0/TenTepDinhKem" → "TaiLieuNop[0].TenTepDinhKem"; a missing property is named itself.
  const parts = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') parts.push(String((error.params as { missingProperty: string }).missingProperty));
  const field = parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '') || '(record)';
  return new PortalFieldError(field, error.keyword === 'required' ? 'is required' : (error.message ?? 'is invalid'));
}

/** Strict base64: Node's decoder skips what it cannot read, so a damaged file would pass as a shorter one. */
function decodeBase64(text: string, field: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new PortalFieldError(field, 'is not base64');
  return Buffer.from(compact, 'base64');
}

/** yyyyMMddHHmmss in Vietnam time (no daylight saving: always UTC+7). */
function portalTime(text: string): Date {
  const [y, mo, d, h, mi, s] = [text.slice(0, 4), text.slice(4, 6), text.slice(6, 8), text.slice(8, 10), text.slice(10, 12), text.slice(12, 14)];
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}+07:00`);
  const roundTrip = new Date(at.getTime() + 7 * 3600_000).toISOString();
  if (Number.isNaN(at.getTime()) || roundTrip.slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`) throw new PortalFieldError('NgayNopHoSo', 'is not a real date and time (yyyyMMddHHmmss)');
  return at;
}

/** The same rules as a name typed at the counter (libs/text): NFC, single spaces, nothing invisible. */
function checkedName(value: string, field: string): string {
  const name = normaliseName(value);
  const problem = nameProblem(name);
  if (problem) throw new PortalFieldError(field, problem);
  return name;
}
