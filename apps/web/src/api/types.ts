/**
 * Shapes of the motcua API as the web app uses them. Every answer's shape comes from the API's
 * OpenAPI document (openapi.generated.ts, generated from the server's own view types by
 * `npm run api:contract`; a test fails when it is stale), so the app cannot drift from the server.
 * Only client-side names (labels' keys, the worklist's tabs) and the few fields the server stores as
 * loose JSON (a history entry's details) are refined here.
 */
import type { components, paths } from './openapi.generated';

// The workflow's own names (pure files of libs/workflow, no xstate): one source for the
// API, the database and this app.
import type { Channel, DossierEventType, DossierState, ReturnMethod, Role } from '@motcua/workflow/vocabulary';
import { DOSSIER_EVENT_TYPES, DOSSIER_STATES as WORKFLOW_STATES } from '@motcua/workflow/vocabulary';

export type { Channel, DossierState, ReturnMethod, Role };
export type EventType = DossierEventType;

type Schemas = components['schemas'];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type SuccessOf<R> = R extends { 200: infer S } ? S : R extends { 201: infer S } ? S : never;
type JsonOf<S> = S extends { content: { 'application/json': infer J } } ? J : never;
/** The JSON body of an operation's success answer, as the API documents it. */
export type ResponseOf<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R } ? JsonOf<SuccessOf<R>> : never;
/** The JSON request body of an operation, as the API documents it. */
export type BodyOf<P extends keyof paths, M extends Method> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** The query parameters of an operation. */
export type QueryOf<P extends keyof paths, M extends Method> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export const DOSSIER_STATES: readonly DossierState[] = WORKFLOW_STATES;
export const EVENT_TYPES: readonly EventType[] = DOSSIER_EVENT_TYPES;

// ─── Accounts and catalogue ──────────────────────────────────────────────────

export type LoginResponse = ResponseOf<'/api/auth/login', 'post'>;
export type User = LoginResponse['user'];
export type Procedure = Schemas['ProcedureView'];
export type ProcedureComponent = Procedure['components'][number];
export type ProcedureStep = Procedure['steps'][number];
export type Department = ResponseOf<'/api/departments', 'get'>[number];

// ─── Dossiers ────────────────────────────────────────────────────────────────

export type Dossier = Schemas['DossierView'];
export type Applicant = Dossier['applicant'];
export type DeadlineStatus = NonNullable<Dossier['deadlineStatus']>;
export type Outcome = NonNullable<Dossier['outcome']>;
export type DossierPage = Schemas['DossierPage'];
/** A dossier as the list gives it: with the working time left at its current step (negative: overdue). */
export type DossierListItem = DossierPage['items'][number];

/** The worklist's tabs (GET /api/dossiers/tab-counts). */
export const WORKLIST_TABS = ['open', 'due_soon', 'overdue', 'awaiting_return', 'closed'] as const;
export type WorklistTab = (typeof WORKLIST_TABS)[number];
export type TabCounts = ResponseOf<'/api/dossiers/tab-counts', 'get'>;

export interface ClosedStep {
  index?: number;
  key?: string;
  name: string;
  departmentCode: string;
  dueAt: string | null;
  leftAt: string;
  late: boolean;
}

/**
 * A history line. The server keeps an event's payload and its clock details as JSON
 * (`HistoryEntry.details: object | null`); these are the parts the app reads.
 */
export type HistoryEntry = Omit<Schemas['HistoryEntry'], 'type' | 'from' | 'to' | 'payload' | 'details'> & {
  /** A workflow event, the creation, or a correction (not a workflow event: CORRECT_APPLICANT). */
  type: EventType | 'CREATE' | 'CORRECT_APPLICANT' | 'CLAIM' | 'RELEASE' | 'ASSIGN';
  from: DossierState | null;
  to: DossierState;
  payload: { reason?: string; note?: string; method?: ReturnMethod; newAppointment?: string; channel?: Channel; assignee?: { id: string; fullName: string } | null; previous?: { id: string; fullName: string } | null; [k: string]: unknown };
  details: { closedSteps?: ClosedStep[]; outcome?: Outcome; dueAt?: string; appointmentAt?: string; pausedWorkingMinutes?: number } | null;
};

export type AssignmentAction = Dossier['assignmentActions'][number];
export type AssignedTo = NonNullable<DossierQuery['assignedTo']>;
/** A worklist filter saved by the user under a name (the list's query without paging). */
export type SavedFilter = ResponseOf<'/api/saved-filters', 'get'>[number];
export type AssignablePerson = ResponseOf<'/api/dossiers/{id}/assignable-users', 'get'>[number];

