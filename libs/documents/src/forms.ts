/**
 * The one place that knows the form numbers and titles.
 *
 * Numbering follows TT 03/2025/TT-VPCP Appendix I as reported second-hand (DOMAIN.md §2.5);
 * it has NOT been checked against the Circular. If the text says otherwise, change it here only.
 */
export const FORM_SOURCE = 'TT 03/2025/TT-VPCP, Phụ lục I (UNVERIFIED)';

/** Which paper. */
export type FormKind = 'receipt' | 'supplementRequest' | 'refusal' | 'processingRefusal' | 'apology' | 'controlSlip' | 'logBook';

/** Number, printed title and paper name (the QR `giay` field) of a form. */
export interface FormDefinition {
  /** "Mẫu số" as printed, two digits; empty for a letter that follows no numbered form. */
  readonly number: string;
  /** The title line, upper case as printed on the paper. */
  readonly title: string;
  /** The paper name in sentence case, used in the QR code. */
  readonly paperName: string;
}

export const FORMS: Readonly<Record<FormKind, FormDefinition>> = {
  receipt: {
    number: '01',
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    paperName: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  },
  supplementRequest: {
    number: '02',
    title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    paperName: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  },
  refusal: {
    number: '03',
    title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    paperName: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  },
  // Replaces TT 01/2018's "Phiếu xin lỗi và hẹn lại ngày trả kết quả".
  apology: {
    number: '04',
    title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
    paperName: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
  },
  // A refusal after receipt is the agency's reasoned reply (ND 61/2018 Art 19 as reported: the
  // dossier is returned with a written notice stating the reason), not the counter's Mẫu 03;
  // no numbered form was found for it (UNVERIFIED), so it carries no "Mẫu số".
  processingRefusal: {
    number: '',
    title: 'THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ',
    paperName: 'Thông báo từ chối giải quyết hồ sơ',
  },
  // TT 01/2018 numbered the control slip 05 and the log book 06; TT 03/2025 as reported puts the new
  // "Thông báo dừng giải quyết hồ sơ" at 05, so they become 06 and 07 (DOMAIN.md §2.5, UNVERIFIED).
  // Their fields follow TT 01/2018 Mẫu 05 and 06 (CONTROL_SLIP_COLUMNS, LOG_BOOK_COLUMNS).
  controlSlip: {
    number: '06',
    title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    paperName: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  },
  logBook: {
    number: '07',
    title: 'SỔ THEO DÕI HỒ SƠ',
    paperName: 'Sổ theo dõi hồ sơ',
  },
};

/** A column of a tabular form: which field it prints, its heading and its share of the width. */
export interface FormColumn<Field extends string> {
  readonly field: Field;
  readonly header: string;
  readonly share: number;
}

export type ControlSlipField = 'handover' | 'time' | 'result' | 'note';

/**
 * The control slip's table, after TT 01/2018 Mẫu 05 (the 2025 form is UNVERIFIED): who hands the
 * dossier to whom, when, with what result against the step's time limit. A different form is
 * rendered by passing other columns (`renderControlSlip(data, { columns })`).
 */
export const CONTROL_SLIP_COLUMNS: readonly FormColumn<ControlSlipField>[] = [
  { field: 'handover', header: 'TÊN CƠ QUAN, NGƯỜI GIAO, NGƯỜI NHẬN', share: 0.4 },
  { field: 'time', header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', share: 0.2 },
  { field: 'result', header: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)', share: 0.2 },
  { field: 'note', header: 'GHI CHÚ', share: 0.2 },
];

export type LogBookField = 'number' | 'code' | 'procedure' | 'applicant' | 'receivedAt' | 'appointmentAt' | 'handedTo' | 'result' | 'note';

/** The log book's columns, after TT 01/2018 Mẫu 06 (the 2025 form is UNVERIFIED); the PDF and the Excel export share them. */
export const LOG_BOOK_COLUMNS: readonly FormColumn<LogBookField>[] = [
  { field: 'number', header: 'STT', share: 0.04 },
  { field: 'code', header: 'Mã hồ sơ', share: 0.155 },
  { field: 'procedure', header: 'Tên thủ tục hành chính', share: 0.165 },
  { field: 'applicant', header: 'Tên cá nhân, tổ chức; địa chỉ, điện thoại', share: 0.13 },
  { field: 'receivedAt', header: 'Ngày, giờ nhận hồ sơ', share: 0.09 },
  { field: 'appointmentAt', header: 'Hẹn trả kết quả', share: 0.09 },
  { field: 'handedTo', header: 'Chuyển hồ sơ đến cơ quan, đơn vị giải quyết', share: 0.12 },
  { field: 'result', header: 'Kết quả, ngày trả kết quả', share: 0.12 },
  { field: 'note', header: 'Ghi chú', share: 0.09 },
];
