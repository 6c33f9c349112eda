import type { IndicatorReport } from '../../api/types';
import { formatDateTime } from '../../format/datetime';

/** A period that has not ended is judged as of now: the figures are provisional and say so. */
export function ProvisionalNotice({ report }: { report: IndicatorReport }) {
  if (!report.provisional) return null;
  return (
    <p className="alert alert--warning" role="note" data-testid="provisional">
      <strong>Số liệu tạm tính:</strong> kỳ báo cáo chưa kết thúc, số liệu tính đến {formatDateTime(report.period.asOf ?? report.period.to)}. Hồ sơ chưa đến hạn trả được tính là
      đang giải quyết trong hạn; số liệu sẽ thay đổi đến hết kỳ.
    </p>
  );
}
