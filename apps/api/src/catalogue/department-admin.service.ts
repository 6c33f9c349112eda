import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { AppError, NotFoundError, VersionConflictError } from '../common/errors';
import { UserEntity } from '../users/user.entity';
import { CreateDepartmentDto, DepartmentActionDto, RenameDepartmentDto } from './department-admin.dto';
import { DepartmentChangeAction, DepartmentChangeEntity, DepartmentEntity } from './department.entity';
import { ProcedureStepEntity } from './procedure-step.entity';
import { ProcedureVersionEntity } from './procedure-version.entity';
import { ProcedureEntity } from './procedure.entity';

export class DepartmentExistsError extends AppError {
  readonly status = 409;
  readonly code = 'DEPARTMENT_EXISTS';
}

/** Deactivation refused while active accounts belong to the department or a current procedure routes a step to it. */
export class DepartmentInUseError extends AppError {
  readonly status = 422;
  readonly code = 'DEPARTMENT_IN_USE';
}

export interface DepartmentView {
  code: string;
  name: string;
  active: boolean;
  version: number;
  createdAt: string;
  /** Active accounts of the department. */
  activeUsers: number;
  /** Procedures whose current version routes a step to it. */
  procedures: string[];
}

export interface DepartmentChangeView {
  id: string;
  action: DepartmentChangeAction;
  changes: Record<string, [unknown, unknown]>;
  reason: string | null;
  actorFullName: string | null;
  occurredAt: string;
}

/**
 * Departments for administrators: create, rename, deactivate, reactivate; never delete (accounts,
 * procedure steps and dossiers keep a department's code). Each change is one transaction with an
 * optimistic version check and a `department_change` audit row.
 */
@Injectable()
export class DepartmentAdminService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  list(): Promise<DepartmentView[]> {
    return this.uow.read(async (m) => {
      const rows = await m.find(DepartmentEntity, { order: { code: 'ASC' } });
      const usage = await usageOf(m, rows.map((r) => r.code));
      return rows.map((r) => toView(r, usage));
    });
  }

  changes(code: string): Promise<DepartmentChangeView[]> {
    return this.uow.read(async (m) => {
      await found(m, code);
      const rows = await m.find(DepartmentChangeEntity, { where: { departmentCode: code }, order: { occurredAt: 'DESC' }, take: 200 });
      const actorIds = [...new Set(rows.map((r) => r.actorId))];
      const names = new Map((actorIds.length ? await m.find(UserEntity, { where: { id: In(actorIds) }, select: { id: true, fullName: true } }) : []).map((u) => [u.id, u.fullName]));
      return rows.map((r) => ({
        id: r.id,
        action: r.action,
        changes: JSON.parse(r.details) as Record<string, [unknown, unknown]>,
        reason: r.reason,
        actorFullName: names.get(r.actorId) ?? null,
        occurredAt: r.occurredAt.toISOString(),
      }));
    });
  }

  create(actor: AuthUser, dto: CreateDepartmentDto): Promise<DepartmentView> {
    const now = this.clock.now();
    return this.uow.run(async (m) => {
      if (await m.exists(DepartmentEntity, { where: { code: dto.code } })) throw new DepartmentExistsError(`Department ${dto.code} already exists`, { field: 'code' });
      const row: DepartmentEntity = { code: dto.code, name: dto.name, active: true, version: 1, createdAt: now };
      await m.insert(DepartmentEntity, row);
      await audit(m, actor, dto.code, 'created', { code: [null, dto.code], name: [null, dto.name] }, dto.reason ?? null, now);
      return toView(row, await usageOf(m, [row.code]));
    });
  }

  rename(actor: AuthUser, code: string, dto: RenameDepartmentDto): Promise<DepartmentView> {
    const now = this.clock.now();
    return this.uow.run(async (m) => {
      const row = await current(m, code, dto.version);
      if (row.name === dto.name) return toView(row, await usageOf(m, [code]));
      const next = await save(m, { ...row, name: dto.name });
      await audit(m, actor, code, 'renamed', { name: [row.name, dto.name] }, dto.reason ?? null, now);
      return toView(next, await usageOf(m, [code]));
    });
  }

  setActive(actor: AuthUser, code: string, active: boolean, dto: DepartmentActionDto): Promise<DepartmentView> {
    const now = this.clock.now();
    return this.uow.run(async (m) => {
      const row = await current(m, code, dto.version);
      const usage = await usageOf(m, [code]);
      if (row.active === active) return toView(row, usage);
      if (!active) {
        const users = usage.users.get(code) ?? 0;
        const procedures = usage.procedures.get(code) ?? [];
        if (users > 0 || procedures.length > 0) {
          throw new DepartmentInUseError(`Department ${code} still has ${users} active account(s) and ${procedures.length} procedure(s) routing a step to it; move them first`, {
            activeUsers: users,
            procedures,
          });
        }
      }
      const next = await save(m, { ...row, active });
      await audit(m, actor, code, active ? 'reactivated' : 'deactivated', { active: [row.active, active] }, dto.reason, now);
      return toView(next, usage);
    });
  }
}

