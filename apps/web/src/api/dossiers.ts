import { apiRequest, queryString } from './client';
import type { Dossier, DossierEventBody, DossierPage, DossierQuery, HistoryEntry, NewDossier, TabCounts } from './types';

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
