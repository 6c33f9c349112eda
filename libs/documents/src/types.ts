/**
 * Input data of the papers. Plain values only: the caller (an adapter in apps/api) maps its
 * entities to these, so the library knows nothing of Nest or the database.
 * Every string is printed as given after Unicode NFC normalisation.
 */

/** Receiving channel (same codes as the workflow: DVCQG KenhThucHien 1 direct, 2 online, 3 postal). */
export type ReceivingChannel = 'direct' | 'online' | 'postal';

/** The body that issues the paper, as printed in the top-left heading. */
export interface IssuingBody {
  /** Governing body, e.g. `UBND tỉnh Lai Châu`; printed upper case above the agency. */
  readonly parentAgency?: string;
  /** Agency, e.g. `Sở Khoa học và Công nghệ tỉnh Lai Châu`; upper case in the heading, as given in sentences. */
  readonly agencyName: string;
  /** The receiving unit; default `Bộ phận Một cửa`; empty when `agencyName` is itself the receiving centre. Not shown on the apology, which the agency itself issues. */
  readonly unitName?: string;
  /** Place name of the date line (`Lai Châu, ngày … tháng … năm …`). */
  readonly place: string;
  /** Contact phone printed where the applicant is told whom to call. */
  readonly phone?: string;
}

/** Who signs for the agency (ND 30/2020/NĐ-CP Art 13: a deputy signs "KT." for the head). */
export interface AgencySigner {
  readonly name: string;
  /** The signer's own title, e.g. `Phó Giám đốc`. */
  readonly title: string;
  /** The head's title, e.g. `Giám đốc`. */
  readonly headTitle: string;
}

/** The person or organisation the dossier belongs to. */
export interface Applicant {
  readonly name: string;
  /** Personal identification number (CCCD/định danh cá nhân) or, for an organisation, its tax code. */
  readonly idNumber: string;
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
}

/** A procedure (TTHC) as published in the national database. */
export interface ProcedureRef {
  /** National TTHC code, e.g. `1.012345`; empty when the procedure has none (the line is left out, never a slug). */
  readonly code: string;
  readonly name: string;
}

/** Fields every paper carries. */
export interface PaperBase {
  readonly issuer: IssuingBody;
  /** Dossier code (mã hồ sơ, DOMAIN.md §2.6). */
  readonly dossierCode: string;
  /** The paper's own number ("Số: …"), e.g. `15/TN`; the line is left out when absent. */
  readonly paperNumber?: string;
  readonly applicant: Applicant;
  readonly procedure: ProcedureRef;
  /** When the paper is issued: the date line and the QR `t` field. */
  readonly issuedAt: Date;
  /** Public status-lookup link, already carrying the dossier's secret; put in the QR (and printed when `lookup` is absent). */
  readonly publicLookupUrl: string;
  /** The public lookup page and the short "Mã tra cứu" a citizen types there with the dossier code. */
  readonly lookup?: { readonly pageUrl: string; readonly code: string };
}

/**
 * How a component was received: bản chính, bản sao có chứng thực, bản sao, bản điện tử; or not
 * submitted; `unrecorded` for dossiers received before intake was recorded per component.
 */
export type ReceivedForm = 'original' | 'certified_copy' | 'copy' | 'electronic' | 'not_submitted' | 'unrecorded';

/** One component (thành phần hồ sơ) of the procedure, as received. */
export interface ReceivedComponent {
  readonly name: string;
  readonly form: ReceivedForm;
  /** Number of copies of that form received (0 when not submitted). */
  readonly count: number;
  /** Whether the component was digitised on receipt. */
  readonly digitised: boolean;
}

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export interface ReceiptData extends PaperBase {
  readonly receivedAt: Date;
  readonly channel: ReceivingChannel;
  readonly components: readonly ReceivedComponent[];
  /** Number of sets (bộ) of the dossier received; printed when given. */
  readonly sets?: number;
  /** Log-book reference (Sổ theo dõi hồ sơ: quyển số, số thứ tự); printed when given. */
  readonly logBook?: { readonly volume: string; readonly entry: number };
  /** The agency that decides the dossier when the receiving centre is another body, e.g. the Department. */
  readonly handlingAgency?: string;
  /** The procedure's time limit as published, e.g. `10 ngày làm việc`; left out when absent. */
  readonly processingTime?: string;
  /** When the result will be returned (hẹn trả kết quả). */
  readonly appointmentAt: Date;
  /** Where the applicant receives the result. */
  readonly resultDeliveryPlace: string;
  /** The clerk who received the dossier (signs the slip): full name and title (chức danh). */
  readonly clerkName: string;
  readonly clerkTitle?: string;
}

