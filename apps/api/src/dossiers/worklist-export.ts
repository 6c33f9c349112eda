import { formatVietnamDateTime } from '@motcua/calendar';
import { DEADLINE_STATUS_LABELS_VI, OUTCOME_LABELS_VI } from '@motcua/deadlines';
import type { DossierListItem } from './dossier-queries.service';
import { newWorkbook } from '../common/excel-workbook';

/** Most rows one export holds; a larger list says so on its first sheet (narrow the filters). */
export const WORKLIST_EXPORT_MAX_ROWS = 5000;

export interface WorklistExport {
  items: DossierListItem[];
  total: number;
  procedureNames: ReadonlyMap<string, string>;
  departmentNames: ReadonlyMap<string, string>;
  /** What the list was filtered by, in words (first lines of the sheet). */
  filtersVi: string;
  exportedAt: Date;
  exportedBy: string;
}

const at = (iso: string | null) => (iso ? formatVietnamDateTime(new Date(iso)) : '');

/** Working hours left at the current step, one decimal (negative: overdue by that much). */
const hoursLeft = (minutes: number | null) => (minutes === null ? null : Math.round(minutes / 6) / 10);

/**
 * The worklist as the user filtered it, one dossier a row, Vietnamese headings, instants as
 * dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh, applicants and assignees by full name (issue #15).
 */
export async function worklistWorkbook(x: WorklistExport): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'motcua';
  const sheet = wb.addWorksheet('Danh sách hồ sơ');
  sheet.addRow([`Danh sách hồ sơ — xuất lúc ${formatVietnamDateTime(x.exportedAt)} bởi ${x.exportedBy}`]);
  sheet.addRow([`Điều kiện lọc: ${x.filtersVi}`]);
  sheet.addRow([
    x.total > x.items.length
      ? `Có ${x.total} hồ sơ phù hợp; bảng này gồm ${x.items.length} hồ sơ đầu tiên — hãy lọc hẹp hơn để xuất đủ.`
      : `Tổng số: ${x.total} hồ sơ.`,
  ]);
  const columns = [
    { header: 'STT', width: 6 },
    { header: 'Mã hồ sơ', width: 22 },
    { header: 'Người nộp', width: 26 },
    { header: 'Số định danh', width: 16 },
    { header: 'Thủ tục', width: 50 },
    { header: 'Trạng thái', width: 20 },
    { header: 'Đang ở bước', width: 40 },
    { header: 'Người xử lý', width: 24 },
    { header: 'Ngày nộp', width: 17 },
    { header: 'Ngày tiếp nhận', width: 17 },
    { header: 'Hạn bước hiện tại', width: 17 },
    { header: 'Số giờ làm việc còn lại', width: 12 },
    { header: 'Tình trạng hạn', width: 14 },
    { header: 'Hẹn trả', width: 17 },
    { header: 'Kết quả xử lý', width: 14 },
    { header: 'Ngày kết thúc', width: 17 },
  ];
  const head = sheet.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  x.items.forEach((d, i) => {
    const running = d.currentStep !== null && d.processingEndedAt === null;
    sheet.addRow([
      i + 1,
      d.code,
      d.applicant.fullName,
      d.applicant.idNumber,
      x.procedureNames.get(d.procedureVersionId) ?? d.procedureCode,
      d.stateLabel,
      d.currentStep ? `${d.currentStep.index + 1}/${d.currentStep.count}: ${d.currentStep.name} — ${x.departmentNames.get(d.currentStep.departmentCode) ?? d.currentStep.departmentCode}` : '',
      d.assignee?.fullName ?? '',
      at(d.submittedAt),
      at(d.receivedAt),
      running ? at(d.stepDueAt) : '',
      running ? hoursLeft(d.stepWorkingMinutesLeft) : null,
      d.deadlineStatus && d.processingEndedAt === null ? DEADLINE_STATUS_LABELS_VI[d.deadlineStatus] : '',
      at(d.appointmentAt),
      d.outcome ? OUTCOME_LABELS_VI[d.outcome] : '',
      at(d.finishedAt),
    ]);
  });
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