export type NewDossier = BodyOf<'/api/dossiers', 'post'>;
export type DossierEventBody = BodyOf<'/api/dossiers/{id}/events', 'post'>;
export type DossierQuery = QueryOf<'/api/dossiers', 'get'>;

/** The one error shape of the API (its error filter; errors are not part of the success schemas). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: Record<string, unknown>;
  allowedEvents?: string[];
}

// ─── Files ───────────────────────────────────────────────────────────────────

export type DossierFile = Schemas['FileView'];
/** `removed`: a wrong scan or unissued result taken out; kept, with what it was. */
export type FilePurpose = DossierFile['purpose'];
export type SignatureRecord = Schemas['SignatureRecord'];
/** One signature of a PDF, as the API records it. */
export type SignatureEntry = Schemas['SignatureEntry'];

/** Why a signature is not valid (the server's reason codes, which it sends as strings). */
export type SignatureReason =
  | 'NO_SIGNATURE'
  | 'BYTE_RANGE_INVALID'
  | 'NOT_WHOLE_FILE'
  | 'DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'UNTRUSTED_CHAIN'
  | 'CERT_NOT_VALID_AT_SIGNING_TIME'
  | 'MALFORMED';

/** `sign`: the service signs with the agency certificate; `signed`: signed elsewhere (USB token), the server verifies. */
export type ResultMode = 'sign' | 'signed';

// ─── Payment ─────────────────────────────────────────────────────────────────

export type NewPayment = BodyOf<'/api/dossiers/{id}/payment', 'post'>;
export type PaymentMethod = NewPayment['method'];
export type Payment = ResponseOf<'/api/dossiers/{id}/payment', 'post'>;

/** Papers the service prints for a dossier (GET /dossiers/:id/documents/:kind). */
export type DocumentKind = 'receipt' | 'supplement-request' | 'refusal' | 'apology' | 'control-slip';

// ─── Public lookup and rating ────────────────────────────────────────────────

export type PublicDossier = ResponseOf<'/api/public/dossiers/{code}', 'get'>;
export type PublicResult = NonNullable<PublicDossier['result']>;
export type PublicPayment = PublicDossier['payment'];
/** While a supplement is requested: what to send, and what was sent since the request. */
export type PublicSupplement = NonNullable<PublicDossier['supplement']>;
export type PaymentRequestAnswer = ResponseOf<'/api/public/dossiers/{code}/payment-request', 'post'>;

// ─── Online submission (citizen) ─────────────────────────────────────────────

export type OnlineProcedure = ResponseOf<'/api/public/procedures', 'get'>[number];
export type SubmissionDraft = ResponseOf<'/api/public/submissions', 'post'>;
export type NewSubmission = BodyOf<'/api/public/submissions', 'post'>;
export type IdentityStatus = ResponseOf<'/api/public/identity', 'get'>;
export type SubmissionFile = ResponseOf<'/api/public/submissions/{id}/files', 'post'>;
/** The reference as the API gives it: shown as is, never built here. */
export type ConfirmedSubmission = ResponseOf<'/api/public/submissions/{id}/confirm', 'post'>;
export type RatingLevel = BodyOf<'/api/public/dossiers/{code}/rating', 'post'>['level'];

// ─── Indicators (Decision 766) ───────────────────────────────────────────────

export type ReportPeriod = Schemas['Period'];
export type IndicatorReport = Schemas['IndicatorReport'];
export type IndicatorResult = IndicatorReport['indicators'][number];
export type TimeUnit = NonNullable<Schemas['AverageTimeIndicatorResult']['unit']>;
export type MeasureResult = Schemas['MeasureResult'];
export type GroupResult = Schemas['GroupResult'];
/** One month of `GET /api/indicators/trend`: its rates by indicator key (null: nothing to count). */
export type TrendPoint = Schemas['TrendPoint'];
/** The dashboard's splits ('agency', one group for the whole agency, is the report itself). */
export type IndicatorGroupBy = Exclude<NonNullable<QueryOf<'/api/indicators', 'get'>['groupBy']>, 'agency'>;
export type GroupedIndicatorReport = Exclude<ResponseOf<'/api/indicators', 'get'>, IndicatorReport>;
export type LateDossier = Schemas['LateDossier'];
/** The dossiers behind a number (GET /indicators/dossiers). */
export type DossiersBehind = ResponseOf<'/api/indicators/dossiers', 'get'>;
export type Plan = ResponseOf<'/api/indicators/plan', 'get'>;
export type PlanLine = Schemas['PlanLine'];
export type FullProcessServices = NonNullable<Plan['fullProcess']>;
export type Reconciliation = ResponseOf<'/api/indicators/reconciliation', 'get'>;
export type DeliveryState = NonNullable<Reconciliation['differences'][number]['delivery']>;
