import { createHash } from 'node:crypto';
import { sameSecret } from './secrets';

/** Crockford base32: no I, L, O, U, so what is read off paper is what is typed. */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The short "Mã tra cứu" printed on papers (8 characters, shown `XXXX-XXXX`), derived from the
 * dossier's lookup secret so no column stores it: a citizen types it with the dossier code on the
 * public page instead of the 24-character secret of the QR link. 40 bits against a rate-limited
 * endpoint that answers "not found" alike for a wrong code and a wrong secret.
 */
export function lookupCodeOf(secret: string): string {
  const digest = createHash('sha256').update(`motcua-lookup-code:${secret}`).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 7; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a citizen typed, read leniently: any case, spaces and dashes, O for 0, I or L for 1. */
function normaliseTyped(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Whether `given` opens the dossier: its full lookup secret, or its short code typed in any case or spacing. */
export function matchesLookupSecret(secret: string, given: string): boolean {
  if (sameSecret(secret, given)) return true;
  return sameSecret(normaliseTyped(lookupCodeOf(secret)), normaliseTyped(given));
}

/** A dossier code as typed: spaces dropped, upper case (codes are `000.00.20.H35-261207-0001`). */
export function normaliseDossierCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}
