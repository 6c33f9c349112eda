import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { EntityManager, IsNull } from 'typeorm';
import type { Role } from '@motcua/workflow';
import { UnitOfWork } from '@motcua/persistence';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { NotFoundError, VersionConflictError } from '../common/errors';
import { DepartmentEntity } from '../catalogue/department.entity';
import { CreateUserDto, UpdateUserDto, UserActionDto } from './user-admin.dto';
import { DepartmentRequiredError, SelfLockoutError, UnknownDepartmentError, UsernameTakenError } from './user-admin.errors';
import { UserChangeAction, UserChangeEntity, UserEntity } from './user.entity';
import { PasswordResetLinkEntity } from './password-reset-link.entity';
import { temporaryPassword } from './user-rules';

/** An account as administrators see it: never the password hash. */
export interface UserView {
  id: string;
  username: string;
  fullName: string;
  title: string | null;
  roles: Role[];
  departmentCode: string | null;
  active: boolean;
  mustChangePassword: boolean;
  version: number;
  createdAt: Date;
}

export interface UserChangeView {
  id: string;
  action: UserChangeAction;
  changes: Record<string, [unknown, unknown]>;
  reason: string | null;
  actorUsername: string;
  actorFullName: string | null;
  occurredAt: Date;
}

const EDITABLE = ['fullName', 'title', 'roles', 'departmentCode'] as const;

/**
 * Administrators' changes to staff accounts. Each change is one transaction: the version the
 * administrator saw is checked, the row updated, and a `user_change` audit row written with who,
 * when, why and what changed. Passwords are stored as argon2id hashes only; a temporary password
 * is returned once, to be printed and handed over, and must be replaced at first login.
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<UserView[]> {
    const rows = await this.uow.read((m) => m.find(UserEntity, { order: { username: 'ASC' } }));
    return rows.map(toView);
  }

  async changes(id: string): Promise<UserChangeView[]> {
    return this.uow.read(async (m) => {
      await found(m, id);
      const rows = await m.find(UserChangeEntity, { where: { userId: id }, order: { occurredAt: 'DESC' }, take: 200 });
      const actors = new Map((await m.find(UserEntity, { select: { id: true, fullName: true } })).map((u) => [u.id, u.fullName]));
      return rows.map((r) => ({
        id: r.id,
        action: r.action,
        changes: JSON.parse(r.details) as Record<string, [unknown, unknown]>,
        reason: r.reason,
        actorUsername: r.actorUsername,
        actorFullName: actors.get(r.actorId) ?? null,
        occurredAt: r.occurredAt,
      }));
    });
  }

  async create(actor: AuthUser, dto: CreateUserDto): Promise<{ user: UserView; temporaryPassword: string }> {
    const password = temporaryPassword();
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    const now = this.clock.now();
    const roles = [...new Set(dto.roles)];
    const row: UserEntity = {
      id: randomUUID(),
      username: dto.username,
      fullName: dto.fullName,
      title: dto.title ?? null,
      passwordHash,
      roles,
      departmentCode: dto.departmentCode || null,
      active: true,
      version: 1,
      mustChangePassword: true,
      createdAt: now,
    };
    await this.uow.run(async (m) => {
      await checkDepartment(m, row.roles, row.departmentCode, true);
      if (await m.exists(UserEntity, { where: { username: row.username } })) {
        throw new UsernameTakenError(`The username ${row.username} is taken`, { field: 'username' });
      }
      await m.insert(UserEntity, row);
      const { fullName, title, departmentCode } = row;
      await audit(m, actor, row.id, 'created', { username: [null, row.username], fullName: [null, fullName], title: [null, title], roles: [null, roles], departmentCode: [null, departmentCode] }, null, now);
    });
    return { user: toView(row), temporaryPassword: password };
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserView> {
    const now = this.clock.now();
    return this.uow.run(async (m) => {
      const user = await current(m, id, dto.version);
      const next = { ...user, roles: dto.roles ? [...new Set(dto.roles)] : user.roles };
      if (dto.fullName !== undefined) next.fullName = dto.fullName;
      if (dto.title !== undefined) next.title = dto.title;
      if (dto.departmentCode !== undefined) next.departmentCode = dto.departmentCode || null;
      if (actor.id === id && !next.roles.includes('admin')) {
        throw new SelfLockoutError('An administrator cannot take away their own admin role', { field: 'roles' });
      }
      await checkDepartment(m, next.roles, next.departmentCode, next.departmentCode !== user.departmentCode);
      const changes: Record<string, [unknown, unknown]> = {};
      for (const key of EDITABLE) {
        if (JSON.stringify(user[key]) !== JSON.stringify(next[key])) changes[key] = [user[key], next[key]];
      }
      if (Object.keys(changes).length === 0) return toView(user);
      await save(m, next);
      await audit(m, actor, id, 'updated', changes, dto.reason ?? null, now);
      return toView({ ...next, version: user.version + 1 });
    });
  }

  async setActive(actor: AuthUser, id: string, active: boolean, dto: UserActionDto): Promise<UserView> {
    if (!active && actor.id === id) throw new SelfLockoutError('An administrator cannot deactivate their own account');
    const now = this.clock.now();
    return this.uow.run(async (m) => {
      const user = await current(m, id, dto.version);
      if (user.active === active) return toView(user);
      await save(m, { ...user, active });
      if (!active) await revokeResetLinks(m, id, now);
      await audit(m, actor, id, active ? 'reactivated' : 'deactivated', { active: [user.active, active] }, dto.reason, now);
      return toView({ ...user, active, version: user.version + 1 });
    });
  }

  async resetPassword(actor: AuthUser, id: string, dto: UserActionDto): Promise<{ user: UserView; temporaryPassword: string }> {
    const password = temporaryPassword();
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    const now = this.clock.now();
    return this.uow.run(async (m) => {
      const user = await current(m, id, dto.version);
      const next = { ...user, passwordHash, mustChangePassword: true };
      await save(m, next);
      // The printed password replaces any reset link still open.
      await revokeResetLinks(m, id, now);
      await audit(m, actor, id, 'password_reset', {}, dto.reason, now);
      return { user: toView({ ...next, version: user.version + 1 }), temporaryPassword: password };
    });
  }
}

/** Writes the row if it still has the version read; raises the version. */
export async function save(m: EntityManager, next: UserEntity): Promise<void> {
  const { id, version, ...fields } = next;
  const result = await m.update(UserEntity, { id, version }, { ...fields, version: version + 1 });
  if (result.affected !== 1) throw new VersionConflictError('The account was changed meanwhile; reload it', { currentVersion: version + 1 });
}

