import { Injectable } from '@nestjs/common';
import { CatalogueParseError, parseProcedureDefinition, ProcedureDefinition, validateProcedureDefinition } from '@motcua/catalogue';
import { UnitOfWork } from '@motcua/persistence';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { nameProblem, normaliseName } from '@motcua/text';
import { AppError, BadInputError, NotFoundError, VersionConflictError } from '../common/errors';
import { UserEntity } from '../users/user.entity';
import { CatalogueSource } from './catalogue-source';
import { DepartmentEntity } from './department.entity';
import { ProcedureStepEntity } from './procedure-step.entity';
import { ProcedureVersionEntity } from './procedure-version.entity';
import { ProcedureEntity } from './procedure.entity';
import { insertProcedureVersion } from './procedure-version.writer';
import { CatalogueService, ProcedureView, toView } from './catalogue.service';

export class InvalidProcedureError extends AppError {
  readonly status = 422;
  readonly code = 'INVALID_PROCEDURE';
}

export class ProcedureExistsError extends AppError {
  readonly status = 409;
  readonly code = 'PROCEDURE_EXISTS';
}

/** Fields an administrator may leave out; filled with what a hand-entered procedure means. */
function withDefaults(id: string, code: string | null, body: Record<string, unknown>, now: Date): Record<string, unknown> {
  return {
    id,
    code,
    processingTimeNote: null,
    fee: { amountVnd: null, text: null },
    onlineLevel: null,
    onlineText: null,
    componentsVerified: true,
    stepsSource: 'default-allocation',
    stepsNote: 'Nhập qua trang quản trị danh mục',
    verified: true,
    uncertain: [],
    inferred: [],
    sources: [],
    asOf: now.toISOString().slice(0, 10),
    ...body,
  };
}

/**
 * Catalogue administration: each edit is a new immutable version; dossiers in progress
 * keep the version they were received under (they point at it), new ones take the new one.
 */
@Injectable()
export class CatalogueAdminService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly source: CatalogueSource,
    private readonly catalogue: CatalogueService,
    private readonly time: Clock,
  ) {}

  async create(user: AuthUser, body: unknown): Promise<ProcedureView> {
    const code = codeOf(body);
    const { reason, rest } = editOf(body);
    const def = await this.check(slugOf(code), code, rest, {});
    await this.uow.run(async (m) => {
      if (await m.findOne(ProcedureEntity, { where: { code } })) throw new ProcedureExistsError(`Procedure ${code} already exists; edit it with PUT`);
      const now = this.time.now();
      await m.insert(ProcedureEntity, { code, currentVersion: 1, createdAt: now, updatedAt: now });
      await insertProcedureVersion(m, code, 1, def, user.id, now, reason);
    });
    return this.catalogue.getCurrent(code);
  }

  /**
   * A new version from the administrator's edit. `expectedVersion` (the version the screen showed) is
   * checked when sent; `reason` is kept with the version. What the edit leaves out (the verification
   * flags, sources, research notes) is carried over from the current version: an edit of the time
   * budget does not make an unverified fee verified.
   */
  async update(user: AuthUser, code: string, body: unknown): Promise<ProcedureView> {
    const current = await this.catalogue.findCurrent(code);
    if (!current) throw new NotFoundError(`Procedure ${code} does not exist`);
    const { reason, expectedVersion, rest } = editOf(body);
    if (expectedVersion !== null && expectedVersion !== current.version) {
      throw new VersionConflictError(`The procedure is at version ${current.version}, not ${expectedVersion}; reload and try again`, { version: current.version });
    }
    // The catalogue slug stays; the national code stays null where none is known.
    const stored = await this.uow.read((m) => m.findOneByOrFail(ProcedureVersionEntity, { id: current.versionId }));
    const def = await this.check(String(stored.definition.id ?? slugOf(code)), current.nationalCode, rest, stored.definition);
    await this.uow.run(async (m) => {
      const procedure = await m.findOne(ProcedureEntity, { where: { code } });
      if (!procedure) throw new NotFoundError(`Procedure ${code} does not exist`);
      const version = procedure.currentVersion + 1;
      const now = this.time.now();
      // Compare-and-set: two concurrent edits cannot both become version N+1.
      const res = await m.update(ProcedureEntity, { code, currentVersion: expectedVersion ?? procedure.currentVersion }, { currentVersion: version, updatedAt: now });
      if (res.affected !== 1) throw new VersionConflictError('The procedure was edited concurrently; reload and try again', { version: procedure.currentVersion });
      await insertProcedureVersion(m, code, version, def, user.id, now, reason);
    });
    return this.catalogue.getCurrent(code);
  }

  /** Who changed what, version by version: the author's full name, when, why, and which parts differ from the version before. */
  async history(code: string): Promise<ProcedureVersionHistory[]> {
    return this.uow.read(async (m) => {
      const versions = await m.find(ProcedureVersionEntity, { where: { procedureCode: code }, order: { version: 'ASC' } });
      if (versions.length === 0) throw new NotFoundError(`Procedure ${code} does not exist`);
      const steps = await m.createQueryBuilder(ProcedureStepEntity, 's').where('s.procedure_version_id IN (:...ids)', { ids: versions.map((v) => v.id) }).orderBy('s.position', 'ASC').getMany();
      const users = new Map((await m.find(UserEntity, { select: { id: true, fullName: true } })).map((u) => [u.id, u.fullName]));
      const views = versions.map((v) => toView(v, steps.filter((s) => s.procedureVersionId === v.id)));
      return views.map((view, i) => {
        const v = versions[i];
        return {
          ...view,
          changedBy: v.createdBy ? (users.get(v.createdBy) ?? v.createdBy) : null,
          changedAt: v.createdAt.toISOString(),
          reason: v.changeReason,
          changedParts: i === 0 ? [] : changedParts(views[i - 1], view),
        };
      });
    });
  }

  private async check(id: string, code: string | null, body: Record<string, unknown>, carried: Record<string, unknown>): Promise<ProcedureDefinition> {
    let def: ProcedureDefinition;
    try {
      def = parseProcedureDefinition(withDefaults(id, code ?? '', { ...carried, ...body, id, code }, this.time.now()));
    } catch (error) {
      if (error instanceof CatalogueParseError) throw new BadInputError(error.message);
      throw error;
    }
    // Steps go to the catalogue's departments (their kind and roles are in config/catalogue/departments.json)
    // that an administrator has not deactivated.
    const inactive = new Set((await this.uow.read((m) => m.find(DepartmentEntity, { where: { active: false }, select: { code: true } }))).map((d) => d.code));
    const issues = validateProcedureDefinition(def, this.source.catalogue.departments.filter((d) => !inactive.has(d.code)));
    if (issues.length > 0) throw new InvalidProcedureError(issues.map((i) => i.message).join('; '), { issues });
    return def;
  }
}

