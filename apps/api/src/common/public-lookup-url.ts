/**
 * The applicant's public lookup link: printed as the receipt's QR code, shown to clerks, sent in
 * e-mails. The web app's public page reads this form (hash route `#/tra-cuu/<code>/<secret>`).
 * Null without a secret (imported dossiers have none).
 */
export function publicLookupUrl(publicBaseUrl: string, code: string, secret: string | null): string | null {
  return secret ? `${publicBaseUrl}/#/tra-cuu/${encodeURIComponent(code)}/${secret}` : null;
}
