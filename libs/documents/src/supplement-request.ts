import { paperMeta, renderPaper } from './document';
import { FORMS } from './forms';
import { applicantFields, closing, drawHeading, field, listItem, longAndShort, paragraph, procedureFields, receiverPhrase, unitOf } from './paper-parts';
import { paperQr } from './paper-qr';
import type { RenderOptions, SupplementRequestData } from './types';
import { requireDate, requireList, requireText, validateBase } from './validate';

/**
 * Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: the one-time written guidance given
 * instead of handing an incomplete dossier back (DOMAIN.md §2.4), so every missing item and
 * every reason is listed on the one paper.
 */
export async function renderSupplementRequest(data: SupplementRequestData, options: RenderOptions = {}): Promise<Buffer> {
  validateBase(data);
  requireDate(data.receivedAt, 'receivedAt');
  requireList(data.reasons, 'reasons');
  data.reasons.forEach((reason, i) => requireText(reason, `reasons[${i}]`));
  if (!Array.isArray(data.componentsToSupplement)) throw new TypeError('componentsToSupplement must be an array');
  data.componentsToSupplement.forEach((component, i) => requireText(component.name, `componentsToSupplement[${i}].name`));
  requireText(data.clerkName, 'clerkName');

  const form = FORMS.supplementRequest;
  const unit = receiverPhrase(data.issuer);
  const qrPng = paperQr(data, form);
  return renderPaper(
    paperMeta(form, data, options.creationDate),
    (ts) => {
      drawHeading(ts, { issuer: data.issuer, showUnit: true, paperNumber: data.paperNumber, issuedAt: data.issuedAt, form, qrPng });
      paragraph(ts, 'Hồ sơ của:');
      applicantFields(ts, data.applicant);
      procedureFields(ts, data.procedure, data.dossierCode);
      field(ts, 'Thời gian tiếp nhận', longAndShort(data.receivedAt));
      if (data.componentsToSupplement.length > 0) {
        paragraph(ts, `Sau khi xem xét thành phần, hồ sơ, ${unit} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`);
        data.componentsToSupplement.forEach((component, i) => {
          listItem(ts, `${i + 1}.`, [
            { text: component.name, style: 'bold' },
            ...(component.requirement ? [{ text: `: ${component.requirement}` }] : []),
          ]);
        });
        paragraph(ts, [{ text: 'Lý do:', style: 'bold' }]);
      } else {
        // No component list: the reasons are what to supplement, printed once.
        paragraph(ts, `Sau khi xem xét thành phần, hồ sơ, ${unit} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ với lý do và nội dung sau:`);
      }
      data.reasons.forEach((reason) => listItem(ts, '-', reason));
      if (data.deadlineNote) paragraph(ts, [{ text: data.deadlineNote, style: 'italic' }]);
      const contact = data.issuer.phone ? ` (số điện thoại ${data.issuer.phone})` : '';
      paragraph(
        ts,
        `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${unitOf(data.issuer) || data.issuer.agencyName}${contact} để được hướng dẫn.`,
        8,
      );
      closing(ts, data, [{ role: 'NGƯỜI HƯỚNG DẪN', hint: 'Ký và ghi rõ họ tên', name: data.clerkName, title: data.clerkTitle }]);
    },
  );
}
