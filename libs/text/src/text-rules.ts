/**
 * What the service accepts as text, and how it compares names. One rule for every input, so a
 * NUL byte, a terminal escape or a right-to-left override never reaches the database, a PDF or a
 * staff member's screen, and "Nguyễn" typed on a phone (NFD) is the same name as typed on a PC (NFC).
 */

/**
 * Characters no input may contain: C0 controls except tab, line feed and carriage return, DEL,
 * and C1 controls. PostgreSQL refuses NUL outright; the others have no business in a form field.
 */
const FORBIDDEN_ANYWHERE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

/**
 * Characters a name or a one-line label may not contain besides those: line breaks and tabs, and
 * invisible format characters (Unicode category Cf: bidirectional overrides and isolates, zero-width
 * spaces and joiners, soft hyphens), which can make a name look like another or reorder what follows it.
 */
const FORBIDDEN_IN_NAMES = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** A name must say something: at least one letter or digit. */
const MEANINGFUL = /[\p{L}\p{N}]/u;

/** The first forbidden character of `value` as `U+XXXX`, or null when there is none. */
export function forbiddenCharacter(value: string): string | null {
  const match = FORBIDDEN_ANYWHERE.exec(value);
  return match ? codePoint(match[0]) : null;
}

/** Every input string, once: Unicode NFC (canonical composition), so equal text is equal bytes. */
export function normaliseText(value: string): string {
  return value.normalize('NFC');
}

/**
 * A person's or a thing's name as stored: NFC, trimmed (Unicode white space included), and inner
 * runs of white space reduced to one space.
 */
export function normaliseName(value: string): string {
  return normaliseText(value).trim().replace(/\s+/gu, ' ');
}

/** Why a (normalised) name is unacceptable, or null when it is fine. */
export function nameProblem(value: string): string | null {
  const bad = FORBIDDEN_IN_NAMES.exec(value);
  if (bad) return `contains the invisible or control character ${codePoint(bad[0])}`;
  if (!MEANINGFUL.test(value)) return 'must contain at least one letter or digit';
  return null;
}

/**
 * The form names are compared in by search: NFD without combining marks (so "Hằng" and "Hang"
 * meet), đ/Đ as d, lower case, one space between words. Vietnamese text folds to plain ASCII, so
 * the comparison works the same in SQLite and PostgreSQL without collations or extensions.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/\s+/gu, ' ');
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
