/**
 * Notifications to the applicant. Data is stored in the outbox as plain JSON (instants as ISO
 * strings) and rendered at delivery, so a message survives restarts and template fixes.
 */
export type NotificationKind = 'receipt' | 'supplement_request' | 'apology' | 'result_ready' | 'submission_received';
export const NOTIFICATION_KINDS: readonly NotificationKind[] = ['receipt', 'supplement_request', 'apology', 'result_ready', 'submission_received'];

interface DossierFactsForApplicant {
  /** The receiving agency, e.g. "Sở Khoa học và Công nghệ tỉnh Lai Châu". */
  agencyName: string;
  applicantName: string;
  dossierCode: string;
  procedureName: string;
  /** The public lookup link of the receipt's QR code; null when the dossier has no lookup secret. */
  lookupUrl: string | null;
}

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01, DOMAIN.md §2.4–2.5). */
export interface ReceiptData extends DossierFactsForApplicant {
  receivedAt: string;
  /** Null when the procedure sets no time limit. */
  appointmentAt: string | null;
}

/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02). */
export interface SupplementRequestData extends DossierFactsForApplicant {
  reason: string;
  requestedAt: string;
  /** Requested before receipt (the dossier is not received yet, no clock runs). */
  duringIntake: boolean;
}

/** Văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04, DOMAIN.md §2.9). */
export interface ApologyData extends DossierFactsForApplicant {
  reason: string;
  previousAppointmentAt: string | null;
  newAppointmentAt: string;
}

export interface ResultReadyData extends DossierFactsForApplicant {
  issuedAt: string;
}

/**
 * An online submission was received and waits for the one-stop unit to accept or reject it: the
 * reference and the lookup secret (inside `lookupUrl`) the citizen needs to follow it (issue #16).
 */
export interface SubmissionReceivedData extends DossierFactsForApplicant {
  submittedAt: string;
  /** The lookup secret, also inside lookupUrl: the citizen types it on the lookup page. */
  secret: string;
  /** Working hours the unit has to accept or reject it (ONLINE_INTAKE_WORKING_HOURS). */
  intakeWorkingHours: number;
}

export interface NotificationDataByKind {
  receipt: ReceiptData;
  supplement_request: SupplementRequestData;
  apology: ApologyData;
  result_ready: ResultReadyData;
  submission_received: SubmissionReceivedData;
}

export type NotificationData = NotificationDataByKind[NotificationKind];

/** A template and its data, typed together. */
export type NotificationContent = {
  [K in NotificationKind]: { template: K; data: NotificationDataByKind[K] };
}[NotificationKind];

/** A notification addressed to one recipient (an e-mail address or a phone number). */
export type AddressedNotification = NotificationContent & { to: string };

/** What a template produces: an e-mail (subject, plain text, HTML) and the SMS text. */
export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
  sms: string;
}
