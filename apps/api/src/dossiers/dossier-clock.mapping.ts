import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { insertStatement, runWrites, updateStatement, type WriteStatement } from '../workflow-records/write-batch';
import type { ClockRecord, ClockState } from '@motcua/deadlines';
import type { ProcessingStep } from '@motcua/workflow';
import { DossierPauseEntity } from './dossier-pause.entity';
import { DossierStepEntity } from './dossier-step.entity';
import { DossierEntity } from './dossier.entity';

type ClockColumns = Pick<
  DossierEntity,
  'receivedAt' | 'dueAt' | 'appointmentAt' | 'pausedAt' | 'pausedMinutes' | 'supplementRequests' | 'stepEnteredAt' | 'stepDueAt' | 'processingEndedAt' | 'outcome'
>;

/** The clock as stored in a dossier row. */
export function clockOf(row: DossierEntity): ClockState {
  return {
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    appointmentAt: row.appointmentAt,
    pausedAt: row.pausedAt,
    pausedMinutes: row.pausedMinutes,
    supplementRequests: row.supplementRequests,
    step:
      row.stepEnteredAt && row.stepDueAt && row.currentStepIndex !== null
        ? { index: row.currentStepIndex, enteredAt: row.stepEnteredAt, dueAt: row.stepDueAt }
        : null,
    processingEndedAt: row.processingEndedAt,
    outcome: row.outcome,
  };
}

export function clockColumns(state: ClockState): ClockColumns {
  return {
    receivedAt: state.receivedAt,
    dueAt: state.dueAt,
    appointmentAt: state.appointmentAt,
    pausedAt: state.pausedAt,
    pausedMinutes: state.pausedMinutes,
    supplementRequests: state.supplementRequests,
    stepEnteredAt: state.step?.enteredAt ?? null,
    stepDueAt: state.step?.dueAt ?? null,
    processingEndedAt: state.processingEndedAt,
    outcome: state.outcome,
  };
}

/** Writes the pause intervals and the step log the clock reported, in the same transaction. */
export async function persistClockRecords(m: EntityManager, dossierId: string, records: readonly ClockRecord[], steps: readonly ProcessingStep[]): Promise<void> {
  await runWrites(m, clockRecordWrites(m, dossierId, records, steps));
}

/** The writes of `persistClockRecords`, in order, not sent (a transition sends them with its compare-and-set). */
export function clockRecordWrites(m: EntityManager, dossierId: string, records: readonly ClockRecord[], steps: readonly ProcessingStep[]): WriteStatement[] {
  return records.map((r) => {
    switch (r.kind) {
      case 'pause.opened':
        return insertStatement(m, DossierPauseEntity, { id: randomUUID(), dossierId, startedAt: r.startedAt, endedAt: null, workingMinutes: null, reason: r.reason });
      case 'pause.closed':
        return updateStatement(m, DossierPauseEntity, { endedAt: r.endedAt, workingMinutes: r.workingMinutes }, 'dossier_id = :dossierId AND ended_at IS NULL', { dossierId });
      case 'step.opened': {
        const step = steps[r.index];
        return insertStatement(m, DossierStepEntity, {
          id: randomUUID(),
          dossierId,
          stepIndex: r.index,
          stepKey: step.key,
          stepName: step.name,
          departmentCode: step.departmentCode,
          enteredAt: r.enteredAt,
          dueAt: r.dueAt,
          leftAt: null,
          late: null,
        });
      }
      case 'step.closed':
        return updateStatement(m, DossierStepEntity, { leftAt: r.leftAt, late: r.late, dueAt: r.dueAt }, 'dossier_id = :dossierId AND left_at IS NULL', { dossierId });
    }
  });
}

/** What the history shows of a transition's effect on the clock. */
export function clockDetails(records: readonly ClockRecord[], before: ClockState, after: ClockState, steps: readonly ProcessingStep[]): Record<string, unknown> | null {
  const details: Record<string, unknown> = {};
  const closed = records.filter((r): r is Extract<ClockRecord, { kind: 'step.closed' }> => r.kind === 'step.closed');
  if (closed.length) {
    details.closedSteps = closed.map((r) => ({
      index: r.index,
      key: steps[r.index].key,
      name: steps[r.index].name,
      departmentCode: steps[r.index].departmentCode,
      dueAt: r.dueAt.toISOString(),
      leftAt: r.leftAt.toISOString(),
      late: r.late,
    }));
  }
  const paused = records.find((r) => r.kind === 'pause.closed') as Extract<ClockRecord, { kind: 'pause.closed' }> | undefined;
  if (paused) details.pausedWorkingMinutes = paused.workingMinutes;
  if (after.dueAt?.getTime() !== before.dueAt?.getTime()) details.dueAt = after.dueAt?.toISOString() ?? null;
  if (after.appointmentAt?.getTime() !== before.appointmentAt?.getTime()) details.appointmentAt = after.appointmentAt?.toISOString() ?? null;
  if (after.outcome !== before.outcome) details.outcome = after.outcome;
  return Object.keys(details).length ? details : null;
}
