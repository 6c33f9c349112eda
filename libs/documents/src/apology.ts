import { paperMeta, renderPaper } from './document';
import { FORMS } from './forms';
import { agencySignerRole, closing, drawHeading, field, longAndShort, paragraph, procedureFields } from './paper-parts';
import { paperQr } from './paper-qr';
import type { ApologyData, RenderOptions } from './types';
import { requireDate, requireSigner, requireText, validateBase } from './validate';
import { formatVnLongDateTime } from './vn-time';

/**
 * Mẫu 04 — Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết. Issued by the agency
 * handling the dossier (not the one-stop unit), so the heading omits the unit and the agency
 * head signs. The QR `hen` is the new appointment: the date the applicant should now rely on.
 */
export async function renderApology(data: ApologyData, options: RenderOptions = {}): Promise<Buffer> {
  validateBase(data);
  requireDate(data.receivedAt, 'receivedAt');
  requireDate(data.previousAppointmentAt, 'previousAppointmentAt');
  requireDate(data.newAppointmentAt, 'newAppointmentAt');
  requireText(data.reason, 'reason');
  requireText(data.handlingDepartment, 'handlingDepartment');
  requireSigner(data.signer);

  const form = FORMS.apology;
  const agency = data.issuer.agencyName;
  const qrPng = paperQr(data, form, data.newAppointmentAt);
  return renderPaper(
    paperMeta(form, data, options.creationDate),
    (ts) => {
      drawHeading(ts, { issuer: data.issuer, showUnit: false, paperNumber: data.paperNumber, issuedAt: data.issuedAt, form, qrPng });
      paragraph(ts, [{ text: 'Kính gửi: ' }, { text: `Ông/Bà ${data.applicant.name}`, style: 'bold' }], 6);
      paragraph(ts, `Vào lúc ${formatVnLongDateTime(data.receivedAt)}, ${agency} đã tiếp nhận hồ sơ của Ông/Bà:`);
      procedureFields(ts, data.procedure, data.dossierCode);
      field(ts, 'Thời gian hẹn trả kết quả', longAndShort(data.previousAppointmentAt));
      paragraph(ts, `Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hẹn.`);
      field(ts, 'Lý do', data.reason);
      field(ts, 'Đơn vị xử lý hồ sơ', data.handlingDepartment);
      paragraph(
        ts,
        `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${agency} xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ đến:`,
      );
      field(ts, 'Thời gian trả kết quả mới', longAndShort(data.newAppointmentAt));
      paragraph(ts, 'Xin trân trọng cảm ơn!', 8);
      closing(ts, data, [
        { role: agencySignerRole(data.signer), hint: 'Ký, ghi rõ họ tên và đóng dấu', name: data.signer.name },
      ]);
    },
  );
}
