import { digitiseRequired } from './files';
import { submitOnline } from './portal-inbound';
import type { TestApp } from './test-app';

export const APPLICANT = {
  fullName: 'Nguyễn Thị Thu Hương',
  idNumber: '012345678901',
  phone: '0912345678',
  email: 'huong.nguyen@example.vn',
  address: 'Tổ 5, phường Đông Phong, tỉnh Lai Châu',
};

/** Demo account for each department used by processing steps. */
export const USER_BY_DEPARTMENT: Record<string, string> = { PQLKH: 'specialist', PQLCN: 'specialist2', BGD: 'leader' };

export interface ProcedureSummary {
  code: string;
  steps: Array<{ key: string; departmentCode: string; role: string }>;
  processingTime: { amount: number; unit: string } | null;
}

/**
 * A procedure whose every step is handled by a demo account, preferring one that
 * passes through two specialist departments (so the walk crosses departments).
 */
export async function pickWalkableProcedure(t: TestApp, opts: { minSteps?: number } = {}): Promise<ProcedureSummary> {
  const token = await t.login('clerk');
  const res = await t.http().get('/api/procedures').set('authorization', `Bearer ${token}`).expect(200);
  const all = res.body as ProcedureSummary[];
  const walkable = all.filter((p) => p.steps.every((s) => USER_BY_DEPARTMENT[s.departmentCode]) && p.steps.length >= (opts.minSteps ?? 1));
  const crossing = walkable.filter((p) => new Set(p.steps.filter((s) => s.role === 'specialist').map((s) => s.departmentCode)).size >= 2);
  const chosen = crossing[0] ?? walkable.sort((a, b) => b.steps.length - a.steps.length)[0];
  if (!chosen) throw new Error('The seeded catalogue has no procedure the demo accounts can walk through');
  return chosen;
}

/**
 * Creates a dossier at the counter and, unless told otherwise, scans its required components. An
 * online dossier comes through the real online path instead (the national portal's inbound
 * endpoint), with the required components' files unless `scan` is false.
 */
export interface CreatedDossier {
  id: string;
  code: string;
  version: number;
  state: string;
  dueAt: string | null;
  allowedEvents: string[];
}

export async function createDossier(t: TestApp, procedureCode: string, channel: 'direct' | 'online' | 'postal' = 'direct', options: { scan?: boolean } = {}): Promise<CreatedDossier> {
  if (channel === 'online') return (await submitOnline(t, procedureCode, { withFiles: options.scan !== false })) as CreatedDossier;
  const token = await t.login('clerk');
  const res = await t.http().post('/api/dossiers').set('authorization', `Bearer ${token}`).send({ procedureCode, channel, applicant: APPLICANT });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (options.scan !== false) await digitiseRequired(t, res.body.id);
  return res.body as CreatedDossier;
}

export async function sendEvent(t: TestApp, username: string, id: string, body: Record<string, unknown>) {
  const token = await t.login(username);
  return t.http().post(`/api/dossiers/${id}/events`).set('authorization', `Bearer ${token}`).send(body);
}

/** A new dossier walked to the procedure's last step, and the account (the leader) who may attach its result there. */
export async function dossierAtLastStep(t: TestApp, procedure: ProcedureSummary): Promise<{ id: string; leader: string }> {
  const d = await createDossier(t, procedure.code);
  let version = (await sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version })).body.version;
  for (let i = 0; i < procedure.steps.length - 1; i++) {
    version = (await sendEvent(t, USER_BY_DEPARTMENT[procedure.steps[i].departmentCode], d.id, { type: 'FORWARD', expectedVersion: version })).body.version;
  }
  return { id: d.id, leader: USER_BY_DEPARTMENT[procedure.steps[procedure.steps.length - 1].departmentCode] };
}
