import { SignatureError } from './errors';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** All PEM blocks with the given label (e.g. `CERTIFICATE`), decoded to DER, in order. */
export function pemBlocks(pem: string, label: string): Buffer[] {
  const blocks: Buffer[] = [];
  for (const match of pem.matchAll(PEM_BLOCK)) {
    if (match[1] !== label) continue;
    const body = match[2].replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length === 0) {
      throw new SignatureError('INVALID_PEM', `Invalid base64 in PEM ${label} block`);
    }
    blocks.push(Buffer.from(body, 'base64'));
  }
  return blocks;
}

/** The single certificate of a PEM string, as DER. Throws `INVALID_PEM` otherwise. */
export function certificateDer(pem: string): Buffer {
  const blocks = pemBlocks(pem, 'CERTIFICATE');
  if (blocks.length !== 1) {
    throw new SignatureError('INVALID_PEM', `Expected exactly one PEM certificate, found ${blocks.length}`);
  }
  return blocks[0];
}

/** DER → PEM with 64-column lines. */
export function toPem(der: Uint8Array, label: string): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
