import { renderPaper } from './document';
import { FORMS, LOG_BOOK_COLUMNS, type LogBookField } from './forms';
import { drawHeading, paragraph } from './paper-parts';
import { drawTable } from './table';
import type { LogBookData, LogBookEntry, RenderOptions } from './types';
import { requireDate, requireText } from './validate';
import { formatVnDate, formatVnDateTime } from './vn-time';

/**
 * The log book's cells as text, one row per dossier received, in the columns of
 * {@link LOG_BOOK_COLUMNS}: the PDF and the Excel export print the same values.
 */
export function logBookRows(entries: readonly LogBookEntry[]): string[][] {
  return entries.map((e, i) => LOG_BOOK_COLUMNS.map((c) => logBookCell(c.field, e, i)));
}

function logBookCell(f: LogBookField, e: LogBookEntry, i: number): string {
  switch (f) {
    case 'number':
      return String(i + 1);
    case 'code':
      return e.code;
    case 'procedure':
      return e.procedure;
    case 'applicant':
      return e.applicant;
    case 'receivedAt':
      return formatVnDateTime(e.receivedAt);
    case 'appointmentAt':
      return e.appointmentAt ? formatVnDateTime(e.appointmentAt) : '';
    case 'handedTo':
      return e.handedTo ?? '';
    case 'result':
      return [e.result, e.returnedAt ? `Trả ngày ${formatVnDateTime(e.returnedAt)}` : ''].filter(Boolean).join('\n');
    case 'note':
      return e.note ?? '';
  }
}

/** The period as printed: `Từ ngày 01/12/2026 đến ngày 31/12/2026`. */
export function logBookPeriod(data: Pick<LogBookData, 'from' | 'to'>): string {
  return `Từ ngày ${formatVnDate(data.from)} đến ngày ${formatVnDate(data.to)}`;
}

/**
 * Sổ theo dõi hồ sơ for a period, landscape A4: one row per dossier received, the header repeated
 * on every page. It concerns no one dossier, so it carries no dossier QR code.
 */
export async function renderLogBook(data: LogBookData, options: RenderOptions = {}): Promise<Buffer> {
  requireText(data.issuer?.agencyName, 'issuer.agencyName');
  requireText(data.issuer?.place, 'issuer.place');
  requireDate(data.from, 'from');
  requireDate(data.to, 'to');
  requireDate(data.issuedAt, 'issuedAt');
  if (!Array.isArray(data.entries)) throw new TypeError('entries must be an array');
  data.entries.forEach((e, i) => {
    requireText(e.code, `entries[${i}].code`);
    requireDate(e.receivedAt, `entries[${i}].receivedAt`);
  });
  const form = FORMS.logBook;
  const period = logBookPeriod(data);
  return renderPaper(
    {
      title: `${form.paperName} — ${period}`,
      author: data.issuer.agencyName,
      subject: data.procedure ?? form.paperName,
      creationDate: options.creationDate ?? data.issuedAt,
      footerLabel: `${form.paperName} — ${period}`,
    },
    (ts) => {
      drawHeading(ts, { issuer: data.issuer, showUnit: true, issuedAt: data.issuedAt, form });
      ts.block(period, { size: 11, align: 'center', style: 'italic', spaceAfter: 2 });
      if (data.procedure) ts.block(`Thủ tục: ${data.procedure}`, { size: 11, align: 'center', spaceAfter: 2 });
      paragraph(ts, `Số hồ sơ tiếp nhận: ${data.entries.length}`, 6);
      drawTable(ts, LOG_BOOK_COLUMNS.map((c) => ({ header: c.header, share: c.share, ...(c.field === 'number' ? { align: 'center' as const } : {}) })), logBookRows(data.entries), 8);
    },
    { landscape: true },
  );
}