/** A component the applicant must supply or correct. */
export interface ComponentToSupplement {
  readonly name: string;
  /** What exactly is missing or wrong. */
  readonly requirement?: string;
}

/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export interface SupplementRequestData extends PaperBase {
  readonly receivedAt: Date;
  /** Why the dossier is incomplete; at least one. */
  readonly reasons: readonly string[];
  readonly componentsToSupplement: readonly ComponentToSupplement[];
  /** Free text on the time allowed to supplement, e.g. `Trong thời hạn 05 ngày làm việc …`. */
  readonly deadlineNote?: string;
  /** The official who gives the guidance: full name and title. */
  readonly clerkName: string;
  readonly clerkTitle?: string;
}

/** Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export interface RefusalData extends PaperBase {
  readonly receivedAt: Date;
  /** Why the dossier is refused; at least one. */
  readonly reasons: readonly string[];
  /** False for an online or postal submission refused before it was received: `receivedAt` is then printed as the submission time. */
  readonly received?: boolean;
  /** The receiving official: full name and title. */
  readonly clerkName: string;
  readonly clerkTitle?: string;
}

/** Refusal during processing: the agency's reasoned reply, signed by its head (or a deputy for the head). */
export interface ProcessingRefusalData extends PaperBase {
  readonly receivedAt: Date;
  readonly reasons: readonly string[];
  /** The department that examined the dossier, e.g. `Phòng Quản lý chuyên ngành`. */
  readonly handlingDepartment: string;
  readonly signer: AgencySigner;
}

/** Mẫu 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết. */
export interface ApologyData extends PaperBase {
  readonly receivedAt: Date;
  /** Why the dossier is late. */
  readonly reason: string;
  /** The appointment on the receipt slip. */
  readonly previousAppointmentAt: Date;
  /** The proposed new appointment (also the QR `hen` field). */
  readonly newAppointmentAt: Date;
  /** The department handling the dossier, e.g. `Phòng Quản lý chuyên ngành`. */
  readonly handlingDepartment: string;
  /** Who signs for the agency: the head, or a deputy "KT." the head. */
  readonly signer: AgencySigner;
}

/** One hand-over of the dossier (Mẫu kiểm soát): from a unit and person to the next. */
export interface Handover {
  readonly fromUnit: string;
  /** Who handed over: full name (and title). */
  readonly fromPerson: string;
  readonly toUnit: string;
  /** Who received, when known (the next person who acted there); otherwise signed by hand. */
  readonly toPerson?: string;
  readonly at: Date;
  /** Trước hạn / Đúng hạn / Quá hạn of the work handed over, when it had a time limit. */
  readonly result?: string;
  readonly note?: string;
}

/** Phiếu kiểm soát quá trình giải quyết hồ sơ (TT 01/2018 Mẫu 05). */
export interface ControlSlipData extends PaperBase {
  readonly receivedAt: Date;
  readonly appointmentAt?: Date;
  /** Cơ quan (bộ phận) giải quyết hồ sơ. */
  readonly handlingAgency: string;
  /** Cơ quan phối hợp giải quyết hồ sơ; the line is left out when absent. */
  readonly coordinatingAgencies?: string;
  /** In order; may be empty for a dossier not yet handed over. */
  readonly handovers: readonly Handover[];
}

/** One dossier received, as a line of the log book. */
export interface LogBookEntry {
  readonly code: string;
  readonly procedure: string;
  readonly applicant: string;
  readonly receivedAt: Date;
  readonly appointmentAt?: Date;
  readonly handedTo?: string;
  readonly result?: string;
  readonly returnedAt?: Date;
  readonly note?: string;
}

/** Sổ theo dõi hồ sơ (TT 01/2018 Mẫu 06) for a period. */
export interface LogBookData {
  readonly issuer: IssuingBody;
  /** First and last day of the period (Vietnam days, shown dd/mm/yyyy). */
  readonly from: Date;
  readonly to: Date;
  /** The procedure the book is limited to, when it is. */
  readonly procedure?: string;
  readonly entries: readonly LogBookEntry[];
  readonly issuedAt: Date;
}

/** Rendering knobs. */
export interface RenderOptions {
  /**
   * PDF CreationDate; default `issuedAt`. With a fixed date the output is byte-for-byte
   * reproducible (pdfkit derives the file ID from it and names font subsets deterministically),
   * so a reprint of the same paper is the same file.
   */
  readonly creationDate?: Date;
}
