import { apiRequest } from './client';
import type { LoginResponse } from './types';

export function login(username: string, password: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('POST', '/auth/login', { body: { username, password }, auth: false });
}
