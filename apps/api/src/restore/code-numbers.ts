/**
 * Which numbers the stored codes have used. Pure: the database side is code-sequences.ts.
 * Dossier codes are `<agency id>-YYMMDD-NNNN` (dossier-code.generator.ts; the agency id has no
 * hyphen, see AGENCY_ID), digitisation codes `<dossier code>-SHnn` (files/digitisation-codes.ts).
 */

const DOSSIER_CODE = /^([A-Za-z0-9.]{1,32})-(\d{6})-(\d{4,})$/;
const DIGITISATION_SUFFIX = /-SH(\d{2,})$/;

export interface DayCounter {
  agencyId: string;
  /** YYMMDD, local date. */
  day: string;
  value: number;
}

/** The highest number per agency and day among `codes`; codes of other forms (imported dossiers) are ignored. */
export function highestDossierNumbers(codes: Iterable<string>): DayCounter[] {
  const highest = new Map<string, DayCounter>();
  for (const code of codes) {
    const match = DOSSIER_CODE.exec(code);
    if (!match) continue;
    const [, agencyId, day, digits] = match;
    const value = Number(digits);
    const key = `${agencyId} ${day}`;
    const seen = highest.get(key);
    if (!seen || seen.value < value) highest.set(key, { agencyId, day, value });
  }
  return [...highest.values()];
}

/** The highest digitisation number per dossier among `(dossier id, code)` pairs. */
export function highestDigitisationNumbers(rows: Iterable<{ dossierId: string; code: string }>): Map<string, number> {
  const highest = new Map<string, number>();
  for (const { dossierId, code } of rows) {
    const match = DIGITISATION_SUFFIX.exec(code);
    if (!match) continue;
    const value = Number(match[1]);
    if ((highest.get(dossierId) ?? 0) < value) highest.set(dossierId, value);
  }
  return highest;
}
