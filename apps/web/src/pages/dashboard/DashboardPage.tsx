import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../../api/errors';
import { exportIndicators, exportStatisticsForm, getIndicators, getLateDossiers, getPlan, type DayRange } from '../../api/indicators';
import type { IndicatorReport, IndicatorResult, LateDossier, PlanLine } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { saveFile } from '../../components/open-file';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format/datetime';
import { formatPercent, formatPoints } from '../../format/labels';
import { departmentName, useCatalogue } from '../../hooks/useCatalogue';
import { currentChoice, rangeOf, showDay, type PeriodChoice, type PeriodKind } from './period';
import { GroupedSection } from './GroupedSection';
import { TrendSection } from './TrendSection';
import { DossiersBehindPanel, DRILL_DOWN } from './DossiersBehindPanel';
import { ProvisionalNotice } from './ProvisionalNotice';
import { ReconciliationSection } from './ReconciliationSection';
import type { FullProcessServices } from '../../api/types';

const KIND_LABELS: Record<PeriodKind, string> = { month: 'Tháng', quarter: 'Quý', year: 'Năm', custom: 'Tùy chọn (từ ngày đến ngày)' };
const NA = 'Không áp dụng';

interface Loaded {
  range: DayRange;
  report: IndicatorReport;
  late: LateDossier[];
  plan: PlanLine[];
  fullProcess: FullProcessServices | null;
}

const UNIT_LABELS: Record<string, string> = { working_days: 'ngày làm việc', working_hours: 'giờ làm việc', calendar_days: 'ngày' };

