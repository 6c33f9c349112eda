import ExcelJS from 'exceljs';
import type { IndicatorReport, PlanLine } from '@motcua/indicators';

export interface LateDossierRow {
  code: string;
  procedureCode: string;
  dueAt: Date;
  processingEndedAt: Date | null;
  supplementRequests: number;
  lateSteps: Array<{ name: string; departmentCode: string }>;
}

/** dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh (UTC+7 all year). */
function vnTime(d: Date | null): string {
  if (!d) return '';
  const t = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

const INDICATOR_COLUMNS = [
  { header: 'Mã chỉ số', key: 'key', width: 12 },
  { header: 'Tên chỉ số', key: 'name', width: 60 },
  { header: 'Tử số', key: 'numerator', width: 10 },
  { header: 'Mẫu số', key: 'denominator', width: 10 },
  { header: 'Tỷ lệ (%)', key: 'rate', width: 12 },
  { header: 'Điểm', key: 'score', width: 10 },
  { header: 'Điểm tối đa', key: 'max', width: 12 },
  { header: 'Cách tính', key: 'formula', width: 80 },
  { header: 'Chưa xác minh', key: 'unverified', width: 60 },
];

function indicatorRows(report: IndicatorReport, group: number) {
  return report.indicators
    .filter((i) => i.group === group)
    .map((i) => ({
      key: i.key,
      name: i.nameVi,
      numerator: i.kind === 'ratio' ? i.numerator : i.completed,
      denominator: i.kind === 'ratio' ? i.denominator : null,
      rate: i.kind === 'ratio' ? i.rate : i.averageWorkingDays,
      score: i.score,
      max: i.maxPoints,
      formula: i.formulaVi,
      unverified: i.unverified.join(' | '),
    }));
}

/** Excel workbook with Vietnamese headings: a summary, one sheet per group, the plan, and the late dossiers. */
export async function indicatorsWorkbook(report: IndicatorReport, plan: PlanLine[], late: LateDossierRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const summary = wb.addWorksheet('Tổng hợp');
  summary.columns = [
    { header: 'Nhóm chỉ số', key: 'name', width: 50 },
    { header: 'Điểm', key: 'score', width: 12 },
    { header: 'Điểm tối đa', key: 'max', width: 12 },
  ];
  for (const g of report.groups) summary.addRow({ name: `${g.no}. ${g.nameVi}`, score: g.score, max: g.maxPoints });
  summary.addRow({ name: 'Tổng điểm', score: report.total.score, max: report.total.maxPoints });
  summary.addRow({ name: `Kỳ báo cáo: ${report.period.labelVi}` });
  for (const g of report.groups) {
    const sheet = wb.addWorksheet(`Nhóm ${g.no}`);
    sheet.columns = INDICATOR_COLUMNS;
    for (const row of indicatorRows(report, g.no)) sheet.addRow(row);
  }
  const planSheet = wb.addWorksheet('Chỉ tiêu kế hoạch');
  planSheet.columns = [
    { header: 'Chỉ tiêu', key: 'name', width: 60 },
    { header: 'Kết quả (%)', key: 'actual', width: 14 },
    { header: 'Chỉ tiêu (%)', key: 'target', width: 14 },
    { header: 'Nhận xét', key: 'sentence', width: 100 },
  ];
  for (const p of plan) planSheet.addRow({ name: p.nameVi, actual: p.actual, target: p.target, sentence: p.sentenceVi });
  const lateSheet = wb.addWorksheet('Hồ sơ trễ hạn');
  lateSheet.columns = [
    { header: 'Mã hồ sơ', key: 'code', width: 28 },
    { header: 'Mã thủ tục', key: 'procedure', width: 22 },
    { header: 'Hạn giải quyết', key: 'due', width: 18 },
    { header: 'Kết thúc xử lý', key: 'ended', width: 18 },
    { header: 'Số lần yêu cầu bổ sung', key: 'supplements', width: 12 },
    { header: 'Bước xử lý trễ hạn (phòng)', key: 'steps', width: 60 },
  ];
  for (const d of late) {
    lateSheet.addRow({
      code: d.code,
      procedure: d.procedureCode,
      due: vnTime(d.dueAt),
      ended: vnTime(d.processingEndedAt),
      supplements: d.supplementRequests,
      steps: d.lateSteps.map((s) => `${s.name} (${s.departmentCode})`).join('; '),
    });
  }
  for (const sheet of wb.worksheets) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV (UTF-8 with BOM so Excel shows the Vietnamese correctly), one line per indicator. */
export function indicatorsCsv(report: IndicatorReport): string {
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [INDICATOR_COLUMNS.map((c) => c.header).join(',')];
  for (const g of report.groups) for (const r of indicatorRows(report, g.no)) lines.push(Object.values(r).map(esc).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