async function found(m: EntityManager, id: string): Promise<UserEntity> {
  const user = await m.findOne(UserEntity, { where: { id } });
  if (!user) throw new NotFoundError(`No user ${id}`);
  return user;
}

export async function current(m: EntityManager, id: string, version: number): Promise<UserEntity> {
  const user = await found(m, id);
  if (user.version !== version) throw new VersionConflictError(`The account is at version ${user.version}, not ${version}; reload it`, { currentVersion: user.version });
  return user;
}

/**
 * Specialists work the dossiers of their department, so they need one; a department must exist,
 * and nobody moves into a deactivated one (`moving`: the account is created or changes department).
 */
async function checkDepartment(m: EntityManager, roles: Role[], departmentCode: string | null, moving: boolean): Promise<void> {
  if (departmentCode === null) {
    if (roles.includes('specialist')) throw new DepartmentRequiredError('A specialist needs a department', { field: 'departmentCode' });
    return;
  }
  const department = await m.findOne(DepartmentEntity, { where: { code: departmentCode } });
  if (!department) throw new UnknownDepartmentError(`No department ${departmentCode}`, { field: 'departmentCode' });
  if (moving && !department.active) throw new UnknownDepartmentError(`Department ${departmentCode} is deactivated`, { field: 'departmentCode' });
}

/** Every link of `userId` still usable is revoked (a newer link, a temporary password, deactivation). */
export async function revokeResetLinks(m: EntityManager, userId: string, at: Date): Promise<number> {
  const result = await m.update(PasswordResetLinkEntity, { userId, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: at });
  return result.affected ?? 0;
}

export async function audit(m: EntityManager, actor: AuthUser, userId: string, action: UserChangeAction, changes: Record<string, [unknown, unknown]>, reason: string | null, at: Date): Promise<void> {
  await m.insert(UserChangeEntity, { id: randomUUID(), userId, action, details: JSON.stringify(changes), reason, actorId: actor.id, actorUsername: actor.username, occurredAt: at });
}

export function toView(u: UserEntity): UserView {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    title: u.title,
    roles: u.roles,
    departmentCode: u.departmentCode,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    version: u.version,
    createdAt: u.createdAt,
  };
}
