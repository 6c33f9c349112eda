import { randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { TestApp } from './test-app';

/**
 * A small but well-formed PDF; `marker` makes each one's bytes (and SHA-256) unique. `filler`
 * (any bytes, e.g. to make it large) goes in a comment before the trailer, so the file still ends with `%%EOF`.
 */
export function samplePdf(marker = randomBytes(8).toString('hex'), filler: Buffer = Buffer.alloc(0)): Buffer {
  const head = `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${marker}\n%`;
  return Buffer.concat([Buffer.from(head, 'latin1'), filler, Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

/** A real 1×1 PNG. */
export function samplePng(): Buffer {
  return Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
}

export async function uploadComponent(t: TestApp, user: string, dossierId: string, key: string, content: Buffer, fileName = 'ban-scan.pdf') {
  const token = await t.login(user);
  return t.http().post(`/api/dossiers/${dossierId}/components/${encodeURIComponent(key)}/files`).set('authorization', `Bearer ${token}`).attach('file', content, fileName);
}

/** Uploads a scan for every required component of the dossier's procedure (what the clerk does before COMPLETE_DIGITISATION). */
export async function digitiseRequired(t: TestApp, dossierId: string): Promise<void> {
  const token = await t.login('clerk');
  const dossier = (await t.http().get(`/api/dossiers/${dossierId}`).set('authorization', `Bearer ${token}`).expect(200)).body;
  const procedure = (await t.http().get(`/api/procedures/${dossier.procedureCode}`).set('authorization', `Bearer ${token}`).expect(200)).body;
  for (const c of procedure.components.filter((x: { required: boolean }) => x.required)) {
    const res = await uploadComponent(t, 'clerk', dossierId, c.key, samplePdf());
    if (res.status !== 201) throw new Error(`upload ${c.key} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** A real one-page PDF (pdf-lib), for results that get signed. */
export async function resultPdf(text = 'Giay chung nhan'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

/** The last step's handler attaches the result, signed by the service with the agency certificate. */
export async function attachSignedResult(t: TestApp, user: string, dossierId: string, pdf?: Buffer, mode: 'sign' | 'signed' = 'sign') {
  const token = await t.login(user);
  return t
    .http()
    .post(`/api/dossiers/${dossierId}/result`)
    .set('authorization', `Bearer ${token}`)
    .field('mode', mode)
    .attach('file', pdf ?? (await resultPdf()), 'ket-qua.pdf');
}
