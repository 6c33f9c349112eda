import type { RenderedNotification, ResultReadyData } from '../notification.types';
import { vnDateTime } from './format';
import { layout } from './layout';

/** The result has been issued and waits to be returned (DOMAIN.md §2.10). */
export function resultReadyNotification(d: ResultReadyData): RenderedNotification {
  return layout({
    subject: `Hồ sơ ${d.dossierCode} đã có kết quả`,
    agencyName: d.agencyName,
    applicantName: d.applicantName,
    intro: ['Hồ sơ của Ông/Bà đã được giải quyết và đã có kết quả.'],
    facts: [
      ['Mã hồ sơ', d.dossierCode],
      ['Thủ tục', d.procedureName],
      ['Thời điểm có kết quả', vnDateTime(d.issuedAt)],
    ],
    outro: [
      'Ông/Bà vui lòng nhận kết quả tại Bộ phận Một cửa hoặc theo hình thức nhận kết quả đã đăng ký. Khi đến nhận, xin mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    ],
    lookupUrl: d.lookupUrl,
    sms: `Hồ sơ ${d.dossierCode} đã có kết quả. Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký.${d.lookupUrl ? ` Tra cứu: ${d.lookupUrl}` : ''}`,
  });
}
