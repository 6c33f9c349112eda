import { paperMeta, renderPaper } from './document';
import { FORMS } from './forms';
import {
  applicantFields,
  drawHeading,
  field,
  longAndShort,
  lookupNote,
  paragraph,
  procedureFields,
  signatures,
  unitOf,
} from './paper-parts';
import { paperQr } from './paper-qr';
import { drawTable } from './table';
import type { ReceiptData, ReceivingChannel, RenderOptions } from './types';
import { requireCount, requireDate, requireText, validateBase } from './validate';

const CHANNEL_LABEL: Record<ReceivingChannel, string> = {
  direct: 'Trực tiếp tại Bộ phận Một cửa',
  online: 'Trực tuyến',
  postal: 'Qua dịch vụ bưu chính công ích',
};

const COMPONENT_COLUMNS = [
  { header: 'STT', share: 0.08, align: 'center' as const },
  { header: 'Tên giấy tờ', share: 0.5 },
  { header: 'Bản chính', share: 0.13, align: 'center' as const },
  { header: 'Bản sao', share: 0.13, align: 'center' as const },
  { header: 'Đã số hóa', share: 0.16, align: 'center' as const },
];

/**
 * Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (receipt and appointment slip).
 * The QR carries the appointment (`hen`) as TT 01/2023 Art 26 requires for this paper.
 */
export async function renderReceipt(data: ReceiptData, options: RenderOptions = {}): Promise<Buffer> {
  validateBase(data);
  requireDate(data.receivedAt, 'receivedAt');
  requireDate(data.appointmentAt, 'appointmentAt');
  requireText(data.resultDeliveryPlace, 'resultDeliveryPlace');
  requireText(data.clerkName, 'clerkName');
  if (!CHANNEL_LABEL[data.channel]) throw new TypeError(`unknown channel ${String(data.channel)}`);
  if (!Array.isArray(data.components)) throw new TypeError('components must be an array');
  data.components.forEach((component, i) => {
    requireText(component.name, `components[${i}].name`);
    requireCount(component.originals, `components[${i}].originals`);
    requireCount(component.copies, `components[${i}].copies`);
  });

  const form = FORMS.receipt;
  const qrPng = paperQr(data, form, data.appointmentAt);
  return renderPaper(
    paperMeta(form, data, options.creationDate),
    (ts) => {
      drawHeading(ts, { issuer: data.issuer, showUnit: true, paperNumber: data.paperNumber, issuedAt: data.issuedAt, form, qrPng });
      paragraph(ts, `${unitOf(data.issuer)} — ${data.issuer.agencyName} tiếp nhận hồ sơ của:`);
      applicantFields(ts, data.applicant);
      procedureFields(ts, data.procedure, data.dossierCode);
      field(ts, 'Hình thức nộp hồ sơ', CHANNEL_LABEL[data.channel]);
      field(ts, 'Thời gian tiếp nhận', longAndShort(data.receivedAt));

      let n = 0;
      paragraph(ts, [{ text: `${++n}. Thành phần hồ sơ đã nhận gồm:`, style: 'bold' }]);
      if (data.components.length === 0) {
        paragraph(ts, '(Không có thành phần hồ sơ.)');
      } else {
        drawTable(
          ts,
          COMPONENT_COLUMNS,
          data.components.map((component, i) => [
            String(i + 1),
            component.name,
            String(component.originals),
            String(component.copies),
            component.digitised ? 'Có' : 'Không',
          ]),
        );
        ts.y += 6;
      }
      if (data.processingTime) field(ts, `${++n}. Thời hạn giải quyết theo quy định`, data.processingTime);
      field(ts, `${++n}. Thời gian trả kết quả`, longAndShort(data.appointmentAt));
      field(ts, `${++n}. Nơi nhận kết quả`, data.resultDeliveryPlace);
      ts.y += 4;
      lookupNote(ts, data.publicLookupUrl);
      const clerk = { role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: 'Ký và ghi rõ họ tên', name: data.clerkName, title: data.clerkTitle };
      // Only a counter applicant is there to sign; online and postal dossiers have the clerk alone.
      signatures(ts, data.channel === 'direct' ? [{ role: 'NGƯỜI NỘP HỒ SƠ', hint: 'Ký và ghi rõ họ tên', name: data.applicant.name }, clerk] : [clerk]);
    },
  );
}
