import { apiRequest } from './client';
import type { NewPayment, Payment } from './types';

/** Records how the fee was paid (once per dossier: 409 ALREADY_PAID after that). */
export function recordPayment(dossierId: string, payment: NewPayment): Promise<Payment> {
  return apiRequest<Payment>('POST', `/dossiers/${encodeURIComponent(dossierId)}/payment`, { body: payment });
}
