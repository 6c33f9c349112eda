import type { Department, Dossier, HistoryEntry, ProcedureStep } from '../api/types';
import { formatDateTime } from '../format/datetime';
import { departmentName } from '../hooks/useCatalogue';

type StepStatus = { kind: 'done'; late: boolean; leftAt: string } | { kind: 'current' } | { kind: 'waiting' };

/** Where each processing step stands, from the history's closed steps and the current step. */
export function stepStatuses(steps: ProcedureStep[], dossier: Dossier, history: HistoryEntry[]): StepStatus[] {
  const closed = new Map<number, { late: boolean; leftAt: string }>();
  for (const entry of history) {
    for (const s of entry.details?.closedSteps ?? []) {
      const index = s.index ?? steps.findIndex((step) => step.key === s.key);
      if (index >= 0) closed.set(index, { late: s.late, leftAt: s.leftAt });
    }
  }
  return steps.map((_, index) => {
    if (dossier.currentStep?.index === index) return { kind: 'current' };
    const done = closed.get(index);
    if (done && (dossier.currentStep === null || index < dossier.currentStep.index)) return { kind: 'done', ...done };
    return { kind: 'waiting' };
  });
}

export function StepProgress({ steps, dossier, history, departments }: { steps: ProcedureStep[]; dossier: Dossier; history: HistoryEntry[]; departments: Department[] }) {
  if (steps.length === 0) return null;
  const statuses = stepStatuses(steps, dossier, history);
  return (
    <ol className="steps">
      {steps.map((step, i) => {
        const st = statuses[i];
        const cls = st.kind === 'done' ? (st.late ? 'step step--late' : 'step step--done') : st.kind === 'current' ? 'step step--current' : 'step';
        return (
          <li key={`${step.key}-${i}`} className={cls} aria-current={st.kind === 'current' ? 'step' : undefined}>
            <span className="step-name">
              Bước {i + 1}: {step.name}
            </span>
            <span className="step-dept">{departmentName(departments, step.departmentCode)}</span>
            <span className="step-state">
              {st.kind === 'done' && (
                <>
                  Đã xong {formatDateTime(st.leftAt)} {st.late && <span className="badge badge--overdue">Trễ hạn</span>}
                </>
              )}
              {st.kind === 'current' && (
                <>
                  Đang xử lý{dossier.stepDueAt ? `, hạn bước ${formatDateTime(dossier.stepDueAt)}` : ''}
                </>
              )}
              {st.kind === 'waiting' && 'Chưa đến'}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
