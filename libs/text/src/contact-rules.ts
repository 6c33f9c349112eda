/**
 * The applicant's identity and contact fields, one rule for the server (class-validator in the
 * API's DTOs) and the web forms (issue #15): cleaned first (spaces and separators people type),
 * then checked. Pure TypeScript, its own entry point (`@motcua/text/contact-rules`) so the web
 * bundle takes it alone.
 *
 * Patterns (DOMAIN.md has no legal text for them; UNVERIFIED beyond common use):
 * - CCCD (căn cước / căn cước công dân): 12 digits.
 * - CMND (old identity card): 9 digits — still accepted (many are in circulation in records), flagged.
 * - Tax code (mã số thuế, for an organisation applying): 10 digits, or 13 as `NNNNNNNNNN-NNN`.
 * - Passport: Vietnamese ones are one letter and 7 digits (`C1234567`); foreign ones 6–9 letters and
 *   digits with at least one of each.
 * - Phone: mobile `0` + 3/5/7/8/9 + 8 digits; landline `02` + 9 digits (area codes since 2017);
 *   `+84` / `84` written for the leading 0 is accepted and stored as 0.
 * - E-mail: local@domain with a dot and a top-level label of 2+ letters (so `a@b.c` is refused on both sides).
 */

export type IdNumberKind = 'cccd' | 'cmnd' | 'tax_code' | 'passport';

export type ContactProblem = 'ID_EMPTY' | 'ID_PATTERN' | 'PHONE_PATTERN' | 'EMAIL_PATTERN';

/** Vietnamese messages for the forms (the server says the same in English). */
export const CONTACT_PROBLEMS_VI: Record<ContactProblem, string> = {
  ID_EMPTY: 'Vui lòng nhập số định danh (CCCD, hộ chiếu hoặc mã số thuế).',
  ID_PATTERN: 'Số định danh không hợp lệ: CCCD gồm 12 chữ số (CMND cũ 9 chữ số), hộ chiếu gồm chữ cái và chữ số (ví dụ C1234567), mã số thuế 10 hoặc 13 chữ số.',
  PHONE_PATTERN: 'Số điện thoại không hợp lệ: số di động 10 chữ số (03, 05, 07, 08, 09…) hoặc số cố định 11 chữ số (02…).',
  EMAIL_PATTERN: 'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.vn).',
};

export const CONTACT_PROBLEMS_EN: Record<ContactProblem, string> = {
  ID_EMPTY: 'idNumber is required',
  ID_PATTERN: 'idNumber must be a CCCD (12 digits), an old CMND (9 digits), a passport number or a tax code (10 or 13 digits)',
  PHONE_PATTERN: 'phone must be a Vietnamese mobile (10 digits) or landline (11 digits) number',
  EMAIL_PATTERN: 'email must be an address like name@example.vn',
};

/** Kind of an identity number after cleaning, or null when it is none of them. */
export function idNumberKind(cleaned: string): IdNumberKind | null {
  if (/^\d{12}$/.test(cleaned)) return 'cccd';
  if (/^\d{9}$/.test(cleaned)) return 'cmnd';
  if (/^\d{10}(-\d{3})?$/.test(cleaned)) return 'tax_code';
  if (/^[A-Z]\d{7}$/.test(cleaned) || (/^[A-Z0-9]{6,9}$/.test(cleaned) && /[A-Z]/.test(cleaned) && /\d/.test(cleaned))) return 'passport';
  return null;
}

/** An identity number as stored: spaces and dots typed between groups removed, letters upper case. */
export function cleanIdNumber(value: string): string {
  return value.replace(/[\s.]/gu, '').toUpperCase();
}

/** A phone number as stored: separators removed, `+84`/`84` written as the leading 0. */
export function cleanPhone(value: string): string {
  const digits = value.replace(/[\s.()-]/gu, '');
  if (/^\+84\d{9,10}$/.test(digits)) return `0${digits.slice(3)}`;
  if (/^84\d{9,10}$/.test(digits) && !/^0/.test(digits)) return `0${digits.slice(2)}`;
  return digits;
}

/** An e-mail address as stored: trimmed. */
export function cleanEmail(value: string): string {
  return value.trim();
}

/** What is wrong with a cleaned identity number, or null. */
export function idNumberProblem(cleaned: string): ContactProblem | null {
  if (cleaned === '') return 'ID_EMPTY';
  return idNumberKind(cleaned) === null ? 'ID_PATTERN' : null;
}

/** What is wrong with a cleaned phone number, or null. */
export function phoneProblem(cleaned: string): ContactProblem | null {
  return /^0[35789]\d{8}$/.test(cleaned) || /^02\d{9}$/.test(cleaned) ? null : 'PHONE_PATTERN';
}

/** What is wrong with a cleaned e-mail address, or null. */
export function emailProblem(cleaned: string): ContactProblem | null {
  return cleaned.length <= 255 && /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/.test(cleaned)
    ? null
    : 'EMAIL_PATTERN';
}
