import { apiRequest, queryString } from './client';
import type { Procedure, ProcedureComponent, ProcedureStep, ResponseOf } from './types';

/** What the catalogue marks as not read in a published source ("chưa xác minh"). */
export type ProcedureVerification = Procedure['verification'];
export type CatalogueProcedure = Procedure;
export type ProcedureVersion = ResponseOf<'/api/admin/procedures/{code}/versions', 'get'>[number];

/** The parts of a procedure an administrator edits; each save is a new version. */
export interface ProcedureEdit {
  name: string;
  field: string;
  processingTime: { amount: number; unit: string } | null;
  fee: { amountVnd: number | null; text: string | null };
  paperResult: boolean;
  resultName: string | null;
  components: ProcedureComponent[];
  steps: ProcedureStep[];
}

export const listCatalogue = () => apiRequest<CatalogueProcedure[]>('GET', '/procedures');
export const procedureVersions = (code: string) => apiRequest<ProcedureVersion[]>('GET', `/admin/procedures/${encodeURIComponent(code)}/versions`);
export const saveProcedure = (code: string, expectedVersion: number, edit: ProcedureEdit, reason: string) =>
  apiRequest<CatalogueProcedure>('PUT', `/admin/procedures/${encodeURIComponent(code)}`, { body: { ...edit, expectedVersion, reason } });

export type OutboxPage = ResponseOf<'/api/admin/outbox', 'get'>;
export type OutboxMessage = OutboxPage['items'][number];
export type OutboxStatus = OutboxMessage['status'];
export type OutboxDetail = ResponseOf<'/api/admin/outbox/{id}', 'get'>;
export type OutboxAction = OutboxDetail['actions'][number];

export const listOutbox = (status: OutboxStatus | '', page: number) => apiRequest<OutboxPage>('GET', `/admin/outbox${queryString({ status, page, pageSize: 50 })}`);
export const outboxMessage = (id: string) => apiRequest<OutboxDetail>('GET', `/admin/outbox/${encodeURIComponent(id)}`);
export const decideOutbox = (id: string, action: 'retry' | 'discard', reason: string) =>
  apiRequest<OutboxDetail>('POST', `/admin/outbox/${encodeURIComponent(id)}/${action}`, { body: { reason } });

type ImportAnswer = ResponseOf<'/api/admin/dossiers/import', 'post'>;
/** The preview (`dryRun=true`): counts and the problems by line. */
export type ImportResult = Extract<ImportAnswer, { dryRun: true }>;
export type ImportProblem = ImportResult['problems'][number];

const ndjson = (file: Blob) => ({ body: file, headers: { 'content-type': 'application/x-ndjson' } });

/** The NDJSON file as it is, only validated: the preview (nothing written). */
export const previewImport = (file: Blob) => apiRequest<ImportResult>('POST', '/admin/dossiers/import?dryRun=true', ndjson(file));

/** The NDJSON file imported, all of it or nothing. */
export const importDossiers = (file: Blob) => apiRequest<Exclude<ImportAnswer, ImportResult>>('POST', '/admin/dossiers/import', ndjson(file));

export type AdminDepartment = ResponseOf<'/api/admin/departments', 'get'>[number];
export type DepartmentChange = ResponseOf<'/api/admin/departments/{code}/changes', 'get'>[number];

export const listAdminDepartments = () => apiRequest<AdminDepartment[]>('GET', '/admin/departments');
export const departmentChanges = (code: string) => apiRequest<DepartmentChange[]>('GET', `/admin/departments/${encodeURIComponent(code)}/changes`);
export const createDepartment = (code: string, name: string, reason: string) =>
  apiRequest<AdminDepartment>('POST', '/admin/departments', { body: { code, name, ...(reason ? { reason } : {}) } });
export const renameDepartment = (code: string, version: number, name: string, reason: string) =>
  apiRequest<AdminDepartment>('PATCH', `/admin/departments/${encodeURIComponent(code)}`, { body: { version, name, ...(reason ? { reason } : {}) } });
export const setDepartmentActive = (code: string, version: number, active: boolean, reason: string) =>
  apiRequest<AdminDepartment>('POST', `/admin/departments/${encodeURIComponent(code)}/${active ? 'reactivate' : 'deactivate'}`, { body: { version, reason } });
