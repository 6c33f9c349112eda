import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { EntityManager, In } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import { DOSSIER_EVENT_LABELS_VI, DOSSIER_STATE_LABELS_VI, DossierEventType, DossierState, END_STATES } from '@motcua/workflow';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { DossierClock } from '../deadlines/dossier-clock.service';
import { NotFoundError } from '../common/errors';
import { canSeeDossier } from './dossier-access';
import { CORRECTION_LABELS_VI } from './dossier-corrections';
import { CalendarHolder } from '../deadlines/calendar-holder';
import { DossierEventEntity } from './dossier-event.entity';
import { DossierEntity } from './dossier.entity';
import { DossierView, toDossierView } from './dossier.view';
import { ListDossiersQuery } from './dto/list-dossiers.query';
import { UserEntity } from '../users/user.entity';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';
import { DepartmentEntity } from '../catalogue/department.entity';
import { containsPattern, nameSearchKey } from './name-search';
import { assigneeNames } from './assignee-names';
import { applyListFilters, applyTab, WORKLIST_TABS, WorklistTab } from './worklist-tabs';

/** A list item: the dossier and the working time left at its current step (negative: overdue by that much). */
export type DossierListItem = DossierView & { stepWorkingMinutesLeft: number | null };

export interface DossierPage {
  items: DossierListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface HistoryEntry {
  version: number;
  type: string;
  typeLabel: string;
  from: string | null;
  to: string;
  toLabel: string;
  stepFrom: number | null;
  stepTo: number | null;
  /** Who acted: the login (for audit) and the full name and title people read. */
  actor: { id: string; username: string; fullName: string; title: string | null };
  at: string;
  payload: Record<string, unknown>;
  /** Effect on the deadline clock: steps closed (late or not), pause length, new due time, outcome. */
  details: object | null;
}

/** The read side: lists scoped by role, detail, history. */
@Injectable()
export class DossierQueries {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly deadlineClock: DossierClock,
    private readonly calendar: CalendarHolder,
  ) {}

  private listItems(rows: DossierEntity[], user: AuthUser, people: ReadonlyMap<string, string>): DossierListItem[] {
    const now = this.clock.now();
    const calendar = this.calendar.current;
    return rows.map((r) => {
      const view = toDossierView(r, user, this.config.publicBaseUrl, this.deadlineClock.lastOfficialYear, people);
      const due = r.processingEndedAt === null && r.currentStepIndex !== null ? r.stepDueAt : null;
      // Working minutes, whole: on the working calendar (holidays, weekends and the lunch break do not count).
      const left = due === null ? null : due > now ? calendar.workingMinutesBetween(now, due) : -calendar.workingMinutesBetween(due, now);
      return { ...view, stepWorkingMinutesLeft: left === null ? null : Math.trunc(left) };
    });
  }

  async get(user: AuthUser, id: string): Promise<DossierView> {
    return this.uow.read(async (m) => {
      const row = await m.findOne(DossierEntity, { where: { id } });
      if (!row || !canSeeDossier(user, row.snapshot.context.steps)) throw new NotFoundError(`Dossier ${id} not found`);
      return toDossierView(row, user, this.config.publicBaseUrl, this.deadlineClock.lastOfficialYear, await assigneeNames(m, [row]));
    });
  }

  async history(user: AuthUser, id: string): Promise<HistoryEntry[]> {
    return this.uow.read(async (m) => {
      const row = await m.findOne(DossierEntity, { where: { id } });
      if (!row || !canSeeDossier(user, row.snapshot.context.steps)) throw new NotFoundError(`Dossier ${id} not found`);
      const events = await m.find(DossierEventEntity, { where: { dossierId: id }, order: { version: 'ASC' } });
      const actorIds = [...new Set(events.map((e) => e.actorId))];
      const people = new Map((actorIds.length ? await m.find(UserEntity, { where: { id: In(actorIds) } }) : []).map((u) => [u.id, u]));
      return events.map((e) => ({
        version: e.version,
        type: e.type,
        typeLabel: e.type === 'CREATE' ? 'Tạo hồ sơ' : (DOSSIER_EVENT_LABELS_VI[e.type as DossierEventType] ?? CORRECTION_LABELS_VI[e.type] ?? e.type),
        from: e.fromState,
        to: e.toState,
        toLabel: DOSSIER_STATE_LABELS_VI[e.toState as DossierState] ?? e.toState,
        stepFrom: e.stepFrom,
        stepTo: e.stepTo,
        actor: { id: e.actorId, username: e.actorUsername, fullName: people.get(e.actorId)?.fullName ?? e.actorUsername, title: people.get(e.actorId)?.title ?? null },
        at: e.occurredAt.toISOString(),
        payload: e.payload,
        details: e.details,
      }));
    });
  }

  /** How many dossiers each worklist tab holds under the same filters as the list (the tab and paging aside). */
  async tabCounts(user: AuthUser, q: ListDossiersQuery): Promise<Record<WorklistTab, number>> {
    return this.uow.read(async (m) => {
      const now = this.clock.now();
      const counts = {} as Record<WorklistTab, number>;
      for (const tab of WORKLIST_TABS) {
        const qb = m.createQueryBuilder(DossierEntity, 'd');
        applyListFilters(m, qb, user, q, now);
        applyTab(qb, tab);
        counts[tab] = await qb.getCount();
      }
      return counts;
    });
  }

  async list(user: AuthUser, q: ListDossiersQuery): Promise<DossierPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    return this.uow.read(async (m) => {
      const [rows, total] = await this.ordered(m, user, q).offset((page - 1) * pageSize).limit(pageSize).getManyAndCount();
      return { items: this.listItems(rows, user, await assigneeNames(m, rows)), total, page, pageSize };
    });
  }

  /**
   * The whole filtered list in the list's order (paging ignored) for the Excel export, at most
   * `limit` rows; `total` says how many matched.
   */
  async exportList(user: AuthUser, q: ListDossiersQuery, limit: number): Promise<{ items: DossierListItem[]; total: number; procedureNames: Map<string, string>; departmentNames: Map<string, string> }> {
    return this.uow.read(async (m) => {
      const [rows, total] = await this.ordered(m, user, q).limit(limit).getManyAndCount();
      const versionIds = [...new Set(rows.map((r) => r.procedureVersionId))];
      const versions = versionIds.length ? await m.find(ProcedureVersionEntity, { where: { id: In(versionIds) }, select: { id: true, name: true } }) : [];
      const departments = await m.find(DepartmentEntity);
      return {
        items: this.listItems(rows, user, await assigneeNames(m, rows)),
        total,
        procedureNames: new Map(versions.map((v) => [v.id, v.name])),
        departmentNames: new Map(departments.map((d) => [d.code, d.name])),
      };
    });
  }

  /** The list's query: filters, tab, and its order. */
  private ordered(m: EntityManager, user: AuthUser, q: ListDossiersQuery) {
    const qb = m.createQueryBuilder(DossierEntity, 'd');
    applyListFilters(m, qb, user, q, this.clock.now());
    if (q.tab) applyTab(qb, q.tab);
    // Closed work: the most recently finished first.
    if (q.tab === 'closed') return qb.orderBy('d.finished_at', 'DESC', 'NULLS LAST').addOrderBy('d.created_at', 'DESC');
    // Inbox order: the most urgent first; dossiers without an appointment last (PostgreSQL's
    // ascending index order, so ix_dossier_department_due yields the page without a sort).
    return qb.orderBy('d.due_at', 'ASC', 'NULLS LAST').addOrderBy('d.created_at', 'ASC');
  }
}
