import {
  allowedFeedbackEvents,
  FEEDBACK_CATEGORY_LABELS_VI,
  FEEDBACK_EVENT_LABELS_VI,
  FEEDBACK_PHASES,
  FEEDBACK_STATE_LABELS_VI,
  FEEDBACK_VERDICT_LABELS_VI,
  FeedbackEventType,
  FeedbackPhase,
  FeedbackPhaseClock,
  canViewFeedback,
  citizenActor,
} from '@motcua/workflow';
import { AuthUser } from '../common/auth.decorators';
import { toActor } from '../dossiers/dossier-access';
import { FeedbackEventEntity } from './feedback-event.entity';
import { FeedbackEntity } from './feedback.entity';

/** Who may see a feedback: the workflow library's rule (`canViewFeedback`). */
export function canSeeFeedback(user: AuthUser, row: Pick<FeedbackEntity, 'departmentCode'>): boolean {
  return canViewFeedback(user, row.departmentCode);
}

export interface FeedbackView {
  id: string;
  code: string;
  state: FeedbackEntity['state'];
  stateLabel: string;
  version: number;
  source: FeedbackEntity['source'];
  dossierCode: string | null;
  category: FeedbackEntity['category'];
  categoryLabel: string | null;
  departmentCode: string | null;
  title: string;
  content: string;
  author: { fullName: string; phone: string | null; email: string | null; address: string | null };
  answer: string | null;
  answeredAt: string | null;
  publishedAt: string | null;
  receivedAt: string;
  /** Due time of the handling (paused time excluded). */
  dueAt: string | null;
  handledAt: string | null;
  onTime: boolean | null;
  verdict: FeedbackEntity['verdict'];
  /**
   * Every deadline phase that has started; on the staff list and detail each open phase also
   * carries its working minutes left (negative: overdue) on the working calendar, at the time asked.
   */
  phases: Array<{ phase: FeedbackPhase; workingMinutesLeft?: number | null } & FeedbackPhaseClock>;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  allowedEvents: FeedbackEventType[];
  /** The citizen's follow-up secret: for the clerk who hands it on at the counter (clerks and admins only). */
  lookupSecret?: string;
}

export function toFeedbackView(row: FeedbackEntity, user: AuthUser): FeedbackView {
  const view: FeedbackView = {
    id: row.id,
    code: row.code,
    state: row.state,
    stateLabel: FEEDBACK_STATE_LABELS_VI[row.state],
    version: row.version,
    source: row.source,
    dossierCode: row.dossierCode,
    category: row.category,
    categoryLabel: row.category ? FEEDBACK_CATEGORY_LABELS_VI[row.category] : null,
    departmentCode: row.departmentCode,
    title: row.title,
    content: row.content,
    author: { fullName: row.authorName, phone: row.authorPhone, email: row.authorEmail, address: row.authorAddress },
    answer: row.answer,
    answeredAt: iso(row.answeredAt),
    publishedAt: iso(row.publishedAt),
    receivedAt: row.receivedAt.toISOString(),
    dueAt: iso(row.dueAt),
    handledAt: iso(row.handledAt),
    onTime: row.onTime,
    verdict: row.verdict,
    phases: FEEDBACK_PHASES.filter((p) => row.clocks[p]).map((phase) => ({ phase, ...row.clocks[phase]! })),
    finishedAt: iso(row.finishedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedEvents: allowedFeedbackEvents(row.snapshot, toActor(user)),
  };
  if (user.roles.includes('clerk') || user.roles.includes('admin')) view.lookupSecret = row.lookupSecret;
  return view;
}

/** What the citizen sees with the code and secret: no staff names, the answer only once published. */
export interface PublicFeedbackView {
  code: string;
  title: string;
  state: FeedbackEntity['state'];
  stateLabel: string;
  version: number;
  receivedAt: string;
  dueAt: string | null;
  /** The answer given to the citizen (public to everyone else only once published). */
  answer: string | null;
  publishedAt: string | null;
  verdict: FeedbackEntity['verdict'];
  verdictLabel: string | null;
  /** The citizen may rate now (an answer exists and no rating yet). */
  canRate: boolean;
  /** A supplement is awaited from the citizen. */
  awaitingSupplement: boolean;
  timeline: Array<{ at: string; label: string }>;
}

export function toPublicFeedbackView(row: FeedbackEntity, events: FeedbackEventEntity[]): PublicFeedbackView {
  // What the citizen may do now is the machine's answer, not a second copy of its rules.
  const citizenMay = allowedFeedbackEvents(row.snapshot, citizenActor(row.code));
  return {
    code: row.code,
    title: row.title,
    state: row.state,
    stateLabel: FEEDBACK_STATE_LABELS_VI[row.state],
    version: row.version,
    receivedAt: row.receivedAt.toISOString(),
    dueAt: iso(row.dueAt),
    answer: row.answer,
    publishedAt: iso(row.publishedAt),
    verdict: row.verdict,
    verdictLabel: row.verdict ? FEEDBACK_VERDICT_LABELS_VI[row.verdict] : null,
    canRate: citizenMay.includes('RATE'),
    awaitingSupplement: citizenMay.includes('SUPPLEMENT_RECEIVED'),
    timeline: events.map((e) => ({
      at: e.occurredAt.toISOString(),
      label: e.type === 'CREATE' ? 'Tiếp nhận phản ánh, kiến nghị' : FEEDBACK_EVENT_LABELS_VI[e.type as FeedbackEventType] ?? e.type,
    })),
  };
}

type MinutesCalendar = { workingMinutesBetween(from: Date, to: Date): number };

/**
 * The view with each phase's working time left at `now` (null once the phase ended). A phase
 * paused for the citizen's supplement is frozen at the moment it was paused, as its clock is.
 */
export function withTimeLeft(view: FeedbackView, now: Date, calendar: MinutesCalendar): FeedbackView {
  return {
    ...view,
    phases: view.phases.map((p) => {
      if (p.endedAt !== null) return { ...p, workingMinutesLeft: null };
      const at = p.pausedAt ? new Date(p.pausedAt) : now;
      const due = new Date(p.dueAt);
      const left = due > at ? calendar.workingMinutesBetween(at, due) : -calendar.workingMinutesBetween(due, at);
      return { ...p, workingMinutesLeft: Math.trunc(left) };
    }),
  };
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}
