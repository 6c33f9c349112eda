import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDemoPki, toPkcs12, TRIAL_CA_COMMON_NAME } from '@motcua/signatures';

export interface TrialPkiFiles {
  /** The trial CA certificate: the folder of TRUSTED_CA_DIR. */
  caCertificate: string;
  /** The agency's PKCS#12: SIGNING_P12_PATH. */
  p12: string;
  /** Generated when SIGNING_P12_PASSWORD was not given. */
  generatedPassword: string | null;
}

export class TrialPkiError extends Error {}

/**
 * `main.js create-trial-pki --out DIR`: a trial agency CA and an agency certificate issued by it,
 * so that an agency can evaluate signing (mode=sign) before it has a certificate from a Vietnamese
 * CA. Every paper signed with it says on each page that it is a trial without legal value
 * (files.service.ts, libs/documents trial-stamp.ts). The CA key is not kept: it issues nothing else.
 * Writes DIR/trust/trial-ca.pem (set TRUSTED_CA_DIR to DIR/trust) and DIR/agency-trial.p12
 * (SIGNING_P12_PATH), protected by SIGNING_P12_PASSWORD when set, else by a generated password.
 */
export function createTrialPki(argv: string[], env: Record<string, string | undefined>, agencyName: string): TrialPkiFiles {
  const at = argv.indexOf('--out');
  const out = at >= 0 ? argv[at + 1] : undefined;
  if (!out) throw new TrialPkiError('Usage: node main.js create-trial-pki --out <folder>');
  const dir = resolve(out);
  const files = { caCertificate: join(dir, 'trust', 'trial-ca.pem'), p12: join(dir, 'agency-trial.p12') };
  for (const file of Object.values(files)) if (existsSync(file)) throw new TrialPkiError(`${file} exists; not overwritten`);
  const password = env.SIGNING_P12_PASSWORD || null;
  const p12Password = password ?? randomBytes(18).toString('base64url');
  const pki = createDemoPki({ agencyName, commonName: `${agencyName} (THỬ NGHIỆM)`, caCommonName: TRIAL_CA_COMMON_NAME, validityYears: 1 });
  mkdirSync(join(dir, 'trust'), { recursive: true, mode: 0o755 });
  writeFileSync(files.caCertificate, pki.caCertPem, { mode: 0o644 });
  writeFileSync(files.p12, toPkcs12(pki.agencyKeyPem, [pki.agencyCertPem, pki.caCertPem], p12Password), { mode: 0o600 });
  return { ...files, generatedPassword: password ? null : p12Password };
}
