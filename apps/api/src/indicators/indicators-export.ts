import type ExcelJS from 'exceljs';
import { PROCESSING_TIME_UNIT_LABELS_VI } from '@motcua/catalogue';
import type { IndicatorReport, PlanLine, Reconciliation } from '@motcua/indicators';
import type { LateDossier } from './indicators.service';
import { newWorkbook } from '../common/excel-workbook';

/** dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh (UTC+7 all year). */
export function vnTime(d: Date | null): string {
  if (!d) return '';
  const t = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

const UNIT_VI: Record<string, string> = PROCESSING_TIME_UNIT_LABELS_VI;

const INDICATOR_COLUMNS = [
  { header: 'Mã chỉ số', key: 'key', width: 12 },
  { header: 'Tên chỉ số', key: 'name', width: 60 },
  { header: 'Tử số', key: 'numerator', width: 10 },
  { header: 'Mẫu số', key: 'denominator', width: 10 },
  { header: 'Tỷ lệ (%) / giá trị', key: 'rate', width: 14 },
  { header: 'Điểm', key: 'score', width: 10 },
  { header: 'Điểm tối đa', key: 'max', width: 12 },
  { header: 'Ghi chú', key: 'note', width: 60 },
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
      rate: i.kind === 'ratio' ? i.rate : i.average,
      score: i.score,
      max: i.maxPoints,
      note: [i.naReasonVi, i.kind === 'average_time' && i.unit ? `Đơn vị: ${UNIT_VI[i.unit]}` : null].filter(Boolean).join(' '),
      formula: i.formulaVi,
      unverified: i.unverified.join(' | '),
    }));
}

export interface IndicatorsWorkbookInput {
  report: IndicatorReport;
  plan: PlanLine[];
  late: LateDossier[];
  reconciliation: Reconciliation;
}

/**
 * Excel workbook with Vietnamese headings: a summary (provisional while the period runs), one sheet
 * per group, the plain channel shares, the plan, the late dossiers with and without an apology
 * letter, and the reconciliation with the records the portal received.
 */
