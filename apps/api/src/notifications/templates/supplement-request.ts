import type { RenderedNotification, SupplementRequestData } from '../notification.types';
import { oneLine, vnDateTime } from './format';
import { layout } from './layout';

/** Request to supplement the dossier, with the reason (the one-time written guidance, DOMAIN.md §2.4). */
export function supplementRequestNotification(d: SupplementRequestData): RenderedNotification {
  return layout({
    subject: `Yêu cầu bổ sung, hoàn thiện hồ sơ ${d.dossierCode}`,
    agencyName: d.agencyName,
    applicantName: d.applicantName,
    intro: [
      d.duringIntake
        ? 'Hồ sơ của Ông/Bà chưa đủ điều kiện tiếp nhận và cần được bổ sung, hoàn thiện.'
        : 'Trong quá trình giải quyết, hồ sơ của Ông/Bà cần được bổ sung, hoàn thiện.',
    ],
    facts: [
      ['Mã hồ sơ', d.dossierCode],
      ['Thủ tục', d.procedureName],
      ['Nội dung cần bổ sung', d.reason],
      ['Thời điểm yêu cầu', vnDateTime(d.requestedAt)],
    ],
    outro: [
      'Ông/Bà vui lòng nộp bổ sung tại Bộ phận Một cửa hoặc theo hướng dẫn trong Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.',
      // The clock pauses while the applicant supplements (DOMAIN.md §2.8, DVCQG rule; our dossier clock does so).
      ...(d.duringIntake ? [] : ['Thời gian bổ sung hồ sơ không tính vào thời hạn giải quyết; ngày hẹn trả kết quả sẽ được tính lại khi nhận đủ hồ sơ bổ sung.']),
    ],
    lookupUrl: d.lookupUrl,
    sms: `Hồ sơ ${d.dossierCode} cần bổ sung: ${oneLine(d.reason, 80)}.${d.lookupUrl ? ` Chi tiết: ${d.lookupUrl}` : ''}`,
  });
}
