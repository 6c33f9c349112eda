import { paperMeta, renderPaper } from './document';
import { FORMS } from './forms';
import { applicantFields, BODY_SIZE, closing, closingHeight, drawHeading, field, longAndShort, paragraph, procedureFields, receiverPhrase } from './paper-parts';
import { paperQr } from './paper-qr';
import { drawTable } from './table';
import type { RichText } from './typesetter';
import type { ReceiptData, ReceivedForm, ReceivingChannel, RenderOptions } from './types';
import { requireCount, requireDate, requireText, validateBase } from './validate';

const CHANNEL_LABEL: Record<ReceivingChannel, string> = {
  direct: 'Trực tiếp tại Bộ phận Một cửa',
  online: 'Trực tuyến',
  postal: 'Qua dịch vụ bưu chính công ích',
};

/** How each component was received, in the words of the form. */
const FORM_LABEL: Record<ReceivedForm, string> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao có chứng thực',
  copy: 'Bản sao',
  electronic: 'Bản điện tử',
  not_submitted: 'Không nộp',
  unrecorded: 'Không ghi nhận',
};

const COMPONENT_COLUMNS = [
  { header: 'STT', share: 0.08, align: 'center' as const },
  { header: 'Tên giấy tờ', share: 0.46 },
  { header: 'Hình thức', share: 0.2, align: 'center' as const },
  { header: 'Số lượng', share: 0.12, align: 'center' as const },
  { header: 'Đã số hóa', share: 0.14, align: 'center' as const },
];

/**
 * Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (receipt and appointment slip): every
 * component exactly as the clerk recorded it (form, number of copies, or not submitted), the
 * number of sets and the log-book reference. The QR carries the appointment (`hen`) as TT 01/2023
 * Art 26 requires for this paper.
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
    if (!Object.hasOwn(FORM_LABEL, component.form)) throw new TypeError(`components[${i}].form is unknown: ${String(component.form)}`);
    requireCount(component.count, `components[${i}].count`);
  });
  if (data.sets !== undefined && (!Number.isInteger(data.sets) || data.sets < 1)) throw new RangeError('sets must be a whole number ≥ 1');
  if (data.logBook) {
    requireText(data.logBook.volume, 'logBook.volume');
    requireCount(data.logBook.entry, 'logBook.entry');
  }

  const form = FORMS.receipt;
  const qrPng = paperQr(data, form, data.appointmentAt);
  return renderPaper(paperMeta(form, data, options.creationDate), (ts) => {
    drawHeading(ts, { issuer: data.issuer, showUnit: true, paperNumber: data.paperNumber, issuedAt: data.issuedAt, form, qrPng });
    paragraph(ts, `${receiverPhrase(data.issuer)} tiếp nhận hồ sơ của:`);
    applicantFields(ts, data.applicant);
    procedureFields(ts, data.procedure, data.dossierCode);
    if (data.handlingAgency) field(ts, 'Cơ quan giải quyết', data.handlingAgency);
    field(ts, 'Hình thức nộp hồ sơ', CHANNEL_LABEL[data.channel]);
    field(ts, 'Thời gian tiếp nhận', longAndShort(data.receivedAt));

    let n = 0;
    paragraph(ts, [{ text: `${++n}. Thành phần hồ sơ nộp gồm:`, style: 'bold' }]);
    if (data.components.length === 0) {
      paragraph(ts, '(Không có thành phần hồ sơ.)');
    } else {
      drawTable(
        ts,
        COMPONENT_COLUMNS,
        data.components.map((component, i) => [
          String(i + 1),
          component.name,
          FORM_LABEL[component.form],
          component.form === 'not_submitted' || component.form === 'unrecorded' ? '' : String(component.count),
          component.digitised ? 'Có' : 'Không',
        ]),
      );
      ts.y += 6;
    }
    const clerk = { role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: 'Ký và ghi rõ họ tên', name: data.clerkName, title: data.clerkTitle };
    // Only a counter applicant is there to sign; online and postal dossiers have the clerk alone.
    const signers = data.channel === 'direct' ? [{ role: 'NGƯỜI NỘP HỒ SƠ', hint: 'Ký và ghi rõ họ tên', name: data.applicant.name }, clerk] : [clerk];
    // The number of sets and the log-book entry share a line: both are short, and the slip should stay on one page.
    const logBook = data.logBook ? `Vào Sổ theo dõi hồ sơ, Quyển số: ${data.logBook.volume}, Số thứ tự: ${data.logBook.entry}` : '';
    const tail: RichText[] = [];
    const line = (label: string, value: string, after = ''): RichText => [{ text: `${label}: ` }, { text: value, style: 'bold' }, ...(after ? [{ text: `     ${after}` }] : [])];
    if (data.sets !== undefined) tail.push(line(`${++n}. Số lượng hồ sơ`, `${String(data.sets).padStart(2, '0')} (bộ)`, logBook));
    if (data.processingTime) tail.push(line(`${++n}. Thời hạn giải quyết theo quy định`, data.processingTime));
    tail.push(line(`${++n}. Thời gian trả kết quả`, longAndShort(data.appointmentAt)));
    tail.push(line(`${++n}. Nơi nhận kết quả`, data.resultDeliveryPlace));
    if (data.sets === undefined && logBook) tail.push(logBook);
    // The appointment lines go with the signatures: a page holding only signatures is no paper.
    const tailHeight = tail.map((text) => ts.heightOf(text, BODY_SIZE, ts.width - 14, 'bold') + 2).reduce((x, y) => x + y, 0);
    ts.ensureSpace(tailHeight + 4 + closingHeight(ts, signers));
    for (const text of tail) ts.block(text, { size: BODY_SIZE, hanging: 14, spaceAfter: 2 });
    ts.y += 4;
    closing(ts, data, signers);
  });
}
