/**
 * The applicant's identification number as a citizen types it on the online form: which kind of
 * paper it is, or why it cannot be one. The formats (UNVERIFIED in DOMAIN.md, which records no
 * source for them; taken from the layout of the papers themselves):
 * - `cccd`: the 12-digit personal identification number on the chip-based citizen identity card
 *   (căn cước / CCCD, the same number as the VNeID account), whose first three digits are the
 *   province code of registration, 001–096;
 * - `cmnd`: the old 9-digit identity card (chứng minh nhân dân), still met on older papers;
 * - `passport`: a Vietnamese passport number, one capital letter and 7 digits;
 * - `tax_code`: an organisation's tax code, 10 digits, or 10 digits, a dash and 3 for a branch.
 * Spaces and dots people type between groups of digits are removed first.
 */
export type IdNumberKind = 'cccd' | 'cmnd' | 'passport' | 'tax_code';

export type IdNumberCheck = { ok: true; value: string; kind: IdNumberKind } | { ok: false; problem: string };

/** The number without the spaces and dots typed between groups, letters in upper case. */
export function cleanIdNumber(raw: string): string {
  return raw.replace(/[\s.]+/gu, '').toUpperCase();
}

export function checkIdNumber(raw: string): IdNumberCheck {
  const value = cleanIdNumber(raw);
  if (value === '') return { ok: false, problem: 'is empty' };
  if (/^\d{12}$/.test(value)) {
    const province = Number(value.slice(0, 3));
    if (province < 1 || province > 96) return { ok: false, problem: 'a 12-digit citizen ID starts with a province code 001–096' };
    return { ok: true, value, kind: 'cccd' };
  }
  if (/^\d{9}$/.test(value)) return { ok: true, value, kind: 'cmnd' };
  if (/^[A-Z]\d{7}$/.test(value)) return { ok: true, value, kind: 'passport' };
  if (/^\d{10}(-\d{3})?$/.test(value)) return { ok: true, value, kind: 'tax_code' };
  return { ok: false, problem: 'must be a 12-digit citizen ID, a 9-digit old ID card, a passport number (a letter and 7 digits) or a tax code (10 digits, or 10-3)' };
}