export async function indicatorsWorkbook({ report, plan, late, reconciliation }: IndicatorsWorkbookInput): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'motcua';
  const summary = wb.addWorksheet('Tổng hợp');
  summary.columns = [
    { header: 'Nhóm chỉ số', key: 'name', width: 60 },
    { header: 'Điểm', key: 'score', width: 12 },
    { header: 'Điểm đã đo được', key: 'measured', width: 16 },
    { header: 'Điểm tối đa', key: 'max', width: 12 },
  ];
  for (const g of report.groups) summary.addRow({ name: `${g.no}. ${g.nameVi}`, score: g.score, measured: g.measuredMaxPoints, max: g.maxPoints });
  summary.addRow({ name: 'Tổng điểm', score: report.total.score, measured: report.total.maxPoints, max: report.total.nominalMaxPoints });
  summary.addRow({ name: `Tỷ lệ điểm trên số điểm đã đo được: ${report.total.percent ?? 'không có'}%` });
  summary.addRow({ name: report.total.naPolicyVi });
  summary.addRow({ name: `Kỳ báo cáo: ${report.period.labelVi}` });
  if (report.provisional) summary.addRow({ name: `SỐ LIỆU TẠM TÍNH: kỳ chưa kết thúc, tính đến ${vnTime(report.period.to)}.` });
  for (const g of report.groups) {
    const sheet = wb.addWorksheet(`Nhóm ${g.no}`);
    sheet.columns = INDICATOR_COLUMNS;
    for (const row of indicatorRows(report, g.no)) sheet.addRow(row);
  }
  const channels = wb.addWorksheet('Theo kênh nộp');
  channels.columns = [
    { header: 'Chỉ tiêu', key: 'name', width: 60 },
    { header: 'Tử số', key: 'numerator', width: 10 },
    { header: 'Mẫu số', key: 'denominator', width: 10 },
    { header: 'Tỷ lệ (%)', key: 'rate', width: 12 },
  ];
  for (const m of report.measures) channels.addRow({ name: m.nameVi, numerator: m.numerator, denominator: m.denominator, rate: m.rate });
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
    { header: 'Ngày hẹn trả', key: 'due', width: 18 },
    { header: 'Kết thúc xử lý', key: 'ended', width: 18 },
    { header: 'Văn bản xin lỗi', key: 'apology', width: 16 },
    { header: 'Ngày hẹn lại', key: 'newDue', width: 18 },
    { header: 'Văn bản gửi muộn', key: 'letterLate', width: 14 },
    { header: 'Số lần yêu cầu bổ sung', key: 'supplements', width: 12 },
    { header: 'Bước xử lý trễ hạn (phòng)', key: 'steps', width: 60 },
  ];
  for (const d of late) {
    lateSheet.addRow({
      code: d.code,
      procedure: d.procedureCode,
      due: vnTime(d.appointmentAt),
      ended: vnTime(d.processingEndedAt),
      apology: d.apologyAppointmentAt ? 'Có' : 'Không',
      newDue: vnTime(d.apologyAppointmentAt),
      letterLate: d.apology ? (d.apology.late ? 'Muộn' : 'Đúng hạn') : '',
      supplements: d.supplementRequests,
      steps: d.lateSteps.map((s) => `${s.name} (${s.departmentCode})`).join('; '),
    });
  }
  const withApology = late.filter((d) => d.apologyAppointmentAt !== null).length;
  lateSheet.addRow({});
  const lettersLate = late.filter((d) => d.apology?.late).length;
  lateSheet.addRow({ code: `Tổng: ${late.length} hồ sơ trễ hạn, ${withApology} có văn bản xin lỗi (${lettersLate} gửi muộn), ${late.length - withApology} không có.` });
  addReconciliationSheet(wb, reconciliation);
  for (const sheet of wb.worksheets) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const REASON_VI: Record<string, string> = { not_delivered: 'Chưa gửi được lên Cổng', outdated: 'Cổng đang giữ phiên bản cũ' };
const DELIVERY_VI: Record<string, string> = { pending: 'đang chờ gửi', dead: 'gửi lỗi (thư chết)', discarded: 'đã bị hủy', not_queued: 'chưa xếp hàng gửi (chưa cấu hình đồng bộ)' };

function addReconciliationSheet(wb: ExcelJS.Workbook, r: Reconciliation): void {
  const sheet = wb.addWorksheet('Đối chiếu Cổng DVCQG');
  sheet.columns = [
    { header: 'Mã chỉ số', key: 'key', width: 12 },
    { header: 'Tên chỉ số', key: 'name', width: 60 },
    { header: 'Số liệu của hệ thống', key: 'ours', width: 20 },
    { header: 'Cổng tính từ bản ghi đã nhận', key: 'portal', width: 26 },
    { header: 'Chênh lệch', key: 'difference', width: 12 },
  ];
  for (const f of r.figures) sheet.addRow({ key: f.key, name: f.nameVi, ours: f.ours, portal: f.portal, difference: f.difference });
  sheet.addRow({});
  sheet.addRow({ key: '1.4', name: `Tỷ lệ đồng bộ: ${r.sync.delivered}/${r.sync.received} hồ sơ tiếp nhận trong kỳ đã có bản ghi trên Cổng (${r.sync.rate ?? 'không có'}%).` });
  sheet.addRow({});
  const head = sheet.addRow({ key: 'Mã hồ sơ', name: 'Lý do', ours: 'Phiên bản hệ thống', portal: 'Phiên bản trên Cổng', difference: 'Chỉ số bị ảnh hưởng' });
  head.font = { bold: true };
  for (const d of r.differences) {
    sheet.addRow({
      key: d.code,
      name: `${REASON_VI[d.reason]}${d.delivery ? ` (${DELIVERY_VI[d.delivery]})` : ''}`,
      ours: d.ourVersion,
      portal: d.deliveredVersion,
      difference: d.ratios.map((x) => x.key).join(', '),
    });
  }
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
