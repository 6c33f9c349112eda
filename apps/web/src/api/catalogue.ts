import { apiRequest } from './client';
import type { Department, Procedure } from './types';

export function listProcedures(signal?: AbortSignal): Promise<Procedure[]> {
  return apiRequest<Procedure[]>('GET', '/procedures', { signal });
}

export function getProcedure(code: string, signal?: AbortSignal): Promise<Procedure> {
  return apiRequest<Procedure>('GET', `/procedures/${encodeURIComponent(code)}`, { signal });
}

export function listDepartments(signal?: AbortSignal): Promise<Department[]> {
  return apiRequest<Department[]>('GET', '/departments', { signal });
}
