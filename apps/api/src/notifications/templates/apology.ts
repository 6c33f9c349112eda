import type { ApologyData, RenderedNotification } from '../notification.types';
import { oneLine, vnDateTime, vnShortDateTime } from './format';
import { layout } from './layout';

/**
 * Apology letter with the new appointment (ND 61/2018: the applicant receives an apology with
 * the reason and the new date; online applicants may get it by e-mail or SMS — DOMAIN.md §2.9).
 */
export function apologyNotification(d: ApologyData): RenderedNotification {
  return layout({
    subject: `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${d.dossierCode}`,
    agencyName: d.agencyName,
    applicantName: d.applicantName,
    intro: [`${d.agencyName} chân thành xin lỗi Ông/Bà vì hồ sơ dưới đây chưa thể giải quyết xong đúng ngày hẹn.`],
    facts: [
      ['Mã hồ sơ', d.dossierCode],
      ['Thủ tục', d.procedureName],
      ['Lý do', d.reason],
      ...(d.previousAppointmentAt ? [['Ngày hẹn trước đây', vnDateTime(d.previousAppointmentAt)] as [string, string]] : []),
      ['Ngày hẹn trả kết quả mới', vnDateTime(d.newAppointmentAt)],
    ],
    outro: ['Rất mong Ông/Bà thông cảm. Kết quả sẽ được trả cho Ông/Bà vào ngày hẹn mới nêu trên.'],
    lookupUrl: d.lookupUrl,
    sms: `Xin lỗi Ông/Bà: hồ sơ ${d.dossierCode} chậm trả kết quả (${oneLine(d.reason, 60)}). Hẹn trả mới: ${vnShortDateTime(d.newAppointmentAt)}.`,
  });
}
