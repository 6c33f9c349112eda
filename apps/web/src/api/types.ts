/** Shapes of the motcua API as the web app uses them (see /api/docs-json). */

// The workflow's own names (pure files of libs/workflow, no xstate): one source for the
// API, the database and this app.
import type { Channel, DossierEventType, DossierState, ReturnMethod, Role } from '@motcua/workflow/vocabulary';
import { DOSSIER_EVENT_TYPES, DOSSIER_STATES as WORKFLOW_STATES } from '@motcua/workflow/vocabulary';

export type { Channel, DossierState, ReturnMethod, Role };
export type EventType = DossierEventType;
export type DeadlineStatus = 'on_track' | 'due_soon' | 'overdue';
export type Outcome = 'early' | 'on_time' | 'late';

export const DOSSIER_STATES: readonly DossierState[] = WORKFLOW_STATES;
export const EVENT_TYPES: readonly EventType[] = DOSSIER_EVENT_TYPES;

export interface User {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  departmentCode: string | null;
  /** Logged in with a temporary password: a new one must be chosen before any work. */
  mustChangePassword?: boolean;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  user: User;
}

export interface ProcedureComponent {
  key: string;
  name: string;
  required: boolean;
  original?: number;
  copies?: number;
}

export interface ProcedureStep {
  key: string;
  name: string;
  departmentCode: string;
  role: Role;
  workingDays: number;
}

export interface Procedure {
  code: string;
  nationalCode: string | null;
  version: number;
  name: string;
  field: string | null;
  processingTime: { amount: number; unit: string } | null;
  fee: { amountVnd?: number | null; text?: string | null } | null;
  onlineLevel: string | number | null;
  paperResult: boolean;
  resultName: string | null;
  components: ProcedureComponent[];
  steps: ProcedureStep[];
}

export interface Department {
  code: string;
  name: string;
  /** False once an administrator deactivated it (kept for the accounts and dossiers that name it). */
  active?: boolean;
}

