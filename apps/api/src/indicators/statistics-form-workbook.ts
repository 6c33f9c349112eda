import type ExcelJS from 'exceljs';
import type { FormCounts, StatisticsForm } from '@motcua/indicators';
import { vnTime } from './indicators-export';
import { newWorkbook } from '../common/excel-workbook';

export interface FormHeading {
  agencyName: string;
  province: string;
  procedureNames: ReadonlyMap<string, string>;
  /** When the workbook is made (the signature date). */
  madeAt: Date;
}

/** Columns (3)–(13) of the form, in order. */
const COUNT_COLUMNS: Array<keyof FormCounts> = [
  'total',
  'newOnline',
  'newOther',
  'carriedOver',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProgress',
  'inProgressOnTime',
  'inProgressLate',
];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

/**
 * Biểu 06/VPCP/KSTT as an Excel workbook with the form's layout (statistics-form.ts in
 * libs/indicators for the columns and their source): heading, the three header rows with their
 * merges and the column numbers, a total row, one row per field and per procedure, and the
 * signature block. A period still running is marked as provisional in the heading.
 */
export async function statisticsFormWorkbook(form: StatisticsForm, heading: FormHeading): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'motcua';
  const sheet = wb.addWorksheet('Biểu 06', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 6 }, { width: 58 }, ...COUNT_COLUMNS.map(() => ({ width: 11 }))];
  const bold = { bold: true };
  const center: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

  sheet.mergeCells('A1:B1');
  sheet.getCell('A1').value = 'Biểu số 06/VPCP/KSTT';
  sheet.getCell('A1').font = bold;
  sheet.mergeCells('C1:J2');
  sheet.getCell('C1').value = `TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI ${heading.agencyName.toUpperCase()}`;
  sheet.getCell('C1').font = bold;
  sheet.getCell('C1').alignment = center;
  sheet.mergeCells('K1:M1');
  sheet.getCell('K1').value = `Đơn vị báo cáo: ${heading.agencyName}`;
  sheet.mergeCells('K2:M2');
  sheet.getCell('K2').value = `Đơn vị nhận báo cáo: Văn phòng Ủy ban nhân dân tỉnh ${heading.province}`.trim();
  sheet.mergeCells('A3:M3');
  const last = new Date(form.period.to.getTime() - 1);
  const provisional = form.period.provisional ? ` — SỐ LIỆU TẠM TÍNH đến ${vnTime(form.period.asOf ?? form.period.to)}` : '';
  sheet.getCell('A3').value = `Kỳ báo cáo: ${form.period.labelVi} (từ ngày ${vnTime(form.period.from).slice(0, 10)} đến ngày ${vnTime(last).slice(0, 10)})${provisional}`;
  sheet.getCell('A3').alignment = center;
  sheet.getCell('A3').font = bold;
  sheet.mergeCells('A4:M4');
  sheet.getCell('A4').value = 'Đơn vị tính: Số hồ sơ TTHC.';
  sheet.getCell('A4').alignment = { horizontal: 'right' };

  // Header: rows 5–7, then the column numbers on row 8.
  const header: Array<[string, string]> = [
    ['A5:A7', 'STT'],
    ['B5:B7', 'Lĩnh vực, thủ tục hành chính'],
    ['C5:F5', 'Số hồ sơ nhận giải quyết'],
    ['C6:C7', 'Tổng số'],
    ['D6:E6', 'Số mới tiếp nhận trong kỳ'],
    ['F6:F7', 'Số kỳ trước chuyển qua'],
    ['G5:M5', 'Kết quả giải quyết'],
    ['G6:J6', 'Số hồ sơ đã giải quyết'],
    ['K6:M6', 'Số hồ sơ đang giải quyết'],
  ];
  for (const [range, text] of header) {
    sheet.mergeCells(range);
    sheet.getCell(range.split(':')[0]).value = text;
  }
  const subHeader: Array<[string, string]> = [
    ['D7', 'Trực tuyến'],
    ['E7', 'Trực tiếp, dịch vụ bưu chính'],
    ['G7', 'Tổng số'],
    ['H7', 'Trả trước hạn'],
    ['I7', 'Trả đúng thời hạn'],
    ['J7', 'Trả quá hạn'],
    ['K7', 'Tổng số'],
    ['L7', 'Chưa đến hạn'],
    ['M7', 'Quá hạn'],
  ];
  for (const [cell, text] of subHeader) sheet.getCell(cell).value = text;
  const numbers = sheet.getRow(8);
  for (let c = 1; c <= 13; c++) numbers.getCell(c).value = `(${c})`;
  for (let r = 5; r <= 8; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= 13; c++) {
      row.getCell(c).alignment = center;
      row.getCell(c).font = bold;
    }
  }

  const addRow = (stt: string, label: string, counts: FormCounts, strong: boolean) => {
    const row = sheet.addRow([stt, label, ...COUNT_COLUMNS.map((k) => counts[k])]);
    if (strong) row.font = bold;
    row.getCell(1).alignment = { horizontal: 'center' };
    row.getCell(2).alignment = { wrapText: true };
  };
  addRow('', 'Tổng cộng', form.total, true);
  form.fields.forEach((field, i) => {
    addRow(ROMAN[i] ?? String(i + 1), field.field || '(chưa xác định lĩnh vực)', field.counts, true);
    field.procedures.forEach((p, j) => addRow(String(j + 1), heading.procedureNames.get(p.procedureCode) ?? p.procedureCode, p.counts, false));
  });
  const lastDataRow = sheet.rowCount;
  for (let r = 5; r <= lastDataRow; r++) {
    for (let c = 1; c <= 13; c++) sheet.getRow(r).getCell(c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  }

  sheet.addRow([]);
  const date = new Date(heading.madeAt.getTime() + 7 * 3_600_000);
  const signDate = sheet.addRow([]);
  sheet.mergeCells(`J${signDate.number}:M${signDate.number}`);
  signDate.getCell(10).value = `${heading.province}, ngày ${String(date.getUTCDate()).padStart(2, '0')} tháng ${String(date.getUTCMonth() + 1).padStart(2, '0')} năm ${date.getUTCFullYear()}`;
  signDate.getCell(10).alignment = { horizontal: 'center' };
  signDate.getCell(10).font = { italic: true };
  const titles = sheet.addRow([]);
  sheet.mergeCells(`B${titles.number}:D${titles.number}`);
  sheet.mergeCells(`J${titles.number}:M${titles.number}`);
  titles.getCell(2).value = 'NGƯỜI LẬP BIỂU';
  titles.getCell(10).value = 'THỦ TRƯỞNG CƠ QUAN';
  for (const c of [2, 10]) {
    titles.getCell(c).font = bold;
    titles.getCell(c).alignment = { horizontal: 'center' };
  }
  const hint = sheet.addRow([]);
  sheet.mergeCells(`B${hint.number}:D${hint.number}`);
  sheet.mergeCells(`J${hint.number}:M${hint.number}`);
  hint.getCell(2).value = '(Ký, ghi rõ họ tên)';
  hint.getCell(10).value = '(Ký tên, đóng dấu)';
  for (const c of [2, 10]) {
    hint.getCell(c).font = { italic: true };
    hint.getCell(c).alignment = { horizontal: 'center' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
