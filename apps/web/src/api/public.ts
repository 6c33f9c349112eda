import { API_BASE, apiRequest, apiUpload, queryString, type UploadOptions } from './client';
import type { ConfirmedSubmission, IdentityStatus, NewSubmission, OnlineProcedure, PaymentRequestAnswer, PublicDossier, RatingLevel, SubmissionDraft, SubmissionFile } from './types';

const enc = encodeURIComponent;

/** No login: the code and the secret printed on the receipt are the key. */
export function getPublicDossier(code: string, secret: string, signal?: AbortSignal): Promise<PublicDossier> {
  return apiRequest<PublicDossier>('GET', `/public/dossiers/${enc(code)}${queryString({ secret })}`, { auth: false, signal });
}

export function rateDossier(code: string, body: { secret: string; level: RatingLevel; comment?: string }): Promise<unknown> {
  return apiRequest<unknown>('POST', `/public/dossiers/${enc(code)}/rating`, { auth: false, body });
}

/** A requested supplement's file, sent from the lookup page with the dossier's code and secret. */
export function uploadSupplementFile(code: string, secret: string, componentKey: string, file: File, options: UploadOptions = {}): Promise<unknown> {
  const form = new FormData();
  form.append('secret', secret);
  form.append('componentKey', componentKey);
  form.append('file', file, file.name);
  return apiUpload<unknown>(`/public/dossiers/${enc(code)}/supplement-files`, form, { ...options, auth: false });
}

/** The dossier's payment request (made on first ask): the amount and where to pay. */
export function requestPayment(code: string, secret: string): Promise<PaymentRequestAnswer> {
  return apiRequest<PaymentRequestAnswer>('POST', `/public/dossiers/${enc(code)}/payment-request`, { auth: false, body: { secret } });
}

// ─── Online submission (three steps: start, one file per component, confirm) ───

/** Whether citizens can sign in with the identity provider (VNeID) before submitting. */
export function getIdentityStatus(signal?: AbortSignal): Promise<IdentityStatus> {
  return apiRequest<IdentityStatus>('GET', '/public/identity', { auth: false, signal });
}

/** Where the browser goes to sign in; it comes back to `#<returnTo>/dinh-danh/<token>`. */
export function identityStartUrl(returnTo: string): string {
  return `${API_BASE}/public/identity/start${queryString({ returnTo })}`;
}

export function listOnlineProcedures(signal?: AbortSignal): Promise<OnlineProcedure[]> {
  return apiRequest<OnlineProcedure[]>('GET', '/public/procedures', { auth: false, signal });
}

export function startSubmission(body: NewSubmission): Promise<SubmissionDraft> {
  return apiRequest<SubmissionDraft>('POST', '/public/submissions', { auth: false, body });
}

export function uploadSubmissionFile(draft: { id: string; token: string }, componentKey: string, file: File, options: UploadOptions = {}): Promise<SubmissionFile> {
  const form = new FormData();
  form.append('token', draft.token);
  form.append('componentKey', componentKey);
  form.append('file', file, file.name);
  return apiUpload<SubmissionFile>(`/public/submissions/${enc(draft.id)}/files`, form, { ...options, auth: false });
}

export function confirmSubmission(draft: { id: string; token: string }): Promise<ConfirmedSubmission> {
  return apiRequest<ConfirmedSubmission>('POST', `/public/submissions/${enc(draft.id)}/confirm`, { auth: false, body: { token: draft.token } });
}
