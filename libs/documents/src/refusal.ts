import { paperMeta, renderPaper } from './document';
import { FORMS } from './forms';
import { applicantFields, closing, drawHeading, field, listItem, longAndShort, paragraph, procedureFields, receiverPhrase } from './paper-parts';
import { paperQr } from './paper-qr';
import type { RefusalData, RenderOptions } from './types';
import { requireDate, requireList, requireText, validateBase } from './validate';

/** Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ, stating every reason for the refusal. */
export async function renderRefusal(data: RefusalData, options: RenderOptions = {}): Promise<Buffer> {
  validateBase(data);
  requireDate(data.receivedAt, 'receivedAt');
  requireList(data.reasons, 'reasons');
  data.reasons.forEach((reason, i) => requireText(reason, `reasons[${i}]`));
  requireText(data.clerkName, 'clerkName');

  const form = FORMS.refusal;
  const qrPng = paperQr(data, form);
  return renderPaper(
    paperMeta(form, data, options.creationDate),
    (ts) => {
      drawHeading(ts, { issuer: data.issuer, showUnit: true, paperNumber: data.paperNumber, issuedAt: data.issuedAt, form, qrPng });
      paragraph(ts, `${receiverPhrase(data.issuer)} ${data.received === false ? 'đã nhận được hồ sơ nộp' : 'tiếp nhận hồ sơ'} của:`);
      applicantFields(ts, data.applicant);
      procedureFields(ts, data.procedure, data.dossierCode);
      // An online or postal submission refused before receipt was never received: it has a submission time.
      field(ts, data.received === false ? 'Thời gian nộp hồ sơ' : 'Thời gian tiếp nhận', longAndShort(data.receivedAt));
      paragraph(ts, `Qua xem xét, ${data.issuer.agencyName} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`);
      data.reasons.forEach((reason) => listItem(ts, '-', reason));
      paragraph(ts, 'Xin thông báo để Ông/Bà biết và thực hiện.', 8);
      closing(ts, data, [{ role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: 'Ký và ghi rõ họ tên', name: data.clerkName, title: data.clerkTitle }]);
    },
  );
}
