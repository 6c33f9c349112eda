import { apiRequest, queryString } from './client';
import type { PublicDossier, RatingLevel } from './types';

/** No login: the code and the secret printed on the receipt are the key. */
export function getPublicDossier(code: string, secret: string, signal?: AbortSignal): Promise<PublicDossier> {
  return apiRequest<PublicDossier>('GET', `/public/dossiers/${encodeURIComponent(code)}${queryString({ secret })}`, { auth: false, signal });
}

export function rateDossier(code: string, body: { secret: string; level: RatingLevel; comment?: string }): Promise<unknown> {
  return apiRequest<unknown>('POST', `/public/dossiers/${encodeURIComponent(code)}/rating`, { auth: false, body });
}
