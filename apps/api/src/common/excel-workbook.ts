import type ExcelJS from 'exceljs';

/**
 * A new workbook, with exceljs loaded on the first export rather than at boot: it is the largest
 * module the API would otherwise load at start (about a quarter of a second, paid by every
 * instance and every test app), and only the Excel exports use it.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const excel = await import('exceljs');
  return new (excel.default ?? excel).Workbook();
}
