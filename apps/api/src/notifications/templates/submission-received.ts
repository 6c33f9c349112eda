import type { RenderedNotification, SubmissionReceivedData } from '../notification.types';
import { vnDateTime } from './format';
import { layout } from './layout';

/**
 * An online submission reached the one-stop unit (issue #16): not yet received in the legal sense —
 * the unit checks it and accepts or rejects it within its intake time (DOMAIN.md §2.3). Carries the
 * reference and the lookup secret the citizen follows it with.
 */
export function submissionReceivedNotification(d: SubmissionReceivedData): RenderedNotification {
  return layout({
    subject: `Đã nhận hồ sơ nộp trực tuyến ${d.dossierCode}`,
    agencyName: d.agencyName,
    applicantName: d.applicantName,
    intro: [
      `${d.agencyName} đã nhận hồ sơ Ông/Bà nộp trực tuyến.`,
      `Bộ phận Một cửa sẽ kiểm tra và tiếp nhận hoặc từ chối hồ sơ trong ${d.intakeWorkingHours} giờ làm việc; Ông/Bà sẽ nhận được thông báo.`,
    ],
    facts: [
      ['Mã hồ sơ', d.dossierCode],
      ['Mã tra cứu', d.secret],
      ['Thủ tục', d.procedureName],
      ['Thời điểm nộp', vnDateTime(d.submittedAt)],
    ],
    outro: ['Ông/Bà vui lòng giữ mã hồ sơ và mã tra cứu để theo dõi, bổ sung hồ sơ, thanh toán phí và nhận kết quả trực tuyến.'],
    lookupUrl: d.lookupUrl,
    sms: `Đã nhận hồ sơ nộp trực tuyến ${d.dossierCode}, mã tra cứu ${d.secret}.${d.lookupUrl ? ` Tra cứu: ${d.lookupUrl}` : ''}`,
  });
}
