/**
 * The applicant's public lookup link: printed as the receipt's QR code, shown to clerks, sent in
 * e-mails. The web app's public page reads this form (hash route `#/tra-cuu/<code>/<secret>`).
 * Null without a secret (imported dossiers have none).
 */
export function publicLookupUrl(publicBaseUrl: string, code: string, secret: string | null): string | null {
  return secret ? `${publicBaseUrl}/#/tra-cuu/${encodeURIComponent(code)}/${secret}` : null;
}

/** The text with the secret of every lookup link in it replaced by `***`: for logs, which must never hold one. */
export function redactLookupSecrets(text: string): string {
  return text.replace(/(\/#\/tra-cuu\/[^/\s]+\/)[^\s/?#]+/g, '$1***');
}
