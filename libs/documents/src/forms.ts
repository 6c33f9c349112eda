/**
 * The one place that knows the form numbers and titles.
 *
 * Numbering follows TT 03/2025/TT-VPCP Appendix I as reported second-hand (DOMAIN.md §2.5);
 * it has NOT been checked against the Circular. If the text says otherwise, change it here only.
 */
export const FORM_SOURCE = 'TT 03/2025/TT-VPCP, Phụ lục I (UNVERIFIED)';

/** Which paper. */
export type FormKind = 'receipt' | 'supplementRequest' | 'refusal' | 'processingRefusal' | 'apology';

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
};
