import type {
  FeedbackCategory,
  FeedbackEventType,
  FeedbackPhase,
  FeedbackSource,
  FeedbackState,
  FeedbackVerdict,
} from '@motcua/workflow/vocabulary';
import { apiRequest, queryString } from './client';
import type { BodyOf, QueryOf, ResponseOf } from './types';

export type { FeedbackCategory, FeedbackEventType, FeedbackPhase, FeedbackSource, FeedbackState, FeedbackVerdict };

/** A feedback (phản ánh, kiến nghị) as staff see it: GET /api/feedback/:id. */
export type Feedback = ResponseOf<'/api/feedback/{id}', 'get'>;
/** One deadline phase's clock (the API's `phases`), with the working time left on staff screens. */
export type FeedbackPhaseView = Feedback['phases'][number];
export type FeedbackHistoryEntry = ResponseOf<'/api/feedback/{id}/history', 'get'>[number];
export type FeedbackQuery = QueryOf<'/api/feedback', 'get'>;
export type FeedbackPage = ResponseOf<'/api/feedback', 'get'>;
/** The body of POST /api/feedback/:id/events: the event's own fields and the version seen. */
export type FeedbackEventBody = BodyOf<'/api/feedback/{id}/events', 'post'>;
/** What the citizen sees with the code and the secret. */
export type PublicFeedback = ResponseOf<'/api/public/feedback/{code}', 'get'>;
export type FeedbackSubmission = BodyOf<'/api/public/feedback', 'post'>;
export type FeedbackReceipt = ResponseOf<'/api/public/feedback', 'post'>;

export function listFeedback(q: FeedbackQuery, signal?: AbortSignal): Promise<FeedbackPage> {
  return apiRequest<FeedbackPage>('GET', `/feedback${queryString(q)}`, { signal });
}

export function getFeedback(id: string, signal?: AbortSignal): Promise<Feedback> {
  return apiRequest<Feedback>('GET', `/feedback/${encodeURIComponent(id)}`, { signal });
}

export function getFeedbackHistory(id: string, signal?: AbortSignal): Promise<FeedbackHistoryEntry[]> {
  return apiRequest<FeedbackHistoryEntry[]>('GET', `/feedback/${encodeURIComponent(id)}/history`, { signal });
}

export function sendFeedbackEvent(id: string, body: FeedbackEventBody): Promise<Feedback> {
  return apiRequest<Feedback>('POST', `/feedback/${encodeURIComponent(id)}/events`, { body });
}

/** No login: the public page. */
export function submitFeedback(body: FeedbackSubmission): Promise<FeedbackReceipt> {
  return apiRequest<FeedbackReceipt>('POST', '/public/feedback', { auth: false, body });
}

export function getPublicFeedback(code: string, secret: string, signal?: AbortSignal): Promise<PublicFeedback> {
  return apiRequest<PublicFeedback>('GET', `/public/feedback/${encodeURIComponent(code)}${queryString({ secret })}`, { auth: false, signal });
}

export function rateFeedback(code: string, body: { secret: string; verdict: FeedbackVerdict; expectedVersion?: number }): Promise<PublicFeedback> {
  return apiRequest<PublicFeedback>('POST', `/public/feedback/${encodeURIComponent(code)}/events`, { auth: false, body: { type: 'RATE', ...body } });
}

/** The citizen sends the supplement the agency asked for. */
export function supplyFeedback(code: string, body: { secret: string; note: string; expectedVersion?: number }): Promise<PublicFeedback> {
  return apiRequest<PublicFeedback>('POST', `/public/feedback/${encodeURIComponent(code)}/events`, { auth: false, body: { type: 'SUPPLEMENT_RECEIVED', ...body } });
}
