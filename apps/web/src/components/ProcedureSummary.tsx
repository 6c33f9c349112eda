import type { Department, Procedure } from '../api/types';
import { formatProcessingTime, formatVnd } from '../format/labels';
import { departmentName } from '../hooks/useCatalogue';

/** Time limit, fee, result, processing route and the papers to collect (display only). */
export function ProcedureSummary({ procedure, departments }: { procedure: Procedure; departments: Department[] }) {
  const fee = procedure.fee?.text ?? (typeof procedure.fee?.amountVnd === 'number' ? formatVnd(procedure.fee.amountVnd) : 'Không thu phí');
  return (
    <section className="procedure-summary" aria-labelledby="procedure-summary-title">
      <h3 id="procedure-summary-title">{procedure.name}</h3>
      <dl className="facts facts--compact">
        <div>
          <dt>Thời hạn giải quyết</dt>
          <dd>{formatProcessingTime(procedure.processingTime)}</dd>
        </div>
        <div>
          <dt>Phí, lệ phí</dt>
          <dd>{fee}</dd>
        </div>
        {procedure.resultName && (
          <div>
            <dt>Kết quả</dt>
            <dd>{procedure.resultName}</dd>
          </div>
        )}
        <div>
          <dt>Quy trình</dt>
          <dd>{procedure.steps.map((s) => departmentName(departments, s.departmentCode)).join(' → ')}</dd>
        </div>
      </dl>
      <h4>Thành phần hồ sơ</h4>
      <ul className="checklist">
        {procedure.components.map((c) => (
          <li key={c.key}>
            <span>{c.name}</span>{' '}
            <span className={c.required ? 'tag tag--required' : 'tag'}>{c.required ? 'Bắt buộc' : 'Nếu có'}</span>
            {(c.original || c.copies) && (
              <span className="muted">
                {' '}
                ({[c.original ? `${c.original} bản chính` : null, c.copies ? `${c.copies} bản sao` : null].filter(Boolean).join(', ')})
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