/** Decision 766 indicators for a period: groups and total, trend, late dossiers, plan, export. */
export function DashboardPage({ active = true }: { active?: boolean }) {
  const { procedures, departments } = useCatalogue();
  const [choice, setChoice] = useState<PeriodChoice>(() => currentChoice());
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [range, setRange] = useState<DayRange>(() => {
    const r = rangeOf(currentChoice());
    return 'range' in r ? r.range : { from: '', to: '' };
  });
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [drill, setDrill] = useState<{ key: string; title: string } | null>(null);
  const seq = useRef(0);

  const load = useCallback(async (r: DayRange) => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const [report, late, plan] = await Promise.all([getIndicators(r), getLateDossiers(r), getPlan(r)]);
      if (mine !== seq.current) return;
      setData({ range: r, report, late, plan: plan.lines, fullProcess: plan.fullProcess ?? null });
      setDrill(null);
      setError(null);
    } catch (err) {
      if (mine === seq.current) setError(describeError(err).message);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (active && range.from) void load(range);
  }, [range, load, active]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const r = rangeOf(choice);
    if ('errors' in r) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    if (r.range.from === range.from && r.range.to === range.to) void load(r.range);
    else setRange(r.range);
  };

  const doExport = async (format: 'xlsx' | 'csv' | 'bieu-06') => {
    setExporting(format);
    setExportError(null);
    try {
      if (format === 'bieu-06') saveFile(await exportStatisticsForm(range), `bieu-06_${range.from}_${range.to}.xlsx`);
      else saveFile(await exportIndicators(range, format), `chi-so-766_${range.from}_${range.to}.${format}`);
    } catch (err) {
      setExportError(describeError(err).message);
    } finally {
      setExporting(null);
    }
  };

  const set = (patch: Partial<PeriodChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const years = Array.from({ length: 8 }, (_, i) => currentChoice().year - i);
  const report = data?.report;

  return (
    <div className="dashboard-page">
      <PageTitle title="Báo cáo chỉ số" focus={active}>
        Báo cáo chỉ số phục vụ người dân, doanh nghiệp
      </PageTitle>
      <form className="filters period-form" onSubmit={apply} noValidate aria-label="Chọn kỳ báo cáo">
        <SelectField label="Loại kỳ" value={choice.kind} onChange={(e) => set({ kind: e.target.value as PeriodKind })}>
          {(Object.keys(KIND_LABELS) as PeriodKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        {choice.kind === 'month' && (
          <SelectField label="Tháng" value={choice.month} onChange={(e) => set({ month: Number(e.target.value) })}>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                Tháng {i + 1}
              </option>
            ))}
          </SelectField>
        )}
        {choice.kind === 'quarter' && (
          <SelectField label="Quý" value={choice.quarter} onChange={(e) => set({ quarter: Number(e.target.value) })}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                Quý {['I', 'II', 'III', 'IV'][q - 1]}
              </option>
            ))}
          </SelectField>
        )}
        {choice.kind !== 'custom' && (
          <SelectField label="Năm" value={choice.year} onChange={(e) => set({ year: Number(e.target.value) })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        )}
        {choice.kind === 'custom' && (
          <>
            <TextField label="Từ ngày" placeholder="dd/mm/yyyy" inputMode="numeric" value={choice.from} onChange={(e) => set({ from: e.target.value })} error={errors.from} hint="Ví dụ 01/01/2026" />
            <TextField label="Đến ngày" placeholder="dd/mm/yyyy" inputMode="numeric" value={choice.to} onChange={(e) => set({ to: e.target.value })} error={errors.to} hint="Ngày cuối được tính vào kỳ" />
          </>
        )}
        <div className="period-actions">
          <button type="submit" className="button button--primary">
            Xem báo cáo
          </button>
        </div>
      </form>

      <ErrorAlert message={error} />
      <p className="muted" role="status" aria-live="polite">
        {loading ? 'Đang tính chỉ số…' : data ? `Kỳ báo cáo: từ ${showDay(data.range.from)} đến ${showDay(data.range.to)}` : ''}
      </p>
      {report && <ProvisionalNotice report={report} />}

      {report && (
        <>
          <section className="card" aria-labelledby="total-title">
            <div className="section-head">
              <h2 id="total-title">Tổng điểm</h2>
              <div className="export-buttons" role="group" aria-label="Xuất báo cáo">
                <button type="button" className="button button--small" onClick={() => void doExport('xlsx')} disabled={exporting !== null}>
                  {exporting === 'xlsx' ? 'Đang xuất…' : 'Xuất Excel (.xlsx)'}
                </button>
                <button type="button" className="button button--small" onClick={() => void doExport('csv')} disabled={exporting !== null}>
                  {exporting === 'csv' ? 'Đang xuất…' : 'Xuất CSV'}
                </button>
                <button type="button" className="button button--small" onClick={() => void doExport('bieu-06')} disabled={exporting !== null}>
                  {exporting === 'bieu-06' ? 'Đang xuất…' : 'Biểu 06/VPCP/KSTT (.xlsx)'}
                </button>
              </div>
            </div>
            <ErrorAlert message={exportError ? `Không xuất được báo cáo: ${exportError}` : null} />
            <p className="total-score" data-testid="total-score">
              <strong>{formatPoints(report.total.score)}</strong> / {formatPoints(report.total.maxPoints)} điểm đã đo được
              <span className="muted"> ({report.total.percent === null ? NA : formatPercent(report.total.percent)})</span>
              {report.total.bandVi && <span className="tag">{report.total.bandVi}</span>}
            </p>
            {report.total.naPolicyVi && (
              <p className="muted small">
                {report.total.naPolicyVi} Tối đa của các nhóm đã tính: {formatPoints(report.total.nominalMaxPoints ?? report.total.maxPoints)} điểm.
              </p>
            )}
            <table className="dossier-table groups-table">
              <caption>Điểm theo nhóm chỉ số</caption>
              <thead>
                <tr>
                  <th scope="col">Nhóm</th>
                  <th scope="col">Tên nhóm</th>
                  <th scope="col">Điểm</th>
                  <th scope="col">Đã đo được</th>
                  <th scope="col">Tối đa</th>
                </tr>
              </thead>
              <tbody>
                {report.groups.map((g) => (
                  <tr key={g.no}>
                    <td>{g.no}</td>
                    <td>{g.nameVi}</td>
                    <td>{g.implemented === false ? 'Chưa tính được' : g.score === null ? NA : formatPoints(g.score)}</td>
                    <td>{g.implemented === false ? '—' : formatPoints(g.measuredMaxPoints ?? g.maxPoints)}</td>
                    <td>{formatPoints(g.maxPoints)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section className="card" aria-labelledby="indicators-title">
            <h2 id="indicators-title">Các chỉ số</h2>
            <IndicatorTable indicators={report.indicators} onDrill={(key, title) => setDrill({ key, title })} />
            {report.measures.length > 0 && (
              <table className="dossier-table">
                <caption>Số liệu bổ trợ</caption>
                <thead>
                  <tr>
                    <th scope="col">Số liệu</th>
                    <th scope="col">Tử số / mẫu số</th>
                    <th scope="col">Tỷ lệ</th>
                  </tr>
                </thead>
                <tbody>
                  {report.measures.map((m) => (
                    <tr key={m.key}>
                      <td>
                        {m.nameVi}
                        <div className="muted small">{m.formulaVi}</div>
                      </td>
                      <td>
                        <RatioCell itemKey={m.key} numerator={m.numerator} denominator={m.denominator} title={m.nameVi} onDrill={(key, title) => setDrill({ key, title })} />
                      </td>
                      <td>{formatPercent(m.rate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {drill && data && <DossiersBehindPanel range={data.range} indicatorKey={drill.key} title={drill.title} onClose={() => setDrill(null)} />}
          </section>
        </>
      )}

      <TrendSection lastDay={range.to} active={active} />

      <GroupedSection range={range} active={active} />

      {data && (
        <>
          <section className="card" aria-labelledby="late-title">
            <h2 id="late-title">Hồ sơ trễ hạn ({data.late.length})</h2>
            {data.late.length > 0 && (
              <p className="muted" data-testid="late-apology-summary">
                {data.late.filter((d) => d.apologyAppointmentAt).length} hồ sơ có văn bản xin lỗi, {data.late.filter((d) => !d.apologyAppointmentAt).length} hồ sơ không có. Văn bản
                xin lỗi hẹn lại ngày trả không làm hồ sơ trễ hạn thành đúng hạn.
              </p>
            )}
            {data.late.length === 0 ? (
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
                  {data.late.map((d) => (
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

          <section className="card" aria-labelledby="plan-title">
            <h2 id="plan-title">So sánh với chỉ tiêu kế hoạch</h2>
            {data.fullProcess && (
              <p data-testid="full-process-share">
                Dịch vụ công trực tuyến toàn trình có hồ sơ trực tuyến trong kỳ: <strong>{data.fullProcess.fullProcessServicesWithOnlineDossier}</strong>/
                {data.fullProcess.fullProcessServices} dịch vụ
                {data.fullProcess.fullProcessServices > 0 &&
                  ` (${formatPercent((data.fullProcess.fullProcessServicesWithOnlineDossier / data.fullProcess.fullProcessServices) * 100)})`}
                .
              </p>
            )}
            <table className="dossier-table">
              <caption className="visually-hidden">Kết quả so với chỉ tiêu</caption>
              <thead>
                <tr>
                  <th scope="col">Chỉ tiêu</th>
                  <th scope="col">Kết quả</th>
                  <th scope="col">Chỉ tiêu</th>
                  <th scope="col">Đánh giá</th>
                </tr>
              </thead>
              <tbody>
                {data.plan.map((l, i) => (
                  <tr key={l.id ?? i}>
                    <td>
                      {l.nameVi}
                      <div className="muted small">{l.sentenceVi}</div>
                    </td>
                    <td>{formatPercent(l.actual)}</td>
                    <td>{l.target === null ? 'Chưa đặt' : `${l.direction === 'at_most' ? '≤' : '≥'} ${formatPercent(l.target)}`}</td>
                    <td>
                      {l.met === null ? (
                        <span className="muted">{l.target === null ? 'Chưa đặt chỉ tiêu' : 'Chưa có số liệu'}</span>
                      ) : l.met ? (
                        <span className="badge badge--on_track">Đạt</span>
                      ) : (
                        <span className="badge badge--overdue">Chưa đạt{l.shortfall ? ` (thiếu ${l.shortfall})` : ''}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <ReconciliationSection range={data.range} />
        </>
      )}
    </div>
  );
}

/** `numerator/denominator`, a button that lists the dossiers behind it when the number has a dossier list. */
function RatioCell({ itemKey, numerator, denominator, title, onDrill }: { itemKey: string; numerator: number; denominator: number; title: string; onDrill?: (key: string, title: string) => void }) {
  const text = `${numerator}/${denominator}`;
  if (!onDrill || !DRILL_DOWN[itemKey] || denominator === 0) return <>{text}</>;
  return (
    <button type="button" className="link-button" onClick={() => onDrill(itemKey, title)} aria-label={`${text}: xem hồ sơ của ${title}`}>
      {text}
    </button>
  );
}

export function IndicatorTable({ indicators, onDrill }: { indicators: IndicatorResult[]; onDrill?: (key: string, title: string) => void }) {
  return (
    <table className="dossier-table indicators-table">
      <caption className="visually-hidden">Các chỉ số theo Quyết định 766/QĐ-TTg</caption>
      <thead>
        <tr>
          <th scope="col">Mã</th>
          <th scope="col">Chỉ số</th>
          <th scope="col">Tử số / mẫu số</th>
          <th scope="col">Tỷ lệ</th>
          <th scope="col">Điểm</th>
        </tr>
      </thead>
      <tbody>
        {indicators.map((i) => (
          <tr key={i.key} data-indicator={i.key}>
            <td>{i.key}</td>
            <td>
              {i.nameVi}
              {!i.applicable && i.naReasonVi && <div className="muted small">{i.naReasonVi}</div>}
              {i.unverified.length > 0 && (
                <details className="small">
                  <summary>Điểm chưa xác minh ({i.unverified.length})</summary>
                  <ul>
                    {i.unverified.map((u) => (
                      <li key={u}>{u}</li>
                    ))}
                  </ul>
                </details>
              )}
            </td>
            <td data-testid={`ratio-${i.key}`}>
              {i.kind === 'average_time' ? (
                i.completed ? (
                  `${i.completed} hồ sơ`
                ) : (
                  '—'
                )
              ) : (
                <RatioCell itemKey={i.key} numerator={i.numerator ?? 0} denominator={i.denominator ?? 0} title={`${i.key} ${i.nameVi}`} onDrill={onDrill} />
              )}
            </td>
            <td data-testid={`rate-${i.key}`}>
              {i.kind === 'average_time'
                ? typeof i.average === 'number'
                  ? `${formatPoints(i.average)} ${UNIT_LABELS[i.unit ?? 'working_days']}`
                  : NA
                : formatPercent(i.rate ?? null)}
              {i.breakdown?.kind === 'online' && 'syncRate' in i.breakdown && (
                <div className="muted small">
                  Tỷ lệ nộp trực tuyến {formatPercent(i.breakdown.onlineShare)} × tỷ lệ đồng bộ {formatPercent(i.breakdown.syncRate)}
                </div>
              )}
              {i.rate !== null && i.rate !== undefined && !i.applicable && <div className="muted small">Không tính điểm</div>}
            </td>
            <td>{i.scored ? (i.score === null ? NA : `${formatPoints(i.score)}/${formatPoints(i.maxPoints)}`) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
