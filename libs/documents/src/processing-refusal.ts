import { paperMeta, renderPaper } from './document';
import { FORMS } from './forms';
import { agencySignerRole, closing, drawHeading, field, listItem, longAndShort, paragraph, procedureFields } from './paper-parts';
import { paperQr } from './paper-qr';
import type { ProcessingRefusalData, RenderOptions } from './types';
import { requireDate, requireList, requireSigner, requireText, validateBase } from './validate';

/**
 * Refusal during processing: the agency's reasoned written reply to a dossier it received and
 * examined (not the counter's Mẫu 03, which refuses at intake). Issued by the agency, so the
 * heading omits the one-stop unit and the head of the agency (or a deputy "KT.") signs.
 */
export async function renderProcessingRefusal(data: ProcessingRefusalData, options: RenderOptions = {}): Promise<Buffer> {
  validateBase(data);
  requireDate(data.receivedAt, 'receivedAt');
  requireList(data.reasons, 'reasons');
  data.reasons.forEach((reason, i) => requireText(reason, `reasons[${i}]`));
  requireText(data.handlingDepartment, 'handlingDepartment');
  requireSigner(data.signer);

  const form = FORMS.processingRefusal;
  const agency = data.issuer.agencyName;
  const qrPng = paperQr(data, form);
  return renderPaper(
    paperMeta(form, data, options.creationDate),
    (ts) => {
      drawHeading(ts, { issuer: data.issuer, showUnit: false, paperNumber: data.paperNumber, issuedAt: data.issuedAt, form, qrPng });
      paragraph(ts, [{ text: 'Kính gửi: ' }, { text: `Ông/Bà ${data.applicant.name}`, style: 'bold' }], 6);
      paragraph(ts, `${agency} đã tiếp nhận và xem xét hồ sơ của Ông/Bà:`);
      procedureFields(ts, data.procedure, data.dossierCode);
      field(ts, 'Thời gian tiếp nhận', longAndShort(data.receivedAt));
      field(ts, 'Đơn vị xử lý hồ sơ', data.handlingDepartment);
      paragraph(ts, `Qua xem xét, hồ sơ không đủ điều kiện giải quyết. ${agency} trả lời Ông/Bà với lý do cụ thể như sau:`);
      data.reasons.forEach((reason) => listItem(ts, '-', reason));
      paragraph(ts, 'Hồ sơ được trả lại Ông/Bà kèm theo văn bản này. Xin thông báo để Ông/Bà biết.', 8);
      closing(ts, data, [{ role: agencySignerRole(data.signer), hint: 'Ký, ghi rõ họ tên và đóng dấu', name: data.signer.name }]);
    },
  );
}
