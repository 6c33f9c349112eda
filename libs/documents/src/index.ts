/**
 * @motcua/documents — the papers issued to applicants (DOMAIN.md §2.5) as PDF: A4, Noto Sans
 * embedded (full Vietnamese), the QR code of TT 01/2023/TT-VPCP Art 26 in the top-left corner.
 * Pure of Nest and the database: each function takes plain data and resolves with the bytes.
 * This file is the only public surface.
 */
export { renderReceipt } from './receipt';
export { renderSupplementRequest } from './supplement-request';
export { renderRefusal } from './refusal';
export { renderProcessingRefusal } from './processing-refusal';
export { renderApology } from './apology';
export { renderControlSlip, type ControlSlipOptions } from './control-slip';
export { logBookPeriod, logBookRows, renderLogBook } from './log-book';
export {
  qrPayload,
  parseQrPayload,
  maskIdentifier,
  InvalidQrPayloadError,
  ISSUING_SYSTEM,
  QR_FORMAT_VERSION,
  type QrData,
  type ParsedQr,
} from './qr-payload';
export {
  CONTROL_SLIP_COLUMNS,
  FORMS,
  FORM_SOURCE,
  LOG_BOOK_COLUMNS,
  type ControlSlipField,
  type FormColumn,
  type FormDefinition,
  type FormKind,
  type LogBookField,
} from './forms';
export { formatVnDate, formatVnDateTime, formatVnLongDate, formatVnLongDateTime, toVnIso } from './vn-time';
export type {
  Applicant,
  AgencySigner,
  ApologyData,
  ComponentToSupplement,
  ControlSlipData,
  Handover,
  IssuingBody,
  LogBookData,
  LogBookEntry,
  PaperBase,
  ProcedureRef,
  ProcessingRefusalData,
  ReceiptData,
  ReceivedComponent,
  ReceivedForm,
  ReceivingChannel,
  RefusalData,
  RenderOptions,
  SupplementRequestData,
} from './types';
export { stampNotice, TRIAL_NOTICE } from './trial-stamp';
