import type { LateDossier } from '../../api/types';
import { formatDateTime } from '../../format/datetime';
import { departmentName, useCatalogue } from '../../hooks/useCatalogue';

/** The period's late dossiers (2.1), with the steps that ran late and whether an apology letter was sent. */
export function LateDossiersSection({ late }: { late: readonly LateDossier[] }) {
  const { procedures, departments } = useCatalogue();
  return (
    <section className="card" aria-labelledby="late-title">
      <h2 id="late-title">Hồ sơ trễ hạn ({late.length})</h2>
      {late.length > 0 && (
        <p className="muted" data-testid="late-apology-summary">
          {late.filter((d) => d.apologyAppointmentAt).length} hồ sơ có văn bản xin lỗi, {late.filter((d) => !d.apologyAppointmentAt).length} hồ sơ không có. Văn bản
          xin lỗi hẹn lại ngày trả không làm hồ sơ trễ hạn thành đúng hạn.
        </p>
      )}
      {late.length === 0 ? (
        <p className="muted">Không có hồ sơ trễ hạn trong kỳ.</p>
      ) : (
        <table className="dossier-table">
          <caption className="visually-hidden">Hồ sơ trễ hạn trong kỳ</caption>
          <thead>
            <tr>
              <th scope="col">Mã hồ sơ</th>
              <th scope="col">Thủ tục</th>
              <th scope="col">Ngày hẹn trả</th>
              <th scope="col">Văn bản xin lỗi</th>
              <th scope="col">Kết thúc xử lý</th>
              <th scope="col">Số lần yêu cầu bổ sung</th>
              <th scope="col">Bước trễ hạn</th>
            </tr>
          </thead>
          <tbody>
            {late.map((d) => (
              <tr key={d.code}>
                <td className="dossier-code">{d.code}</td>
                <td className="cell-procedure">{procedures.find((p) => p.code === d.procedureCode)?.name ?? d.procedureCode}</td>
                <td>{formatDateTime(d.appointmentAt)}</td>
                <td>{d.apologyAppointmentAt ? `Có, hẹn lại ${formatDateTime(d.apologyAppointmentAt)}` : 'Không'}</td>
                <td>{d.processingEndedAt ? formatDateTime(d.processingEndedAt) : 'Chưa xong'}</td>
                <td>{d.supplementRequests}</td>
                <td>{d.lateSteps.length ? d.lateSteps.map((s) => `${s.name} (${departmentName(departments, s.departmentCode)})`).join('; ') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
