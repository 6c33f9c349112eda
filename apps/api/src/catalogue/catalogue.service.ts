import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { UNVERIFIED_LABEL, unverifiedFields, type VerifiableField } from '@motcua/catalogue';
import { UnitOfWork } from '@motcua/persistence';
import type { ProcessingStep, Role } from '@motcua/workflow';
import { NotFoundError } from '../common/errors';
import { DepartmentEntity } from './department.entity';
import { ProcedureStepEntity } from './procedure-step.entity';
import { ProcedureVersionEntity } from './procedure-version.entity';
import { ProcedureEntity } from './procedure.entity';

export interface ProcedureView {
  /** Catalogue key: the national TTHC code, or the catalogue slug where no code is known. */
  code: string;
  /** National TTHC code (CSDLQG), null when not found in any source. */
  nationalCode: string | null;
  version: number;
  versionId: string;
  name: string;
  field: string;
  processingTime: { amount: number; unit: string } | null;
  fee: { amountVnd: number | null; text: string | null };
  onlineLevel: string | null;
  paperResult: boolean;
  resultName: string | null;
  components: ProcedureVersionEntity['components'];
  steps: ProcessingStep[];
  /** What is not read in a published source; staff screens show `label` ("chưa xác minh"). */
  verification: ProcedureVerification;
}

export interface ProcedureVerification {
  /** True when every published fact (name, code, time, fee, result, components) was read in a source. */
  verified: boolean;
  /**
   * "chưa xác minh" when a published fact is unverified, else null. Steps are our own internal
   * allocation (said so in the definition's stepsNote): listed in unverifiedFields, no label.
   */
  label: typeof UNVERIFIED_LABEL | null;
  unverifiedFields: VerifiableField[];
  /** The research notes on what is uncertain (internal, English). */
  notes: string[];
}

/** Reads the verification flags stored with a version's definition (older or admin-made definitions may lack some). */
export function verificationOf(definition: Record<string, unknown>): ProcedureVerification {
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);
  const fields = unverifiedFields({
    verified: definition.verified !== false,
    inferred: strings(definition.inferred),
    componentsVerified: definition.componentsVerified !== false,
    stepsSource: definition.stepsSource === 'default-allocation' ? 'default-allocation' : 'published',
    code: typeof definition.code === 'string' ? definition.code : null,
  });
  const facts = fields.filter((f) => f !== 'steps');
  return {
    verified: facts.length === 0,
    label: facts.length === 0 ? null : UNVERIFIED_LABEL,
    unverifiedFields: fields,
    notes: strings(definition.uncertain),
  };
}

/** Read side of the versioned procedure catalogue. */
@Injectable()
export class CatalogueService {
  constructor(private readonly uow: UnitOfWork) {}

  async listProcedures(): Promise<ProcedureView[]> {
    return this.uow.read(async (m) => {
      const procedures = await m.find(ProcedureEntity, { order: { code: 'ASC' } });
      if (procedures.length === 0) return [];
      const versions = await m
        .createQueryBuilder(ProcedureVersionEntity, 'v')
        .innerJoin(ProcedureEntity, 'p', 'p.code = v.procedure_code AND p.current_version = v.version')
        .orderBy('v.procedure_code', 'ASC')
        .getMany();
      const steps = await m.find(ProcedureStepEntity, {
        where: { procedureVersionId: In(versions.map((v) => v.id)) },
        order: { position: 'ASC' },
      });
      return versions.map((v) => toView(v, steps.filter((s) => s.procedureVersionId === v.id)));
    });
  }

  /** The current version of a procedure, or null. */
  async findCurrent(code: string): Promise<ProcedureView | null> {
    return this.uow.read(async (m) => {
      const procedure = await m.findOne(ProcedureEntity, { where: { code } });
      if (!procedure) return null;
      const version = await m.findOneOrFail(ProcedureVersionEntity, { where: { procedureCode: code, version: procedure.currentVersion } });
      const steps = await m.find(ProcedureStepEntity, { where: { procedureVersionId: version.id }, order: { position: 'ASC' } });
      return toView(version, steps);
    });
  }

  async getCurrent(code: string): Promise<ProcedureView> {
    const view = await this.findCurrent(code);
    if (!view) throw new NotFoundError(`Procedure ${code} does not exist`);
    return view;
  }

  async listDepartments(): Promise<DepartmentEntity[]> {
    return this.uow.read((m) => m.find(DepartmentEntity, { order: { code: 'ASC' } }));
  }
}

export function toView(v: ProcedureVersionEntity, steps: ProcedureStepEntity[]): ProcedureView {
  return {
    code: v.procedureCode,
    nationalCode: typeof v.definition.code === 'string' ? v.definition.code : null,
    version: v.version,
    versionId: v.id,
    name: v.name,
    field: v.field,
    processingTime: v.processingAmount !== null && v.processingUnit !== null ? { amount: v.processingAmount, unit: v.processingUnit } : null,
    fee: { amountVnd: v.feeAmountVnd, text: v.feeText },
    onlineLevel: v.onlineLevel,
    paperResult: v.paperResult,
    resultName: v.resultName,
    components: v.components,
    steps: steps.map(toStep),
    verification: verificationOf(v.definition),
  };
}

export function toStep(s: ProcedureStepEntity): ProcessingStep {
  return { key: s.key, name: s.name, departmentCode: s.departmentCode, role: s.role as Role, workingDays: s.workingDays };
}
