import { useEffect, useState } from 'react';
import { describeError } from '../../api/errors';
import { getIndicatorsByGroup, type DayRange } from '../../api/indicators';
import type { GroupedIndicatorReport, IndicatorGroupBy, IndicatorResult } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { CHANNEL_LABELS, formatPercent, formatPoints } from '../../format/labels';
import { departmentName, useCatalogue } from '../../hooks/useCatalogue';
import { HEADLINE_INDICATORS } from './TrendSection';

const GROUP_BY_LABELS: Record<IndicatorGroupBy, string> = { department: 'Phòng, đơn vị', procedure: 'Thủ tục', field: 'Lĩnh vực', channel: 'Hình thức nộp' };

/** The period's total score and headline rates per department, procedure, field or channel (one request when a split is chosen). */
export function GroupedSection({ range, active }: { range: DayRange; active: boolean }) {
  const { procedures, departments } = useCatalogue();
  const [groupBy, setGroupBy] = useState<IndicatorGroupBy | ''>('');
  const [grouped, setGrouped] = useState<GroupedIndicatorReport | null>(null);
  const [groupError, setGroupError] = useState<string | null>(null);

  useEffect(() => {
    if (!groupBy || !active) {
      setGrouped(null);
      return;
    }
    let live = true;
    setGroupError(null);
    getIndicatorsByGroup(range, groupBy).then(
      (g) => live && setGrouped(g),
      (err) => live && setGroupError(describeError(err).message),
    );
    return () => {
      live = false;
    };
  }, [groupBy, range, active]);

  const groupName = (key: string) => {
    if (groupBy === 'department') return departmentName(departments, key);
    if (groupBy === 'procedure') return procedures.find((p) => p.code === key)?.name ?? key;
    if (groupBy === 'channel') return CHANNEL_LABELS[key as keyof typeof CHANNEL_LABELS] ?? key;
    return key;
  };

  return (
      <section className="card" aria-labelledby="group-title">
        <div className="section-head">
          <h2 id="group-title">Chỉ số theo nhóm</h2>
        </div>
        <SelectField label="Chia theo" value={groupBy} onChange={(e) => setGroupBy(e.target.value as IndicatorGroupBy | '')} className="field--inline">
          <option value="">— Không chia —</option>
          {(Object.keys(GROUP_BY_LABELS) as IndicatorGroupBy[]).map((g) => (
            <option key={g} value={g}>
              {GROUP_BY_LABELS[g]}
            </option>
          ))}
        </SelectField>
        <ErrorAlert message={groupError} />
        {grouped && groupBy && (
          <table className="dossier-table">
            <caption>Chỉ số theo {GROUP_BY_LABELS[groupBy].toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">{GROUP_BY_LABELS[groupBy]}</th>
                <th scope="col">Tổng điểm</th>
                {HEADLINE_INDICATORS.map((t) => (
                  <th scope="col" key={t.key}>
                    {t.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grouped.groups.map((g) => (
                <tr key={g.key}>
                  <th scope="row">{groupName(g.key)}</th>
                  <td>
                    {formatPoints(g.report.total.score)}/{formatPoints(g.report.total.maxPoints)}
                  </td>
                  {HEADLINE_INDICATORS.map((t) => (
                    <td key={t.key}>{formatPercent(rateOf(g.report.indicators.find((i) => i.key === t.key)))}</td>
                  ))}
                </tr>
              ))}
              {grouped.groups.length === 0 && (
                <tr>
                  <td colSpan={2 + HEADLINE_INDICATORS.length} className="muted">
                    Không có hồ sơ trong kỳ.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </section>

  );
}

/** A ratio indicator's rate; an average-time one has none. */
function rateOf(indicator: IndicatorResult | undefined): number | null {
  return indicator?.kind === 'ratio' ? indicator.rate : null;
}
