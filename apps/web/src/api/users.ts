import { apiRequest } from './client';
import type { LoginResponse, ResponseOf, Role } from './types';

/** A staff account as administrators see it. */
export type StaffAccount = ResponseOf<'/api/admin/users', 'get'>[number];
export type AccountChange = ResponseOf<'/api/admin/users/{id}/changes', 'get'>[number];

export interface AccountFields {
  fullName: string;
  title: string | null;
  roles: Role[];
  departmentCode: string | null;
}

/** The account and its temporary password, shown once. */
export type WithTemporaryPassword = ResponseOf<'/api/admin/users', 'post'>;

export const listAccounts = (signal?: AbortSignal) => apiRequest<StaffAccount[]>('GET', '/admin/users', { signal });

export const accountChanges = (id: string, signal?: AbortSignal) => apiRequest<AccountChange[]>('GET', `/admin/users/${encodeURIComponent(id)}/changes`, { signal });

export const createAccount = (fields: AccountFields & { username: string }) => apiRequest<WithTemporaryPassword>('POST', '/admin/users', { body: fields });

export const updateAccount = (id: string, version: number, fields: Partial<AccountFields>, reason: string) =>
  apiRequest<StaffAccount>('PATCH', `/admin/users/${encodeURIComponent(id)}`, { body: { version, ...fields, ...(reason ? { reason } : {}) } });

export const setAccountActive = (id: string, version: number, active: boolean, reason: string) =>
  apiRequest<StaffAccount>('POST', `/admin/users/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`, { body: { version, reason } });

export const resetAccountPassword = (id: string, version: number, reason: string) =>
  apiRequest<WithTemporaryPassword>('POST', `/admin/users/${encodeURIComponent(id)}/reset-password`, { body: { version, reason } });

/** The account and its one-time reset link, shown once (the server keeps only the token's hash). */
export type WithResetLink = ResponseOf<'/api/admin/users/{id}/reset-link', 'post'>;

export const issueResetLink = (id: string, version: number, reason: string) =>
  apiRequest<WithResetLink>('POST', `/admin/users/${encodeURIComponent(id)}/reset-link`, { body: { version, reason } });

/** No login: the person the link was made for. The token goes in the body, never in a URL. */
export const inspectResetLink = (token: string) =>
  apiRequest<ResponseOf<'/api/auth/password-reset/inspect', 'post'>>('POST', '/auth/password-reset/inspect', { auth: false, body: { token } });

export const spendResetLink = (token: string, newPassword: string) =>
  apiRequest<ResponseOf<'/api/auth/password-reset', 'post'>>('POST', '/auth/password-reset', { auth: false, body: { token, newPassword } });

export const changeOwnPassword = (currentPassword: string, newPassword: string) => apiRequest<LoginResponse>('POST', '/auth/password', { body: { currentPassword, newPassword } });
