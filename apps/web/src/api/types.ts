/** Shapes of the motcua API as the web app uses them (see /api/docs-json). */

export type Role = 'admin' | 'clerk' | 'specialist' | 'leader' | 'reporter';
export type Channel = 'direct' | 'online' | 'postal';
export type ReturnMethod = 'counter' | 'post' | 'online';
export type DeadlineStatus = 'on_track' | 'due_soon' | 'overdue';
export type Outcome = 'early' | 'on_time' | 'late';

export const DOSSIER_STATES = [
  'submitted',
  'received',
  'processing',
  'awaiting_supplement',
  'result_issued',
  'returned',
  'refused',
  'stopped',
  'withdrawn',
  'rejected',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

export const EVENT_TYPES = [
  'ACCEPT',
  'REJECT',
  'COMPLETE_DIGITISATION',
  'FORWARD',
  'SEND_BACK',
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT_RECEIVED',
  'ISSUE_RESULT',
  'RETURN_RESULT',
  'REFUSE',
  'STOP',
  'WITHDRAW',
  'APOLOGISE',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface User {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  departmentCode: string | null;
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
  code: string;
  procedureCode: string;
  procedureVersionId: string;
  channel: Channel;
  state: DossierState;
  stateLabel: string;
  version: number;
  currentStep: { index: number; key: string; name: string; departmentCode: string; role: Role; count: number } | null;
  applicant: Applicant;
  supplementRequests: number;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  appointmentAt: string | null;
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
}

export interface DossierPage {
  items: Dossier[];
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
  type: EventType | 'CREATE';
  typeLabel: string;
  from: DossierState | null;
  to: DossierState;
  toLabel: string;
  stepFrom: number | null;
  stepTo: number | null;
  actor: { id: string; username: string };
  at: string;
  payload: { reason?: string; note?: string; method?: ReturnMethod; newAppointment?: string; channel?: Channel; [k: string]: unknown };
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
}

export interface DossierQuery {
  state?: DossierState;
  procedureCode?: string;
  overdue?: boolean;
  deadlineStatus?: DeadlineStatus;
  outcome?: Outcome;
  assignee?: string;
  mine?: boolean;
  text?: string;
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
