import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCertificates } from '@motcua/signatures';

const CERTIFICATE_FILE = /\.(pem|crt|cer|der)$/i;

/** What one folder of certificates gave: the usable files and the broken ones (by file name). */
export interface TrustFolder {
  /** Raw contents of each usable file (PEM text or DER bytes). */
  certificates: Array<string | Uint8Array>;
  loaded: Array<{ file: string; certificates: number; sha256: string[] }>;
  broken: Array<{ file: string; problem: string }>;
}

/**
 * Reads every certificate file of `dir` (not recursive), each on its own: a broken file is
 * reported and skipped, so one bad anchor never takes the others — or uploads — down.
 */
export function readTrustFolder(dir: string): TrustFolder {
  const folder: TrustFolder = { certificates: [], loaded: [], broken: [] };
  if (!existsSync(dir)) return folder;
  for (const name of readdirSync(dir).filter((f) => CERTIFICATE_FILE.test(f)).sort()) {
    const path = join(dir, name);
    try {
      if (!statSync(path).isFile()) continue;
      const bytes = readFileSync(path);
      const text = bytes.subarray(0, 4096).toString('latin1').includes('-----BEGIN') ? bytes.toString('latin1') : undefined;
      const input = text ?? new Uint8Array(bytes);
      const certs = parseCertificates(input);
      if (certs.length === 0) throw new Error('no certificate in the file');
      folder.certificates.push(input);
      folder.loaded.push({ file: path, certificates: certs.length, sha256: certs.map((c) => createHash('sha256').update(new Uint8Array(c.toSchema().toBER())).digest('hex')) });
    } catch (error) {
      folder.broken.push({ file: path, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  return folder;
}

export function mergeFolders(...folders: TrustFolder[]): TrustFolder {
  return {
    certificates: folders.flatMap((f) => f.certificates),
    loaded: folders.flatMap((f) => f.loaded),
    broken: folders.flatMap((f) => f.broken),
  };
}
