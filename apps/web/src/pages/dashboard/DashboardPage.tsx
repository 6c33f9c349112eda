import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../../api/errors';
import { exportIndicators, exportStatisticsForm, getIndicators, getLateDossiers, getPlan, type DayRange } from '../../api/indicators';
import type { FullProcessServices, IndicatorReport, LateDossier, PlanLine } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { saveFile } from '../../components/open-file';
import { PageTitle } from '../../components/PageTitle';
import { formatPercent, formatPoints } from '../../format/labels';
import { currentChoice, rangeOf, showDay, type PeriodChoice, type PeriodKind } from './period';
import { GroupedSection } from './GroupedSection';
import { TrendSection } from './TrendSection';
import { DossiersBehindPanel } from './DossiersBehindPanel';
import { ProvisionalNotice } from './ProvisionalNotice';
import { IndicatorTable, NA, RatioCell } from './IndicatorTable';
import { LateDossiersSection } from './LateDossiersSection';
import { PlanSection } from './PlanSection';
import { ReconciliationSection } from './ReconciliationSection';

const KIND_LABELS: Record<PeriodKind, string> = { month: 'Tháng', quarter: 'Quý', year: 'Năm', custom: 'Tùy chọn (từ ngày đến ngày)' };

interface Loaded {
  range: DayRange;
  report: IndicatorReport;
  late: LateDossier[];
  plan: PlanLine[];
  fullProcess: FullProcessServices | null;
}

/** Decision 766 indicators for a period: groups and total, trend, late dossiers, plan, export. */
export function DashboardPage({ active = true }: { active?: boolean }) {
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
          <LateDossiersSection late={data.late} />
          <PlanSection plan={data.plan} fullProcess={data.fullProcess} />
          <ReconciliationSection range={data.range} />
        </>
      )}
    </div>
  );
}
