import type { ReceiptData, RenderedNotification } from '../notification.types';
import { vnDateTime, vnShortDateTime } from './format';
import { layout } from './layout';

/** Receipt confirmation: what the receipt slip (Mẫu 01) tells the applicant, by e-mail. */
export function receiptNotification(d: ReceiptData): RenderedNotification {
  const appointment = d.appointmentAt ? vnDateTime(d.appointmentAt) : 'Không ấn định (thủ tục không quy định thời hạn giải quyết)';
  return layout({
    subject: `Đã tiếp nhận hồ sơ ${d.dossierCode}`,
    agencyName: d.agencyName,
    applicantName: d.applicantName,
    intro: [`${d.agencyName} đã tiếp nhận hồ sơ của Ông/Bà.`],
    facts: [
      ['Mã hồ sơ', d.dossierCode],
      ['Thủ tục', d.procedureName],
      ['Thời điểm tiếp nhận', vnDateTime(d.receivedAt)],
      ['Ngày hẹn trả kết quả', appointment],
    ],
    outro: [
      'Ông/Bà vui lòng giữ mã hồ sơ để tra cứu tình trạng giải quyết. Khi đến nhận kết quả, xin mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    ],
    lookupUrl: d.lookupUrl,
    sms: [
      `Hồ sơ ${d.dossierCode} đã được tiếp nhận.`,
      d.appointmentAt ? `Hẹn trả kết quả: ${vnShortDateTime(d.appointmentAt)}.` : null,
      d.lookupUrl ? `Tra cứu: ${d.lookupUrl}` : null,
    ]
      .filter(Boolean)
      .join(' '),
  });
}
