import { FORMS, LOG_BOOK_COLUMNS, logBookPeriod, logBookRows, type LogBookData } from '@motcua/documents';
import { newWorkbook } from '../common/excel-workbook';

/** Column widths (characters) of the Excel log book, in the order of LOG_BOOK_COLUMNS. */
const WIDTHS: Record<string, number> = { number: 6, code: 28, procedure: 45, applicant: 40, receivedAt: 17, appointmentAt: 17, handedTo: 30, result: 28, note: 24 };

/** The log book as an Excel sheet: the same columns and values as the PDF, Vietnamese headings. */
export async function logBookWorkbook(data: LogBookData): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'motcua';
  const sheet = wb.addWorksheet('Sổ theo dõi hồ sơ', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const span = LOG_BOOK_COLUMNS.length;
  const title = (row: number, text: string, bold = false) => {
    sheet.mergeCells(row, 1, row, span);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.alignment = { horizontal: 'center' };
    cell.font = { bold };
  };
  title(1, data.issuer.agencyName.toUpperCase(), true);
  title(2, FORMS.logBook.title, true);
  title(3, logBookPeriod(data));
  title(4, data.procedure ? `Thủ tục: ${data.procedure}` : `Số hồ sơ tiếp nhận: ${data.entries.length}`);
  const header = sheet.getRow(6);
  LOG_BOOK_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = WIDTHS[c.field] ?? 20;
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  logBookRows(data.entries).forEach((values, r) => {
    const row = sheet.getRow(7 + r);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = i === 0 ? Number(value) : value;
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: 6 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
