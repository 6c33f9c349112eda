import { useEffect, useState } from 'react';
import { describeError } from '../../api/errors';
import { getReconciliation, type PeriodQuery } from '../../api/indicators';
import type { DeliveryState, Reconciliation } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { formatPercent } from '../../format/labels';
import { paths } from '../../hooks/useRoute';

const REASON: Record<string, string> = { not_delivered: 'Cổng chưa nhận được bản ghi', outdated: 'Cổng đang giữ phiên bản cũ' };
const DELIVERY: Record<DeliveryState, string> = {
  pending: 'đang chờ gửi',
  dead: 'gửi lỗi, cần quản trị viên xử lý',
  discarded: 'đã bị hủy',
  not_queued: 'chưa xếp hàng gửi (chưa cấu hình đồng bộ)',
};

/**
 * Our figures beside those the national portal computes from the records it received, and the
 * dossiers that make the difference: the reporting office sees why the portal's figure may differ.
 */
export function ReconciliationSection({ range }: { range: PeriodQuery }) {
  const [data, setData] = useState<Reconciliation | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    setData(null);
    setError(null);
    getReconciliation(range, abort.signal).then(setData, (err) => !abort.signal.aborted && setError(describeError(err).message));
    return () => abort.abort();
  }, [range]);
  return (
    <section className="card" aria-labelledby="reconciliation-title" data-testid="reconciliation">
      <h2 id="reconciliation-title">Đối chiếu với Cổng Dịch vụ công quốc gia</h2>
      <p className="muted small">Cổng tính Bộ chỉ số 766 từ các bản ghi hồ sơ hệ thống gửi lên. Cột “Cổng tính” dùng đúng các bản ghi Cổng đã nhận.</p>
      <ErrorAlert message={error} />
      {!data && !error && <p className="muted">Đang đối chiếu…</p>}
      {data && (
        <>
          <p data-testid="sync-rate">
            Tỷ lệ đồng bộ (1.4): <strong>{formatPercent(data.sync.rate)}</strong> — {data.sync.delivered}/{data.sync.received} hồ sơ tiếp nhận trong kỳ đã có bản ghi trên Cổng.
          </p>
          <table className="dossier-table">
            <caption className="visually-hidden">Số liệu của hệ thống và số liệu Cổng tính từ bản ghi đã nhận</caption>
            <thead>
              <tr>
                <th scope="col">Chỉ số</th>
                <th scope="col">Hệ thống</th>
                <th scope="col">Cổng tính</th>
                <th scope="col">Chênh lệch</th>
              </tr>
            </thead>
            <tbody>
              {data.figures
                .filter((f) => f.ours !== null || f.portal !== null)
                .map((f) => (
                  <tr key={f.key} className={f.difference ? 'row--warning' : undefined}>
                    <td>
                      {f.key} {f.nameVi}
                    </td>
                    <td>{formatPercent(f.ours)}</td>
                    <td>{formatPercent(f.portal)}</td>
                    <td>{f.difference === null ? '—' : f.difference === 0 ? 'Khớp' : `${f.difference > 0 ? '+' : ''}${f.difference.toLocaleString('vi-VN')}`}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <h3>Hồ sơ tạo nên chênh lệch ({data.differences.length})</h3>
          {data.differences.length === 0 ? (
            <p className="muted">Không có: Cổng đã nhận bản ghi mới nhất của mọi hồ sơ trong kỳ.</p>
          ) : (
            <table className="dossier-table" data-testid="differences">
              <caption className="visually-hidden">Hồ sơ mà Cổng chưa có bản ghi mới nhất</caption>
              <thead>
                <tr>
                  <th scope="col">Mã hồ sơ</th>
                  <th scope="col">Lý do</th>
                  <th scope="col">Chỉ số bị ảnh hưởng</th>
                </tr>
              </thead>
              <tbody>
                {data.differences.map((d) => (
                  <tr key={d.code}>
                    <td className="dossier-code">{data.ids[d.code] ? <a href={paths.dossier(data.ids[d.code])}>{d.code}</a> : d.code}</td>
                    <td>
                      {REASON[d.reason]}
                      {d.delivery ? ` (${DELIVERY[d.delivery]})` : ''}
                      {d.deliveredVersion !== null ? `; Cổng có phiên bản ${d.deliveredVersion}, hệ thống có ${d.ourVersion}` : ''}
                    </td>
                    <td>{d.ratios.map((r) => r.key).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
