import { paperMeta, renderPaper } from './document';
import { CONTROL_SLIP_COLUMNS, FORMS, type ControlSlipField, type FormColumn } from './forms';
import { applicantFields, drawHeading, field, longAndShort, paragraph, procedureFields } from './paper-parts';
import { paperQr } from './paper-qr';
import { drawTable } from './table';
import type { RichText } from './typesetter';
import type { ControlSlipData, Handover, RenderOptions } from './types';
import { requireDate, requireText, validateBase } from './validate';
import { formatVnDateTime } from './vn-time';

export interface ControlSlipOptions extends RenderOptions {
  /** The table's columns; default TT 01/2018 Mẫu 05 ({@link CONTROL_SLIP_COLUMNS}). */
  readonly columns?: readonly FormColumn<ControlSlipField>[];
}

/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ: travels with the dossier and records each hand-over
 * (the giving and receiving unit and person, the time, the result against the time limit), so a
 * late step is visible. People are named by full name; a receiver not yet known signs by hand.
 */
export async function renderControlSlip(data: ControlSlipData, options: ControlSlipOptions = {}): Promise<Buffer> {
  validateBase(data);
  requireDate(data.receivedAt, 'receivedAt');
  requireText(data.handlingAgency, 'handlingAgency');
  if (!Array.isArray(data.handovers)) throw new TypeError('handovers must be an array');
  data.handovers.forEach((h, i) => {
    requireText(h.fromUnit, `handovers[${i}].fromUnit`);
    requireText(h.fromPerson, `handovers[${i}].fromPerson`);
    requireText(h.toUnit, `handovers[${i}].toUnit`);
    requireDate(h.at, `handovers[${i}].at`);
  });
  const columns = options.columns ?? CONTROL_SLIP_COLUMNS;
  const form = FORMS.controlSlip;
  const qrPng = paperQr(data, form, data.appointmentAt);
  return renderPaper(paperMeta(form, data, options.creationDate), (ts) => {
    drawHeading(ts, { issuer: data.issuer, showUnit: true, paperNumber: data.paperNumber, issuedAt: data.issuedAt, form, qrPng });
    paragraph(ts, 'Kèm theo hồ sơ của:');
    applicantFields(ts, data.applicant);
    procedureFields(ts, data.procedure, data.dossierCode);
    field(ts, 'Thời gian tiếp nhận', longAndShort(data.receivedAt));
    if (data.appointmentAt) field(ts, 'Thời gian hẹn trả kết quả', longAndShort(data.appointmentAt));
    field(ts, 'Cơ quan (bộ phận) giải quyết hồ sơ', data.handlingAgency);
    if (data.coordinatingAgencies) field(ts, 'Cơ quan phối hợp giải quyết hồ sơ', data.coordinatingAgencies);
    ts.y += 4;
    const rows = data.handovers.map((h, i) => columns.map((c) => cell(c.field, h, i)));
    drawTable(ts, columns.map((c) => ({ header: c.header, share: c.share })), rows, 9);
    if (rows.length === 0) paragraph(ts, [{ text: 'Hồ sơ chưa được chuyển giao.', style: 'italic' }]);
  });
}

function cell(f: ControlSlipField, h: Handover, i: number): RichText {
  switch (f) {
    case 'handover':
      return [
        { text: `${i + 1}. Giao: `, style: 'bold' },
        { text: `${h.fromUnit}\nNgười giao: ${h.fromPerson}\n` },
        { text: 'Nhận: ', style: 'bold' },
        { text: `${h.toUnit}\nNgười nhận: ${h.toPerson ?? '……………………'}` },
      ];
    case 'time':
      return formatVnDateTime(h.at);
    case 'result':
      return h.result ?? '';
    case 'note':
      return h.note ?? '';
  }
}
