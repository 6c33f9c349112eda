import { apiRequest, queryString } from './client';
import type { Procedure, ProcedureComponent, ProcedureStep } from './types';

/** What the catalogue marks as not read in a published source ("chưa xác minh"). */
export interface ProcedureVerification {
  verified: boolean;
  label: string | null;
  unverifiedFields: string[];
  notes: string[];
}

export interface CatalogueProcedure extends Procedure {
  versionId: string;
  verification: ProcedureVerification;
}

export interface ProcedureVersion extends CatalogueProcedure {
  /** The administrator's full name; null for the version loaded from the catalogue files. */
  changedBy: string | null;
  changedAt: string;
  reason: string | null;
  changedParts: string[];
}

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

export type OutboxStatus = 'pending' | 'delivering' | 'delivered' | 'dead' | 'discarded' | 'held';

export interface OutboxMessage {
  id: string;
  topic: string;
  channel: string;
  aggregateType: string;
  aggregateId: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface OutboxAction {
  action: 'retry' | 'discard' | 'hold' | 'release';
  fromStatus: OutboxStatus;
  previousAttempts: number;
  previousError: string | null;
  reason: string | null;
  actorUsername: string;
  actorFullName: string | null;
  occurredAt: string;
}

export interface OutboxDetail extends OutboxMessage {
  payload: Record<string, unknown>;
  actions: OutboxAction[];
}

export interface OutboxPage {
  items: OutboxMessage[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<OutboxStatus, number>;
}

export const listOutbox = (status: OutboxStatus | '', page: number) => apiRequest<OutboxPage>('GET', `/admin/outbox${queryString({ status, page, pageSize: 50 })}`);
export const outboxMessage = (id: string) => apiRequest<OutboxDetail>('GET', `/admin/outbox/${encodeURIComponent(id)}`);
export const decideOutbox = (id: string, action: 'retry' | 'discard', reason: string) =>
  apiRequest<OutboxDetail>('POST', `/admin/outbox/${encodeURIComponent(id)}/${action}`, { body: { reason } });

export interface ImportProblem {
  line: number;
  field: string | null;
  message: string;
}

export interface ImportResult {
  dryRun: boolean;
  read: number;
  valid: number;
  imported: number;
  closed: number;
  problems: ImportProblem[];
  totalProblems: number;
}

const ndjson = (file: Blob) => ({ body: file, headers: { 'content-type': 'application/x-ndjson' } });

/** The NDJSON file as it is, only validated: the preview (nothing written). */
export const previewImport = (file: Blob) => apiRequest<ImportResult>('POST', '/admin/dossiers/import?dryRun=true', ndjson(file));

/** The NDJSON file imported, all of it or nothing. */
export const importDossiers = (file: Blob) => apiRequest<{ imported: number; closed: number }>('POST', '/admin/dossiers/import', ndjson(file));

export interface AdminDepartment {
  code: string;
  name: string;
  active: boolean;
  version: number;
  createdAt: string;
  activeUsers: number;
  procedures: string[];
}

export interface DepartmentChange {
  id: string;
  action: 'created' | 'renamed' | 'deactivated' | 'reactivated';
  changes: Record<string, [unknown, unknown]>;
  reason: string | null;
  actorFullName: string | null;
  occurredAt: string;
}

export const listAdminDepartments = () => apiRequest<AdminDepartment[]>('GET', '/admin/departments');
export const departmentChanges = (code: string) => apiRequest<DepartmentChange[]>('GET', `/admin/departments/${encodeURIComponent(code)}/changes`);
export const createDepartment = (code: string, name: string, reason: string) =>
  apiRequest<AdminDepartment>('POST', '/admin/departments', { body: { code, name, ...(reason ? { reason } : {}) } });
export const renameDepartment = (code: string, version: number, name: string, reason: string) =>
  apiRequest<AdminDepartment>('PATCH', `/admin/departments/${encodeURIComponent(code)}`, { body: { version, name, ...(reason ? { reason } : {}) } });
export const setDepartmentActive = (code: string, version: number, active: boolean, reason: string) =>
  apiRequest<AdminDepartment>('POST', `/admin/departments/${encodeURIComponent(code)}/${active ? 'reactivate' : 'deactivate'}`, { body: { version, reason } });
