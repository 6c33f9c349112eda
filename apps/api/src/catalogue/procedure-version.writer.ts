import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { ProcedureDefinition } from '@motcua/catalogue';
import { ProcedureStepEntity } from './procedure-step.entity';
import { ProcedureVersionEntity } from './procedure-version.entity';

/** Writes one immutable procedure version and its ordered steps (seed and administration alike). */
export async function insertProcedureVersion(
  m: EntityManager,
  code: string,
  version: number,
  def: ProcedureDefinition,
  createdBy: string | null,
  now: Date,
  changeReason: string | null = null,
): Promise<string> {
  const id = randomUUID();
  const row: ProcedureVersionEntity = {
    id,
    procedureCode: code,
    version,
    name: def.name,
    field: def.field,
    processingAmount: def.processingTime?.amount ?? null,
    processingUnit: def.processingTime?.unit ?? null,
    feeAmountVnd: def.fee.amountVnd,
    feeText: def.fee.text,
    onlineLevel: def.onlineLevel,
    paperResult: def.paperResult,
    resultName: def.resultName,
    components: def.components,
    definition: def as unknown as Record<string, unknown>,
    changeReason,
    createdBy,
    createdAt: now,
  };
  await m.getRepository(ProcedureVersionEntity).insert(row as never);
  await m.insert(
    ProcedureStepEntity,
    def.steps.map((s, position) => ({
      id: randomUUID(),
      procedureVersionId: id,
      position,
      key: s.key,
      name: s.name,
      departmentCode: s.departmentCode,
      role: s.role,
      workingDays: s.workingDays,
    })),
  );
  return id;
}
