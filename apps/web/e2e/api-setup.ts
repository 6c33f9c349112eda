/**
 * Preparing data through the real API for browser tests whose subject is another screen (the counter
 * screens have their own browser test): a dossier received, scanned and in processing at step 1.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DEMO_PASSWORD } from './harness';

async function scan(): Promise<Blob> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Ban quet', { x: 60, y: 760, size: 16, font: await doc.embedFont(StandardFonts.Helvetica) });
  return new Blob([Buffer.from(await doc.save())], { type: 'application/pdf' });
}

export async function dossierAtFirstStep(apiUrl: string, procedureCode: string, fullName = 'Lò Văn Minh'): Promise<string> {
  return (await dossierInProcessing(apiUrl, procedureCode, fullName)).code;
}

/** The same, with its id. */
export async function dossierInProcessing(apiUrl: string, procedureCode: string, fullName: string): Promise<{ id: string; code: string }> {
  const { id, code, version, complete } = await receivedWithScans(apiUrl, procedureCode, fullName);
  await complete(version);
  return { id, code };
}

/** A dossier received at the counter with a scan for every required component, digitisation not yet completed. */
export async function receivedWithScans(apiUrl: string, procedureCode: string, fullName: string) {
  const call = async (path: string, token: string | null, init: RequestInit = {}) => {
    const res = await fetch(`${apiUrl}/api${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } });
    const body = await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const { accessToken } = await call('/auth/login', null, json({ username: 'clerk', password: DEMO_PASSWORD }));
  const applicant = { fullName, idNumber: '012345678901', phone: '0912345678', address: 'Phường Tân Phong, tỉnh Lai Châu' };
  const dossier = await call('/dossiers', accessToken, json({ procedureCode, channel: 'direct', applicant }));
  const procedure = await call(`/procedures/${procedureCode}`, accessToken);
  for (const c of procedure.components.filter((x: { required: boolean }) => x.required)) {
    const form = new FormData();
    form.append('file', await scan(), 'ban-quet.pdf');
    await call(`/dossiers/${dossier.id}/components/${encodeURIComponent(c.key)}/files`, accessToken, { method: 'POST', body: form });
  }
  return {
    id: dossier.id as string,
    code: dossier.code as string,
    version: dossier.version as number,
    firstComponent: procedure.components.find((x: { required: boolean }) => x.required).key as string,
    /** Uploads one more scan (e.g. a wrong one) for a component. */
    upload: async (componentKey: string, fileName: string) => {
      const form = new FormData();
      form.append('file', await scan(), fileName);
      return call(`/dossiers/${dossier.id}/components/${encodeURIComponent(componentKey)}/files`, accessToken, { method: 'POST', body: form });
    },
    complete: (version: number) => call(`/dossiers/${dossier.id}/events`, accessToken, json({ type: 'COMPLETE_DIGITISATION', expectedVersion: version })),
  };
}