interface Usage {
  users: Map<string, number>;
  procedures: Map<string, string[]>;
}

/** Active accounts per department, and the procedures whose current version routes a step to it. */
async function usageOf(m: EntityManager, codes: string[]): Promise<Usage> {
  const users = new Map<string, number>();
  const procedures = new Map<string, string[]>();
  if (codes.length === 0) return { users, procedures };
  const accounts = await m.find(UserEntity, { where: { departmentCode: In(codes), active: true }, select: { id: true, departmentCode: true } });
  for (const a of accounts) users.set(a.departmentCode!, (users.get(a.departmentCode!) ?? 0) + 1);
  const steps = await m
    .createQueryBuilder(ProcedureStepEntity, 's')
    .innerJoin(ProcedureVersionEntity, 'v', 'v.id = s.procedure_version_id')
    .innerJoin(ProcedureEntity, 'p', 'p.code = v.procedure_code AND p.current_version = v.version')
    .select('s.department_code', 'department')
    .addSelect('v.procedure_code', 'procedure')
    .where('s.department_code IN (:...codes)', { codes })
    .getRawMany<{ department: string; procedure: string }>();
  for (const s of steps) {
    const list = procedures.get(s.department) ?? [];
    if (!list.includes(s.procedure)) list.push(s.procedure);
    procedures.set(s.department, list);
  }
  for (const list of procedures.values()) list.sort();
  return { users, procedures };
}

function toView(r: DepartmentEntity, usage: Usage): DepartmentView {
  return {
    code: r.code,
    name: r.name,
    active: r.active,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    activeUsers: usage.users.get(r.code) ?? 0,
    procedures: usage.procedures.get(r.code) ?? [],
  };
}

async function found(m: EntityManager, code: string): Promise<DepartmentEntity> {
  const row = await m.findOne(DepartmentEntity, { where: { code } });
  if (!row) throw new NotFoundError(`No department ${code}`);
  return row;
}

async function current(m: EntityManager, code: string, version: number): Promise<DepartmentEntity> {
  const row = await found(m, code);
  if (row.version !== version) throw new VersionConflictError(`The department is at version ${row.version}, not ${version}; reload it`, { currentVersion: row.version });
  return row;
}

/** Writes the row if it still has the version read; raises the version. */
async function save(m: EntityManager, next: DepartmentEntity): Promise<DepartmentEntity> {
  const { code, version, ...fields } = next;
  const result = await m.update(DepartmentEntity, { code, version }, { ...fields, version: version + 1 });
  if (result.affected !== 1) throw new VersionConflictError('The department was changed meanwhile; reload it', { currentVersion: version + 1 });
  return { ...next, version: version + 1 };
}

async function audit(m: EntityManager, actor: AuthUser, code: string, action: DepartmentChangeAction, changes: Record<string, [unknown, unknown]>, reason: string | null, now: Date): Promise<void> {
  await m.insert(DepartmentChangeEntity, {
    id: randomUUID(),
    departmentCode: code,
    action,
    details: JSON.stringify(changes),
    reason,
    actorId: actor.id,
    actorUsername: actor.username,
    occurredAt: now,
  });
}
