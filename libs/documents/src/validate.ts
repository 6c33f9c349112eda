import type { AgencySigner, PaperBase } from './types';

/**
 * Input checks. The types already say what is required, but data comes from the database and
 * HTTP; a paper with an empty name or an Invalid Date must fail loudly, not print "undefined"
 * or "NaN" on a legal document.
 */
export function requireText(value: string | undefined, name: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`${name} is required`);
}

export function requireDate(value: Date | undefined, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError(`${name} must be a valid Date`);
}

export function requireList(value: readonly unknown[] | undefined, name: string): void {
  if (!Array.isArray(value) || value.length === 0) throw new TypeError(`${name} must list at least one item`);
}

export function requireCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0`);
}

/** The checks every paper shares. */
export function validateBase(data: PaperBase): void {
  requireText(data.issuer?.agencyName, 'issuer.agencyName');
  requireText(data.issuer?.place, 'issuer.place');
  requireText(data.dossierCode, 'dossierCode');
  requireText(data.applicant?.name, 'applicant.name');
  requireText(data.applicant?.idNumber, 'applicant.idNumber');
  if (typeof data.procedure?.code !== 'string') throw new TypeError('procedure.code must be a string (empty when there is no national code)');
  requireText(data.procedure?.name, 'procedure.name');
  requireDate(data.issuedAt, 'issuedAt');
  requireText(data.publicLookupUrl, 'publicLookupUrl');
  if (data.lookup) {
    requireText(data.lookup.pageUrl, 'lookup.pageUrl');
    requireText(data.lookup.code, 'lookup.code');
  }
}

/** An agency signature needs a name and both titles: a paper signed by nobody in particular is no paper. */
export function requireSigner(signer: AgencySigner | undefined): void {
  requireText(signer?.name, 'signer.name');
  requireText(signer?.title, 'signer.title');
  requireText(signer?.headTitle, 'signer.headTitle');
}
