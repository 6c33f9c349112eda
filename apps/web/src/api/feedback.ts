import type {
  FeedbackCategory,
  FeedbackEventType,
  FeedbackPhase,
  FeedbackSource,
  FeedbackState,
  FeedbackVerdict,
} from '@motcua/workflow/vocabulary';
import { apiRequest, queryString } from './client';

export type { FeedbackCategory, FeedbackEventType, FeedbackPhase, FeedbackSource, FeedbackState, FeedbackVerdict };

/** One deadline phase's clock (the API's `phases`), with the working time left on staff screens. */
export interface FeedbackPhaseView {
  phase: FeedbackPhase;
  startedAt: string;
  dueAt: string;
  pausedAt: string | null;
  endedAt: string | null;
  completed: boolean | null;
  late: boolean | null;
  /** Working minutes left (negative: overdue); null once the phase ended. */
  workingMinutesLeft?: number | null;
}

/** A feedback (phản ánh, kiến nghị) as staff see it: GET /api/feedback/:id. */
export interface Feedback {
  id: string;
  code: string;
  state: FeedbackState;
  stateLabel: string;
  version: number;
  source: FeedbackSource;
  dossierCode: string | null;
  category: FeedbackCategory | null;
  categoryLabel: string | null;
  departmentCode: string | null;
  title: string;
  content: string;
  author: { fullName: string; phone: string | null; email: string | null; address: string | null };
  answer: string | null;
  answeredAt: string | null;
  publishedAt: string | null;
  receivedAt: string;
  dueAt: string | null;
  handledAt: string | null;
  onTime: boolean | null;
  verdict: FeedbackVerdict | null;
  phases: FeedbackPhaseView[];
  finishedAt: string | null;
  allowedEvents: FeedbackEventType[];
  lookupSecret?: string;
}

export interface FeedbackHistoryEntry {
  version: number;
  type: string;
  typeLabel: string;
  toLabel: string;
  actor: { id: string; username: string; fullName: string; title: string | null };
  at: string;
  payload: Record<string, unknown>;
}

export interface FeedbackQuery {
  state?: FeedbackState;
  category?: FeedbackCategory;
  departmentCode?: string;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

export interface FeedbackPage {
  items: Feedback[];
  total: number;
  page: number;
  pageSize: number;
}

/** The body of POST /api/feedback/:id/events: the event's own fields and the version seen. */
export interface FeedbackEventBody {
  type: FeedbackEventType;
  expectedVersion: number;
  category?: FeedbackCategory;
  departmentCode?: string;
  reason?: string;
  note?: string;
  answer?: string;
}

/** What the citizen sees with the code and the secret. */
export interface PublicFeedback {
  code: string;
  title: string;
  state: FeedbackState;
  stateLabel: string;
  version: number;
  receivedAt: string;
  dueAt: string | null;
  answer: string | null;
  publishedAt: string | null;
  verdict: FeedbackVerdict | null;
  verdictLabel: string | null;
  canRate: boolean;
  awaitingSupplement: boolean;
  timeline: Array<{ at: string; label: string }>;
}

export interface FeedbackSubmission {
  title: string;
  content: string;
  author: { fullName: string; phone?: string; email?: string; address?: string };
  dossierCode?: string;
  dossierSecret?: string;
}

export interface FeedbackReceipt {
  code: string;
  secret: string;
  feedback: PublicFeedback;
}

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
