import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { CalendarRangeError, isSupportedYear, parseScheduleFile, ScheduleFileError, SUPPORTED_YEARS, type DeadlineUnit, type ScheduleFileFormat, type WorkingCalendar, type YearSchedule } from '@motcua/calendar';
import { deadlineStatus, recomputeDueTimes, type DueTimeChange } from '@motcua/deadlines';
import { UnitOfWork } from '@motcua/persistence';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { DateOutOfRangeError, InvalidScheduleFileError, VersionConflictError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';
import { CalendarHolder } from '../deadlines/calendar-holder';
import { clockOf } from '../dossiers/dossier-clock.mapping';
import { DossierEventEntity } from '../dossiers/dossier-event.entity';
import { DossierPauseEntity } from '../dossiers/dossier-pause.entity';
import { DossierStepEntity } from '../dossiers/dossier-step.entity';
import { DossierEntity } from '../dossiers/dossier.entity';
import { PortalRecords } from '../portal-records/portal-records.service';
import { CalendarOfficialLoadEntity } from './calendar-override.entity';

/** The history entry of a dossier whose due times an official notice moved (not a workflow event). */
export const RECOMPUTE_DUE = 'RECOMPUTE_DUE';

export interface OfficialLoadResult {
  year: number;
  official: true;
  dossiersChanged: number;
  changes: Array<{ dossierId: string; code: string; changes: Array<{ field: string; from: string; to: string }> }>;
}

/**
 * Loading a year's official holiday notice (issue #12 acceptance 6). In one transaction: the notice
 * is stored (the year becomes official, no longer provisional), and every open dossier whose due
 * times the new calendar moves gets them recomputed (libs/deadlines `recomputeDueTimes`), its
 * version raised and one history line with the old and new times. A file that cannot be read is
 * refused whole (422 naming the line); nothing is written.
 */
@Injectable()
export class OfficialScheduleService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly holder: CalendarHolder,
    private readonly time: Clock,
    private readonly records: PortalRecords,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  loads(): Promise<CalendarOfficialLoadEntity[]> {
    return this.uow.read((m) =>
      m.find(CalendarOfficialLoadEntity, {
        select: ['id', 'year', 'reference', 'dossiersChanged', 'actorId', 'actorUsername', 'loadedAt'],
        order: { loadedAt: 'DESC' },
        take: 100,
      }),
    );
  }

  async load(user: AuthUser, year: number, format: ScheduleFileFormat, content: string, reference: string): Promise<OfficialLoadResult> {
    if (!isSupportedYear(year)) throw new DateOutOfRangeError(`year must be in ${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last}, which the working calendar covers`);
    const schedule = parse(content, format, year, reference);
    const now = this.time.now();
    const result = await this.uow.run(async (m) => {
      const before = this.holder.current;
      let after: WorkingCalendar;
      try {
        after = this.holder.withOfficialSchedule(schedule);
      } catch (error) {
        if (error instanceof CalendarRangeError) throw new DateOutOfRangeError(error.message);
        throw error;
      }
      const changes = await this.recompute(m, user, before, after, now, { year, reference: schedule.source[0]?.reference ?? reference });
      await m.insert(CalendarOfficialLoadEntity, {
        id: randomUUID(),
        year,
        reference: (schedule.source[0]?.reference ?? reference).slice(0, 255),
        schedule: JSON.stringify(schedule),
        dossiersChanged: changes.length,
        actorId: user.id,
        actorUsername: user.username,
        loadedAt: now,
      });
      return changes;
    });
    await this.holder.reload();
    return { year, official: true, dossiersChanged: result.length, changes: result };
  }

  private async recompute(m: EntityManager, user: AuthUser, before: WorkingCalendar, after: WorkingCalendar, now: Date, notice: { year: number; reference: string }): Promise<OfficialLoadResult['changes']> {
    const open = await m.find(DossierEntity, { where: { receivedAt: Not(IsNull()), processingEndedAt: IsNull(), imported: false }, order: { receivedAt: 'ASC' } });
    if (open.length === 0) return [];
    const versionIds = [...new Set(open.map((d) => d.procedureVersionId))];
    const versions = new Map((await m.find(ProcedureVersionEntity, { where: { id: In(versionIds) } })).map((v) => [v.id, v]));
    const pauses = await m.find(DossierPauseEntity, { where: { dossierId: In(open.map((d) => d.id)), endedAt: Not(IsNull()) } });
    const out: OfficialLoadResult['changes'] = [];
    for (const row of open) {
      const version = versions.get(row.procedureVersionId);
      const step = row.currentStepIndex !== null && row.stepEnteredAt && row.stepDueAt ? row.snapshot.context.steps[row.currentStepIndex] : undefined;
      const stepPaused = pauses
        .filter((p) => p.dossierId === row.id && row.stepEnteredAt && p.startedAt.getTime() >= row.stepEnteredAt.getTime())
        .reduce((sum, p) => sum + (p.workingMinutes ?? 0), 0);
      const changes = recomputeDueTimes(
        {
          receivedAt: row.receivedAt!,
          processingTime:
            version && version.processingAmount !== null && version.processingUnit !== null ? { amount: version.processingAmount, unit: version.processingUnit as DeadlineUnit } : null,
          pausedMinutes: row.pausedMinutes,
          legalAppointmentAt: row.legalAppointmentAt,
          dueAt: row.dueAt,
          appointmentAt: row.appointmentAt,
          step: step ? { enteredAt: row.stepEnteredAt!, dueAt: row.stepDueAt!, workingDays: step.workingDays, pausedMinutes: stepPaused } : null,
        },
        before,
        after,
        now,
      );
      if (changes.length === 0) continue;
      await this.apply(m, user, row, changes, after, now, notice);
      out.push({ dossierId: row.id, code: row.code, changes: changes.map(printable) });
    }
    return out;
  }

  /** One dossier: its columns under the version check, the open step's due time, the history line, the portal record. */
  private async apply(m: EntityManager, user: AuthUser, row: DossierEntity, changes: DueTimeChange[], after: WorkingCalendar, now: Date, notice: { year: number; reference: string }): Promise<void> {
    const columns: Partial<DossierEntity> = {};
    for (const c of changes) columns[c.field] = c.to;
    const next = { ...row, ...columns } as DossierEntity;
    columns.deadlineStatus = deadlineStatus(clockOf(next), now, after, this.config.deadlines.dueSoonWorkingMinutes);
    const version = row.version + 1;
    const result = await m.update(DossierEntity, { id: row.id, version: row.version }, { ...columns, version, updatedAt: now });
    if (result.affected !== 1) throw new VersionConflictError(`Dossier ${row.code} changed meanwhile; load the notice again`, { dossierId: row.id });
    const stepChange = changes.find((c) => c.field === 'stepDueAt');
    if (stepChange) await m.update(DossierStepEntity, { dossierId: row.id, leftAt: IsNull() }, { dueAt: stepChange.to });
    const event: DossierEventEntity = {
      id: randomUUID(),
      dossierId: row.id,
      version,
      type: RECOMPUTE_DUE,
      fromState: row.state,
      toState: row.state,
      stepFrom: row.currentStepIndex,
      stepTo: row.currentStepIndex,
      actorId: user.id,
      actorUsername: user.username,
      payload: { year: notice.year, reference: notice.reference, changes: changes.map(printable) },
      details: null,
      occurredAt: now,
    };
    await m.insert(DossierEventEntity, event as never);
    await this.records.refresh(m, { ...next, ...columns, version, updatedAt: now } as DossierEntity);
  }
}

function parse(content: string, format: ScheduleFileFormat, year: number, reference: string): YearSchedule {
  try {
    return parseScheduleFile(content, format, year, reference);
  } catch (error) {
    if (error instanceof ScheduleFileError) {
      throw new InvalidScheduleFileError(`The notice file cannot be loaded: ${error.message}`, error.line === null ? {} : { line: error.line });
    }
    throw error;
  }
}

function printable(c: DueTimeChange): { field: string; from: string; to: string } {
  return { field: c.field, from: c.from.toISOString(), to: c.to.toISOString() };
}
