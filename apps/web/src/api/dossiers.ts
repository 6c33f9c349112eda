import { apiBlob, apiRequest, queryString, type BinaryFile } from './client';
import type { AssignablePerson, Dossier, DossierEventBody, SavedFilter, DossierPage, DossierQuery, HistoryEntry, NewDossier, TabCounts } from './types';

/** Creates a dossier at the counter. The same key with the same body never makes a second dossier. */
export function createDossier(input: NewDossier, idempotencyKey: string): Promise<Dossier> {
  return apiRequest<Dossier>('POST', '/dossiers', { body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function listDossiers(query: DossierQuery, signal?: AbortSignal): Promise<DossierPage> {
  return apiRequest<DossierPage>('GET', `/dossiers${queryString(query)}`, { signal });
}

/** The tabs' counts for the same filters as the list (its tab and paging aside). */
export function tabCounts(query: DossierQuery, signal?: AbortSignal): Promise<TabCounts> {
  const { tab: _tab, page: _page, pageSize: _size, ...filters } = query;
  return apiRequest<TabCounts>('GET', `/dossiers/tab-counts${queryString(filters)}`, { signal });
}

/** Corrects the applicant's data before the result; audited with the reason. */
export function correctApplicant(id: string, expectedVersion: number, reason: string, applicant: NewDossier['applicant']): Promise<Dossier> {
  return apiRequest<Dossier>('PATCH', `/dossiers/${encodeURIComponent(id)}/applicant`, { body: { expectedVersion, reason, applicant } });
}

export function getDossier(id: string, signal?: AbortSignal): Promise<Dossier> {
  return apiRequest<Dossier>('GET', `/dossiers/${encodeURIComponent(id)}`, { signal });
}

export function getHistory(id: string, signal?: AbortSignal): Promise<HistoryEntry[]> {
  return apiRequest<HistoryEntry[]>('GET', `/dossiers/${encodeURIComponent(id)}/history`, { signal });
}

export function sendEvent(id: string, event: DossierEventBody): Promise<Dossier> {
  return apiRequest<Dossier>('POST', `/dossiers/${encodeURIComponent(id)}/events`, { body: event });
}

/** Takes the dossier at its current step (a handler of the step). */
export function claimDossier(id: string, expectedVersion: number): Promise<Dossier> {
  return apiRequest<Dossier>('POST', `/dossiers/${encodeURIComponent(id)}/claim`, { body: { expectedVersion } });
}

/** Gives the dossier back to its department (the holder, or the department's leader). */
export function releaseDossier(id: string, expectedVersion: number): Promise<Dossier> {
  return apiRequest<Dossier>('POST', `/dossiers/${encodeURIComponent(id)}/release`, { body: { expectedVersion } });
}

/** A leader of the step's department gives the dossier to one of its handlers. */
export function assignDossier(id: string, expectedVersion: number, userId: string): Promise<Dossier> {
  return apiRequest<Dossier>('POST', `/dossiers/${encodeURIComponent(id)}/assign`, { body: { expectedVersion, userId } });
}

export function assignableUsers(id: string, signal?: AbortSignal): Promise<AssignablePerson[]> {
  return apiRequest<AssignablePerson[]>('GET', `/dossiers/${encodeURIComponent(id)}/assignable-users`, { signal });
}

/** The list under the same filters and tab (no paging) as an Excel workbook. */
export function exportDossiers(query: DossierQuery): Promise<BinaryFile> {
  const { page: _page, pageSize: _size, ...filters } = query;
  return apiBlob(`/dossiers/export${queryString(filters)}`);
}

export function listSavedFilters(signal?: AbortSignal): Promise<SavedFilter[]> {
  return apiRequest<SavedFilter[]>('GET', '/saved-filters', { signal });
}

export function saveFilter(name: string, query: SavedFilter['query']): Promise<SavedFilter> {
  return apiRequest<SavedFilter>('POST', '/saved-filters', { body: { name, query } });
}

export function deleteSavedFilter(id: string): Promise<void> {
  return apiRequest<void>('DELETE', `/saved-filters/${encodeURIComponent(id)}`);
}
