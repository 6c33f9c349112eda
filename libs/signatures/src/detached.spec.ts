import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import forge from 'node-forge';
import { createDemoPki, loadPkcs12, signDetached, verifyDetached, type DemoPki, type SigningIdentity } from './index';
import { codes, withByte } from './spec-fixtures';

/** A PNG-like scan: the PNG signature followed by random bytes. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200_000)]);

let pki: DemoPki;
let identity: SigningIdentity;
let cms: Buffer;
const trust = () => ({ anchorsPem: [pki.caCertPem] });

beforeAll(async () => {
  pki = createDemoPki({ agencyName: 'UBND xã Tam Đường' });
  identity = loadPkcs12(pki.p12, pki.p12Password);
  cms = await signDetached(PNG, identity);
});

describe('detached CMS over a scan', () => {
  it('round-trips: valid, with signer, signing time and the SHA-256 of the data', async () => {
    const verdict = await verifyDetached(PNG, cms, trust());
    expect(verdict.reasons).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(verdict.signer?.name).toBe('UBND xã Tam Đường');
    expect(verdict.signingTime).toBeInstanceOf(Date);
    expect(verdict.dataSha256).toBe(createHash('sha256').update(PNG).digest('hex'));
  });

  it('signs and verifies streams', async () => {
    const chunks = () => Readable.from([PNG.subarray(0, 1000), PNG.subarray(1000, 70_000), PNG.subarray(70_000)]);
    const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    const streamed = await signDetached(chunks(), identity, { signingTime });
    const verdict = await verifyDetached(chunks(), streamed, trust());
    expect(verdict.valid).toBe(true);
    expect(verdict.signingTime).toEqual(signingTime);
    expect((await verifyDetached(PNG, streamed, trust())).valid).toBe(true);
  });

  it('one changed byte of the data → DIGEST_MISMATCH', async () => {
    const verdict = await verifyDetached(withByte(PNG, 12_345, PNG[12_345] ^ 0xff), cms, trust());
    expect(codes(verdict)).toEqual(['DIGEST_MISMATCH']);
  });

  it('one changed byte of the signature value → SIGNATURE_INVALID', async () => {
    const index = cms.length - 10; // inside the RSA signature, the last field of the CMS
    expect(codes(await verifyDetached(PNG, withByte(cms, index, cms[index] ^ 0x01), trust()))).toEqual(['SIGNATURE_INVALID']);
  });

  it('an untrusted signer → UNTRUSTED_CHAIN', async () => {
    const stranger = createDemoPki({ agencyName: 'Cơ quan lạ' });
    const foreign = await signDetached(PNG, loadPkcs12(stranger.p12, stranger.p12Password));
    expect(codes(await verifyDetached(PNG, foreign, trust()))).toEqual(['UNTRUSTED_CHAIN']);
  });

  it('garbage instead of a CMS → MALFORMED, still reporting the data digest', async () => {
    const verdict = await verifyDetached(PNG, Buffer.from('not a signature'), trust());
    expect(codes(verdict)).toEqual(['MALFORMED']);
    expect(verdict.dataSha256).toBe(createHash('sha256').update(PNG).digest('hex'));
  });

  it('a failing data stream rejects (an I/O error is not a verdict)', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk on fire'));
      },
    });
    await expect(verifyDetached(failing, cms, trust())).rejects.toThrow('disk on fire');
  });

  it('bytes after the CMS → MALFORMED', async () => {
    expect(codes(await verifyDetached(PNG, Buffer.concat([cms, Buffer.from([0x00])]), trust()))).toEqual(['MALFORMED']);
  });
});

describe('CMS produced elsewhere (node-forge)', () => {
  function forgeSign(content: Buffer, options: { detached: boolean; digest: 'sha256' | 'sha1' }): Buffer {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(content.toString('binary'));
    const certificate = forge.pki.certificateFromPem(pki.agencyCertPem);
    p7.addCertificate(certificate);
    p7.addSigner({
      key: forge.pki.privateKeyFromPem(pki.agencyKeyPem),
      certificate,
      digestAlgorithm: forge.pki.oids[options.digest],
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.messageDigest },
        { type: forge.pki.oids.signingTime, value: new Date() as unknown as string },
      ],
    });
    p7.sign({ detached: options.detached });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }

  it('a detached SHA-256 signature verifies', async () => {
    expect((await verifyDetached(PNG, forgeSign(PNG, { detached: true, digest: 'sha256' }), trust())).reasons).toEqual([]);
  });

  it('a signature that encapsulates other content is refused, whatever data it is checked against', async () => {
    // pkijs' SignedData.verify would check the embedded content and ignore the data given.
    const attached = forgeSign(Buffer.from('something else entirely'), { detached: false, digest: 'sha256' });
    expect(codes(await verifyDetached(PNG, attached, trust()))).toEqual(['MALFORMED']);
  });

  it('a SHA-1 digest is refused → WEAK_ALGORITHM', async () => {
    expect(codes(await verifyDetached(PNG, forgeSign(PNG, { detached: true, digest: 'sha1' }), trust()))).toEqual(['WEAK_ALGORITHM']);
  });
});
