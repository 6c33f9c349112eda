import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@motcua/persistence';
import { AssignmentCheck, AssignmentRefusalCode, canHandleStep, checkAssign, checkClaim, checkRelease } from '@motcua/workflow';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { AppError, ImportedReadOnlyError, NotFoundError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { UserEntity } from '../users/user.entity';
import { assigneeNames } from './assignee-names';
import { recordCorrection } from './correction-event';
import { canSeeDossier, toActor } from './dossier-access';
import { DossierEntity } from './dossier.entity';
import { DossierView, toDossierView } from './dossier.view';

const STATUS: Record<AssignmentRefusalCode, number> = {
  NOT_AT_A_STEP: 409,
  ALREADY_ASSIGNED: 409,
  NOT_ASSIGNED: 409,
  NOT_STEP_HANDLER: 403,
  NOT_DEPARTMENT_LEADER: 403,
  ASSIGNEE_OTHER_DEPARTMENT: 422,
  ASSIGNEE_CANNOT_HANDLE: 422,
};

/** A claim, assignment or release the rules refused; `error` is the rule's code (libs/workflow assignment.ts). */
export class AssignmentRefusedError extends AppError {
  readonly status: number;
  readonly code: string;
  constructor(code: AssignmentRefusalCode | 'ASSIGNEE_UNKNOWN', message: string, status = code === 'ASSIGNEE_UNKNOWN' ? 422 : STATUS[code]) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

export interface AssignablePerson {
  id: string;
  fullName: string;
  title: string | null;
}

type Person = { id: string; fullName: string };

/**
 * Who works a dossier at its current step: claim, assign (a leader, within the step's department),
 * release. Each is one transaction with the dossier's version checked and raised and an entry in
 * its history (state unchanged), like the corrections. Assignment does not lock the dossier; it is
 * cleared when the dossier leaves the step (DossierCommands.applyEvent).
 */
@Injectable()
export class DossierAssignment {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly time: Clock,
  ) {}

  claim(user: AuthUser, id: string, expectedVersion: number): Promise<DossierView> {
    return this.change(user, id, expectedVersion, async (_m, row) => {
      const check = checkClaim(toActor(user), held(row));
      return { check, type: 'CLAIM', assignee: { id: user.id, fullName: user.fullName } };
    });
  }

  release(user: AuthUser, id: string, expectedVersion: number): Promise<DossierView> {
    return this.change(user, id, expectedVersion, async (_m, row) => ({ check: checkRelease(toActor(user), held(row)), type: 'RELEASE', assignee: null }));
  }

  assign(user: AuthUser, id: string, expectedVersion: number, assigneeId: string): Promise<DossierView> {
    return this.change(user, id, expectedVersion, async (m, row) => {
      const person = await m.findOne(UserEntity, { where: { id: assigneeId } });
      if (!person) throw new AssignmentRefusedError('ASSIGNEE_UNKNOWN', `No user ${assigneeId}`);
      const check = checkAssign(toActor(user), held(row), { userId: person.id, roles: person.roles, departmentCode: person.departmentCode, active: person.active });
      return { check, type: 'ASSIGN', assignee: { id: person.id, fullName: person.fullName } };
    });
  }

  /** The people a leader may give the dossier to now: active handlers of its current step, in its department. */
  async assignable(user: AuthUser, id: string): Promise<AssignablePerson[]> {
    return this.uow.read(async (m) => {
      const row = await this.visible(m, user, id);
      const self = { userId: user.id, roles: user.roles, departmentCode: user.departmentCode, active: true };
      const check = checkAssign(toActor(user), held(row), self);
      if (!check.ok && check.code !== 'ASSIGNEE_CANNOT_HANDLE' && check.code !== 'ASSIGNEE_OTHER_DEPARTMENT') throw refused(check);
      const step = row.snapshot.context.steps[row.currentStepIndex ?? -1];
      if (!step) return [];
      const people = await m.find(UserEntity, { where: { departmentCode: step.departmentCode, active: true }, order: { fullName: 'ASC' } });
      return people
        .filter((p) => canHandleStep({ userId: p.id, roles: p.roles, departmentCode: p.departmentCode, active: p.active }, step))
        .map((p) => ({ id: p.id, fullName: p.fullName, title: p.title }));
    });
  }

  private async visible(m: EntityManager, user: AuthUser, id: string): Promise<DossierEntity> {
    const row = await m.findOne(DossierEntity, { where: { id } });
    if (!row || !canSeeDossier(user, row.snapshot.context.steps)) throw new NotFoundError(`Dossier ${id} not found`);
    if (row.imported) throw new ImportedReadOnlyError('Imported dossiers are read-only');
    return row;
  }

  private change(
    user: AuthUser,
    id: string,
    expectedVersion: number,
    decide: (m: EntityManager, row: DossierEntity) => Promise<{ check: AssignmentCheck; type: 'CLAIM' | 'RELEASE' | 'ASSIGN'; assignee: Person | null }>,
  ): Promise<DossierView> {
    const now = this.time.now();
    return this.uow.run(async (m) => {
      const row = await this.visible(m, user, id);
      const { check, type, assignee } = await decide(m, row);
      if (!check.ok) throw refused(check);
      const previous = row.assigneeId === null ? null : { id: row.assigneeId, fullName: (await assigneeNames(m, [row])).get(row.assigneeId) ?? row.assigneeId };
      const payload = { stepIndex: check.stepIndex, stepName: check.step.name, assignee, previous };
      const columns = { assigneeId: assignee?.id ?? null };
      const version = await recordCorrection(m, row, expectedVersion, user, type, payload, now, columns);
      const next = { ...row, ...columns, version, updatedAt: now };
      return toDossierView(next, user, this.config.publicBaseUrl, undefined, new Map(assignee ? [[assignee.id, assignee.fullName]] : []));
    });
  }
}

function held(row: DossierEntity) {
  return { state: row.state, context: row.snapshot.context, assigneeId: row.assigneeId };
}

function refused(check: Extract<AssignmentCheck, { ok: false }>): AssignmentRefusedError {
  return new AssignmentRefusedError(check.code, check.message);
}
