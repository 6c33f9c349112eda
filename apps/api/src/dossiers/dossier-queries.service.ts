import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { Brackets, In } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import { DOSSIER_EVENT_LABELS_VI, DOSSIER_STATE_LABELS_VI, DossierEventType, DossierState, END_STATES } from '@motcua/workflow';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { DossierClock } from '../deadlines/dossier-clock.service';
import { NotFoundError } from '../common/errors';
import { ProcedureStepEntity } from '../catalogue/procedure-step.entity';
import { canSeeDossier, departmentScope } from './dossier-access';
import { DossierEventEntity } from './dossier-event.entity';
import { DossierEntity } from './dossier.entity';
import { DossierView, toDossierView } from './dossier.view';
import { ListDossiersQuery } from './dto/list-dossiers.query';
import { UserEntity } from '../users/user.entity';
import { containsPattern, nameSearchKey } from './name-search';

export interface DossierPage {
  items: DossierView[];
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
  ) {}

  async get(user: AuthUser, id: string): Promise<DossierView> {
    const row = await this.uow.read((m) => m.findOne(DossierEntity, { where: { id } }));
    if (!row || !canSeeDossier(user, row.snapshot.context.steps)) throw new NotFoundError(`Dossier ${id} not found`);
    return toDossierView(row, user, this.config.publicBaseUrl, this.deadlineClock.lastOfficialYear);
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
        typeLabel: e.type === 'CREATE' ? 'Tạo hồ sơ' : DOSSIER_EVENT_LABELS_VI[e.type as DossierEventType] ?? e.type,
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

  async list(user: AuthUser, q: ListDossiersQuery): Promise<DossierPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    return this.uow.read(async (m) => {
      const qb = m.createQueryBuilder(DossierEntity, 'd');
      const scope = departmentScope(user);
      // A dossier held by the viewer's own department has a step there: the visibility test is
      // then implied, and leaving it out lets the department index serve the inbox alone.
      const heldByScope = scope !== null && ((q.mine && user.departmentCode === scope) || q.assignee === scope);
      if (scope !== null && !heldByScope) {
        qb.andWhere(
          `EXISTS (SELECT 1 FROM ${m.getRepository(ProcedureStepEntity).metadata.tableName} s
                   WHERE s.procedure_version_id = d.procedure_version_id AND s.department_code = :scope)`,
          { scope },
        );
      }
      if (q.state) qb.andWhere('d.state = :state', { state: q.state });
      if (q.procedureCode) qb.andWhere('d.procedure_code = :procedureCode', { procedureCode: q.procedureCode });
      if (q.deadlineStatus) qb.andWhere('d.deadline_status = :deadlineStatus', { deadlineStatus: q.deadlineStatus });
      if (q.outcome) qb.andWhere('d.outcome = :outcome', { outcome: q.outcome });
      if (q.assignee) qb.andWhere('d.current_department_code = :assignee', { assignee: q.assignee });
      if (q.mine) {
        // A user without a department (an administrator, a reporter) holds no dossier.
        if (user.departmentCode === null) qb.andWhere('1 = 0');
        else qb.andWhere('d.current_department_code = :myDept', { myDept: user.departmentCode });
      }
      if (q.overdue !== undefined) {
        const open = `d.state NOT IN (:...ended) AND d.state <> 'result_issued'`;
        qb.andWhere(
          q.overdue ? `${open} AND d.due_at < :now` : `NOT (${open} AND d.due_at IS NOT NULL AND d.due_at < :now)`,
          { ended: END_STATES as DossierState[], now: this.clock.now() },
        );
      }
      if (q.text) {
        // Names are compared folded (no case, no diacritics, either Unicode form) on both dialects;
        // codes and ID numbers are ASCII, compared without case.
        const like = containsPattern(q.text.toLowerCase());
        const name = containsPattern(nameSearchKey(q.text));
        qb.andWhere(
          new Brackets((w) =>
            w
              .where(`LOWER(d.code) LIKE :like ESCAPE '\\'`, { like })
              .orWhere(`LOWER(d.applicant_id_number) LIKE :like ESCAPE '\\'`, { like })
              .orWhere(`d.applicant_name_search LIKE :name ESCAPE '\\'`, { name }),
          ),
        );
      }
      // Inbox order: the most urgent first; dossiers without an appointment last (PostgreSQL's
      // ascending index order, so ix_dossier_department_due yields the page without a sort).
      qb.orderBy('d.due_at', 'ASC', 'NULLS LAST')
        .addOrderBy('d.created_at', 'ASC')
        .offset((page - 1) * pageSize)
        .limit(pageSize);
      const [rows, total] = await qb.getManyAndCount();
      return { items: rows.map((r) => toDossierView(r, user, this.config.publicBaseUrl, this.deadlineClock.lastOfficialYear)), total, page, pageSize };
    });
  }
}
