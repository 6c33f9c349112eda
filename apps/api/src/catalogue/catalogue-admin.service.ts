import { Injectable } from '@nestjs/common';
import { CatalogueParseError, parseProcedureDefinition, ProcedureDefinition, validateProcedureDefinition } from '@motcua/catalogue';
import { UnitOfWork } from '@motcua/persistence';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { AppError, BadInputError, NotFoundError } from '../common/errors';
import { UserEntity } from '../users/user.entity';
import { CatalogueSource } from './catalogue-source';
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
    const def = this.check(slugOf(code), code, body);
    await this.uow.run(async (m) => {
      if (await m.findOne(ProcedureEntity, { where: { code } })) throw new ProcedureExistsError(`Procedure ${code} already exists; edit it with PUT`);
      const now = this.time.now();
      await m.insert(ProcedureEntity, { code, currentVersion: 1, createdAt: now, updatedAt: now });
      await insertProcedureVersion(m, code, 1, def, user.id, now);
    });
    return this.catalogue.getCurrent(code);
  }

  async update(user: AuthUser, code: string, body: unknown): Promise<ProcedureView> {
    const current = await this.catalogue.findCurrent(code);
    if (!current) throw new NotFoundError(`Procedure ${code} does not exist`);
    // The catalogue slug stays; the national code stays null where none is known.
    const stored = await this.uow.read((m) => m.findOneByOrFail(ProcedureVersionEntity, { id: current.versionId }));
    const def = this.check(String(stored.definition.id ?? slugOf(code)), current.nationalCode, body);
    await this.uow.run(async (m) => {
      const procedure = await m.findOne(ProcedureEntity, { where: { code } });
      if (!procedure) throw new NotFoundError(`Procedure ${code} does not exist`);
      const version = procedure.currentVersion + 1;
      const now = this.time.now();
      // Compare-and-set: two concurrent edits cannot both become version N+1.
      const res = await m.update(ProcedureEntity, { code, currentVersion: procedure.currentVersion }, { currentVersion: version, updatedAt: now });
      if (res.affected !== 1) throw new ProcedureExistsError('The procedure was edited concurrently; reload and try again');
      await insertProcedureVersion(m, code, version, def, user.id, now);
    });
    return this.catalogue.getCurrent(code);
  }

  /** Who changed what, version by version. */
  async history(code: string) {
    return this.uow.read(async (m) => {
      const versions = await m.find(ProcedureVersionEntity, { where: { procedureCode: code }, order: { version: 'ASC' } });
      if (versions.length === 0) throw new NotFoundError(`Procedure ${code} does not exist`);
      const steps = await m.createQueryBuilder(ProcedureStepEntity, 's').where('s.procedure_version_id IN (:...ids)', { ids: versions.map((v) => v.id) }).orderBy('s.position', 'ASC').getMany();
      const users = await m.find(UserEntity, { select: { id: true, username: true } });
      const name = (id: string | null) => (id ? (users.find((u) => u.id === id)?.username ?? id) : 'seed (config/catalogue)');
      return versions.map((v) => ({ ...toView(v, steps.filter((s) => s.procedureVersionId === v.id)), changedBy: name(v.createdBy), changedAt: v.createdAt.toISOString() }));
    });
  }

  private check(id: string, code: string | null, body: unknown): ProcedureDefinition {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadInputError('The body must be a JSON object describing the procedure');
    let def: ProcedureDefinition;
    try {
      def = parseProcedureDefinition(withDefaults(id, code ?? '', { ...(body as Record<string, unknown>), code }, this.time.now()));
    } catch (error) {
      if (error instanceof CatalogueParseError) throw new BadInputError(error.message);
      throw error;
    }
    const issues = validateProcedureDefinition(def, this.source.catalogue.departments);
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