/** The catalogue's stable slug for a national code, e.g. "1.014393" → "tthc-1-014393". */
function slugOf(code: string): string {
  return `tthc-${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

function codeOf(body: unknown): string {
  const code = (body as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[A-Za-z0-9.-]{3,64}$/.test(code)) throw new BadInputError('code must be 3–64 letters, digits, dots or dashes');
  return code;
}

export interface ProcedureVersionHistory extends ProcedureView {
  /** The administrator's full name; null for the version loaded from config/catalogue. */
  changedBy: string | null;
  changedAt: string;
  reason: string | null;
  /** Parts that differ from the version before (name, field, processingTime, fee, paperResult, resultName, components, steps). */
  changedParts: string[];
}

const COMPARED: ReadonlyArray<keyof ProcedureView> = ['name', 'field', 'processingTime', 'fee', 'paperResult', 'resultName', 'components', 'steps'];

function changedParts(before: ProcedureView, after: ProcedureView): string[] {
  return COMPARED.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** The edit's own fields, taken out of the procedure body: `reason` (why) and `expectedVersion` (the version the screen showed). */
function editOf(body: unknown): { reason: string | null; expectedVersion: number | null; rest: Record<string, unknown> } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadInputError('The body must be a JSON object describing the procedure');
  const { reason, expectedVersion, ...rest } = body as Record<string, unknown>;
  if (expectedVersion !== undefined && (typeof expectedVersion !== 'number' || !Number.isInteger(expectedVersion) || expectedVersion < 1)) {
    throw new BadInputError('expectedVersion must be a positive integer', { field: 'expectedVersion' });
  }
  let why: string | null = null;
  if (reason !== undefined && reason !== null) {
    if (typeof reason !== 'string' || reason.length > 500) throw new BadInputError('reason must be a text of at most 500 characters', { field: 'reason' });
    why = normaliseName(reason);
    const problem = nameProblem(why);
    if (problem) throw new BadInputError(`reason ${problem}`, { field: 'reason' });
  }
  return { reason: why, expectedVersion: (expectedVersion as number | undefined) ?? null, rest };
}
