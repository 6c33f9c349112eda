import { useEffect, useState } from 'react';
import { describeError } from '../../api/errors';
import { getDossiersBehind, type PeriodQuery } from '../../api/indicators';
import type { DossiersBehind } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { paths } from '../../hooks/useRoute';

/** Which dossier list stands behind a number shown on the dashboard (indicator or measure key → ratio of the API). */
export const DRILL_DOWN: Record<string, { ratio: string; inNumeratorVi: string; notInNumeratorVi: string } | undefined> = {
  '1.4': { ratio: '1.4', inNumeratorVi: 'Đã đồng bộ lên Cổng DVCQG', notInNumeratorVi: 'Chưa đồng bộ' },
  '2.1': { ratio: '2.1', inNumeratorVi: 'Đúng hạn, trước hạn', notInNumeratorVi: 'Trễ hạn' },
  overdue: { ratio: '2.1', inNumeratorVi: 'Đúng hạn, trước hạn', notInNumeratorVi: 'Trễ hạn' },
  '3.3': { ratio: '3.3', inNumeratorVi: 'Hồ sơ trực tuyến', notInNumeratorVi: 'Không tính là hồ sơ trực tuyến' },
  '3.6': { ratio: '3.6', inNumeratorVi: 'Đã thanh toán trực tuyến', notInNumeratorVi: 'Chưa thanh toán trực tuyến' },
  '4.1': { ratio: '4.1', inNumeratorVi: 'Có kết quả điện tử (mã và đường dẫn)', notInNumeratorVi: 'Không có kết quả điện tử' },
  '4.2': { ratio: '4.2', inNumeratorVi: 'Đã số hóa', notInNumeratorVi: 'Chưa đạt số hóa' },
  '4.3': { ratio: '4.3', inNumeratorVi: 'Có sử dụng lại dữ liệu số hóa', notInNumeratorVi: 'Không sử dụng lại' },
  '4.4': { ratio: '4.4', inNumeratorVi: 'Gắn với Kho dữ liệu trên Cổng DVCQG', notInNumeratorVi: 'Không gắn với Kho' },
  '5.4': { ratio: 'dissatisfied_or_complained', inNumeratorVi: 'Bị đánh giá không hài lòng hoặc có PAKN', notInNumeratorVi: 'Không bị đánh giá không hài lòng, không có PAKN' },
  digitised_at_receipt: { ratio: 'digitised_at_receipt', inNumeratorVi: 'Số hóa khi tiếp nhận', notInNumeratorVi: 'Chưa số hóa đủ thành phần' },
  channel_online: { ratio: 'channel_online', inNumeratorVi: 'Nộp trực tuyến', notInNumeratorVi: 'Nộp trực tiếp hoặc qua bưu chính' },
  channel_direct: { ratio: 'channel_direct', inNumeratorVi: 'Nộp trực tiếp', notInNumeratorVi: 'Nộp trực tuyến hoặc qua bưu chính' },
  channel_postal: { ratio: 'channel_postal', inNumeratorVi: 'Nộp qua bưu chính công ích', notInNumeratorVi: 'Nộp trực tiếp hoặc trực tuyến' },
};

/** The dossiers behind one number: those counted in the numerator and the rest of the denominator, each a link to the dossier. */
export function DossiersBehindPanel({ range, indicatorKey, title, onClose }: { range: PeriodQuery; indicatorKey: string; title: string; onClose: () => void }) {
  const drill = DRILL_DOWN[indicatorKey];
  const [data, setData] = useState<DossiersBehind | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!drill) return;
    const abort = new AbortController();
    setData(null);
    setError(null);
    getDossiersBehind(range, drill.ratio, abort.signal).then(setData, (err) => !abort.signal.aborted && setError(describeError(err).message));
    return () => abort.abort();
  }, [range, drill]);
  if (!drill) return null;
  return (
    <section className="card drill-down" aria-labelledby="drill-title" data-testid="dossiers-behind">
      <div className="section-head">
        <h3 id="drill-title">Hồ sơ của chỉ số {title}</h3>
        <button type="button" className="button button--small" onClick={onClose}>
          Đóng
        </button>
      </div>
      <ErrorAlert message={error} />
      {!data && !error && <p className="muted">Đang tải danh sách hồ sơ…</p>}
      {data && (
        <div className="drill-lists">
          <CodeList title={drill.inNumeratorVi} codes={data.numerator} ids={data.ids} />
          <CodeList title={drill.notInNumeratorVi} codes={data.notInNumerator} ids={data.ids} />
        </div>
      )}
    </section>
  );
}

function CodeList({ title, codes, ids }: { title: string; codes: string[]; ids: Record<string, string> }) {
  return (
    <div>
      <h4>
        {title} ({codes.length})
      </h4>
      {codes.length === 0 ? (
        <p className="muted">Không có hồ sơ.</p>
      ) : (
        <ul className="code-list">
          {codes.map((code) => (
            <li key={code}>{ids[code] ? <a href={paths.dossier(ids[code])}>{code}</a> : code}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