export interface Applicant {
  fullName: string;
  idNumber: string;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface Dossier {
  id: string;
  /** The receipt code once received; before, the submission reference (online, postal). */
  code: string;
  /** `null` until the dossier is received (ACCEPT of a submission). */
  receiptCode: string | null;
  /** The reference a submission had before receipt (kept); `null` for counter dossiers. */
  submissionRef: string | null;
  procedureCode: string;
  procedureVersionId: string;
  channel: Channel;
  state: DossierState;
  stateLabel: string;
  version: number;
  currentStep: { index: number; key: string; name: string; departmentCode: string; role: Role; count: number } | null;
  /** The person working it at its current step (claim / assign); null: nobody. */
  assignee: { id: string; fullName: string } | null;
  /** What this user may do about who holds it now. */
  assignmentActions: AssignmentAction[];
  applicant: Applicant;
  supplementRequests: number;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  appointmentAt: string | null;
  /** The due time or appointment falls in a year without an official holiday notice: computed from the statutory rules. */
  provisional?: boolean;
  stepDueAt: string | null;
  pausedAt: string | null;
  pausedWorkingMinutes: number;
  deadlineStatus: DeadlineStatus | null;
  processingEndedAt: string | null;
  outcome: Outcome | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  allowedEvents: EventType[];
  /** The applicant's lookup link (`<origin>/#/tra-cuu/<code>/<secret>`), shown to clerks only. */
  publicLookupUrl?: string | null;
  /** How the fee was paid, once recorded (null: not yet). */
  paymentMethod?: PaymentMethod | 'online_unspecified' | null;
  /** The procedure charges a fee: only then is a payment recorded. */
  feeApplies?: boolean;
  rating?: RatingLevel | null;
  eResult?: boolean;
  digitised?: boolean;
  /** A historical dossier imported from another system: read only. */
  imported?: boolean;
}

/** The worklist's tabs (GET /api/dossiers/tab-counts). */
export const WORKLIST_TABS = ['open', 'due_soon', 'overdue', 'awaiting_return', 'closed'] as const;
export type WorklistTab = (typeof WORKLIST_TABS)[number];
export type TabCounts = Record<WorklistTab, number>;

/** A dossier as the list gives it: with the working time left at its current step (negative: overdue). */
export type DossierListItem = Dossier & { stepWorkingMinutesLeft?: number | null };

export interface DossierPage {
  items: DossierListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ClosedStep {
  index?: number;
  key?: string;
  name: string;
  departmentCode: string;
  dueAt: string | null;
  leftAt: string;
  late: boolean;
}

export interface HistoryEntry {
  version: number;
  /** A workflow event, the creation, or a correction (not a workflow event: CORRECT_APPLICANT). */
  type: EventType | 'CREATE' | 'CORRECT_APPLICANT' | 'CLAIM' | 'RELEASE' | 'ASSIGN';
  typeLabel: string;
  from: DossierState | null;
  to: DossierState;
  toLabel: string;
  stepFrom: number | null;
  stepTo: number | null;
  actor: { id: string; username: string; fullName: string; title: string | null };
  at: string;
  payload: { reason?: string; note?: string; method?: ReturnMethod; newAppointment?: string; channel?: Channel; assignee?: { id: string; fullName: string } | null; previous?: { id: string; fullName: string } | null; [k: string]: unknown };
  details: {
    closedSteps?: ClosedStep[];
    outcome?: Outcome;
    dueAt?: string;
    appointmentAt?: string;
    pausedWorkingMinutes?: number;
  } | null;
}

export interface NewDossier {
  procedureCode: string;
  channel: Channel;
  applicant: { fullName: string; idNumber: string; phone?: string; email?: string; address?: string };
}

export interface DossierEventBody {
  type: EventType;
  expectedVersion: number;
  reason?: string;
  note?: string;
  method?: ReturnMethod;
  newAppointment?: string;
  /** REQUEST_SUPPLEMENT: the components to supply or correct (printed on Mẫu 02). */
  components?: Array<{ key: string; requirement?: string }>;
}

export type AssignmentAction = 'CLAIM' | 'RELEASE' | 'ASSIGN';
export type AssignedTo = 'me' | 'nobody';

/** A worklist filter saved by the user under a name (the list's query without paging). */
export interface SavedFilter {
  id: string;
  name: string;
  query: Omit<DossierQuery, 'page' | 'pageSize'>;
  createdAt: string;
}

export interface AssignablePerson {
  id: string;
  fullName: string;
  title: string | null;
}

export interface DossierQuery {
  state?: DossierState;
  procedureCode?: string;
  overdue?: boolean;
  deadlineStatus?: DeadlineStatus;
  outcome?: Outcome;
  assignee?: string;
  mine?: boolean;
  /** Held by me, or by nobody. */
  assignedTo?: AssignedTo;
  text?: string;
  tab?: WorklistTab;
  page?: number;
  pageSize?: number;
}

/** The one error shape of the API. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: Record<string, unknown>;
  allowedEvents?: string[];
}

// ─── Files ───────────────────────────────────────────────────────────────────

/** `removed`: a wrong scan or unissued result taken out; kept, with what it was. */
export type FilePurpose = 'component' | 'result' | 'receipt' | 'supplement_request' | 'refusal' | 'apology' | 'control_slip' | 'removed';

/** Why a signature is not valid (the server's reason codes). */
export type SignatureReason =
  | 'NO_SIGNATURE'
  | 'BYTE_RANGE_INVALID'
  | 'NOT_WHOLE_FILE'
  | 'DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'UNTRUSTED_CHAIN'
  | 'CERT_NOT_VALID_AT_SIGNING_TIME'
  | 'MALFORMED';

export interface SignatureRecord {
  kind: 'detached_cms' | 'pdf';
  signerName: string | null;
  certificateSerial: string | null;
  certificateIssuer: string | null;
  signingTime: string | null;
  documentSha256: string;
  valid: boolean;
  reasons: string[];
  onBehalfOf: string | null;
  /** When the server received the file; re-verification judges at this time, never "now". */
  receivedAt?: string;
  verifiedAt?: string;
  trustedTime?: string | null;
  trustedTimeSource?: string | null;
  /** Every signature of a PDF, in file order. */
  signatures?: SignatureEntry[];
}

/** One signature of a PDF, as the API records it. */
export interface SignatureEntry {
  index: number;
  kind: 'approval' | 'certification' | 'document_timestamp';
  fieldName: string | null;
  valid: boolean;
  reasons: string[];
  warnings: string[];
  signerName: string | null;
  certificateIssuer: string | null;
  claimedSigningTime: string | null;
  trustedTime: string;
  trustedTimeSource: string;
  timestampAuthority: string | null;
  revision: number;
  coversWholeFile: boolean;
  changesAfter: Array<{ kind: string; description: string; allowed: boolean }>;
  digestAlgorithm: string | null;
  docMdp: number | null;
  chain: Array<{ subject: string; sha256: string; notAfter: string }>;
  revocation: Array<{ certificate: string; status: string; source: string | null; revokedAt: string | null; detail: string }>;
}

export interface DossierFile {
  id: string;
  dossierId?: string;
  purpose: FilePurpose;
  componentKey: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy?: string;
  uploadedAt: string;
  digitisationCode: string | null;
  signature: SignatureRecord | null;
  reusedFrom: string | null;
  removed?: { from: FilePurpose; at: string; reason: string | null } | null;
}

/** `sign`: the service signs with the agency certificate; `signed`: signed elsewhere (USB token), the server verifies. */
export type ResultMode = 'sign' | 'signed';

// ─── Payment ─────────────────────────────────────────────────────────────────

export type PaymentMethod = 'counter' | 'national_portal' | 'provincial_portal';

export interface NewPayment {
  method: PaymentMethod;
  amountVnd?: number;
  reference?: string;
}

export interface Payment {
  method: PaymentMethod | 'online_unspecified';
  amountVnd: number | null;
  reference: string | null;
  paidAt?: string;
  recordedAt?: string;
}

/** Papers the service prints for a dossier (GET /dossiers/:id/documents/:kind). */
export type DocumentKind = 'receipt' | 'supplement-request' | 'refusal' | 'apology' | 'control-slip';

// ─── Public lookup and rating ────────────────────────────────────────────────

export type RatingLevel = 'very_satisfied' | 'satisfied' | 'dissatisfied';

export interface PublicDossier {
  code: string;
  procedureName: string;
  state: DossierState;
  stateLabel: string;
  channel: Channel;
  receivedAt: string | null;
  appointmentAt: string | null;
  finishedAt: string | null;
  outcome: Outcome | null;
  timeline: { at: string; label: string }[];
  rating: { level: RatingLevel; createdAt: string } | null;
  canRate: boolean;
  /** The issued result's signature verdict (recorded when it was stored), once the dossier is finished. */
  result?: PublicResult | null;
  /** The electronic result's public download link (every download is audited). */
  resultLink?: string | null;
  payment?: PublicPayment | null;
  /** While a supplement is requested: what to send, and what was sent since the request. */
  supplement?: PublicSupplement | null;
}

export interface PublicPayment {
  feeApplies: boolean;
  amountVnd: number | null;
  state: 'no_fee' | 'unpaid' | 'paid';
  method: string | null;
  paidAt: string | null;
}

export interface PublicSupplement {
  reason: string | null;
  requestedAt: string | null;
  components: { key: string; name: string; required: boolean }[];
  uploaded: { componentKey: string; fileName: string; uploadedAt: string }[];
}

export interface PaymentRequestAnswer {
  requestId: string;
  amountVnd: number;
  state: 'pending' | 'paid';
  paidAt: string | null;
  /** The payment platform's page; null when online payment is not offered. */
  payUrl: string | null;
}

export interface OnlineProcedure {
  code: string;
  name: string;
  field: string;
  onlineLevel: string;
  processingTime: { amount: number; unit: string } | null;
  fee: { amountVnd: number | null; text: string | null };
  components: { key: string; name: string; required: boolean }[];
}

export interface SubmissionDraft {
  id: string;
  token: string;
  expiresAt: string;
  procedure: OnlineProcedure;
}

export interface SubmissionFile {
  componentKey: string;
  fileName: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface ConfirmedSubmission {
  /** The reference as the API gives it: shown as is, never built here. */
  reference: string;
  secret: string;
  lookupUrl: string | null;
  state: string;
  submittedAt: string;
  procedureName: string;
  replayed: boolean;
}

export interface PublicResult {
  validlySigned: boolean;
  /** The organisation of the signing certificate (the agency). */
  signedBy: string | null;
  signedAt: string | null;
  signatureCount: number;
  documentSha256: string;
  verifiedAt: string;
}

// ─── Indicators (Decision 766) ───────────────────────────────────────────────

export interface ReportPeriod {
  kind: string;
  from: string;
  /** The instant the period is judged at: its end, or "now" while it runs. */
  to: string;
  label: string;
  labelVi: string;
  /** The period's own end when judged before it. */
  endsAt?: string;
  provisional?: boolean;
  /** When the report was computed. */
  asOf?: string;
}

export type TimeUnit = 'working_days' | 'working_hours' | 'calendar_days';

export interface IndicatorResult {
  key: string;
  group: number;
  kind: 'ratio' | 'average_time';
  nameVi: string;
  formulaVi: string;
  scored: boolean;
  applicable: boolean;
  naReasonVi: string | null;
  numerator?: number;
  denominator?: number;
  /** Percent; null when there is nothing to count. */
  rate?: number | null;
  score: number | null;
  maxPoints: number | null;
  unverified: string[];
  notesVi?: string[];
  /** 2.2: the average in the procedure's unit. */
  average?: number | null;
  unit?: TimeUnit | null;
  completed?: number;
  breakdown?: { kind: 'online'; onlineShare: number | null; syncRate: number | null } | { kind: string } | null;
}

export interface MeasureResult {
  key: string;
  nameVi: string;
  formulaVi: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  applicable: boolean;
}

export interface GroupResult {
  no: number;
  nameVi: string;
  score: number | null;
  maxPoints: number;
  /** The points of the indicators that measured something. */
  measuredMaxPoints?: number;
  implemented?: boolean;
}

/** One month of `GET /api/indicators/trend`: its rates by indicator key (null: nothing to count). */
export interface TrendPoint {
  label: string;
  labelVi: string;
  /** False for a month not yet begun: no rates. */
  started: boolean;
  provisional: boolean;
  rates: Record<string, number | null>;
}

export interface IndicatorReport {
  period: ReportPeriod;
  provisional?: boolean;
  indicators: IndicatorResult[];
  measures: MeasureResult[];
  groups: GroupResult[];
  total: { score: number | null; maxPoints: number; nominalMaxPoints?: number; percent: number | null; bandVi?: string | null; naPolicyVi?: string };
  unverified?: string[];
}

export type IndicatorGroupBy = 'department' | 'procedure' | 'field' | 'channel';

export interface GroupedIndicatorReport {
  period: ReportPeriod;
  groupBy: IndicatorGroupBy;
  groups: { key: string; report: IndicatorReport }[];
}

export interface LateDossier {
  code: string;
  procedureCode: string;
  /** The legal appointment given at receipt. */
  appointmentAt: string | null;
  /** The appointment an apology letter proposed; null = no letter. */
  apologyAppointmentAt: string | null;
  processingEndedAt: string | null;
  supplementRequests: number;
  lateSteps: { name: string; departmentCode: string }[];
}

/** The dossiers behind a number (GET /indicators/dossiers). */
export interface DossiersBehind {
  indicator: string;
  denominator: string[];
  numerator: string[];
  notInNumerator: string[];
  ids: Record<string, string>;
}

export interface FullProcessServices {
  fullProcessServices: number;
  fullProcessServicesWithOnlineDossier: number;
  procedures: { code: string; onlineDossiers: number }[];
}

export type DeliveryState = 'pending' | 'dead' | 'discarded' | 'not_queued';

export interface Reconciliation {
  figures: { key: string; nameVi: string; ours: number | null; portal: number | null; difference: number | null }[];
  differences: {
    code: string;
    reason: 'not_delivered' | 'outdated';
    ourVersion: number | null;
    deliveredVersion: number | null;
    delivery: DeliveryState | null;
    ratios: { key: string; ours: string; portal: string }[];
  }[];
  sync: { received: number; delivered: number; rate: number | null };
  /** Dossier id by code, for the dossiers that differ. */
  ids: Record<string, string>;
}

export interface PlanLine {
  id?: string;
  nameVi: string;
  actual: number | null;
  target: number | null;
  met: boolean | null;
  shortfall: number | null;
  sentenceVi: string;
  status?: string;
  direction?: 'at_least' | 'at_most';
}
