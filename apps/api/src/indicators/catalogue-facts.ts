import { EntityManager } from 'typeorm';
import { chargesFee } from '@motcua/catalogue';
import type { ProcedureFact } from '@motcua/indicators';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';
import type { IndicatorFilter } from './indicators.service';

/**
 * The catalogue as 3.1, 3.2 and 3.5 count it: each procedure's current version. These indicators
 * are about the agency's procedures, so a report on one procedure or one field counts those; a
 * report on a department or a channel counts none (N/A): procedures do not belong to either.
 */
export async function loadCatalogueFacts(m: EntityManager, filter: IndicatorFilter): Promise<ProcedureFact[]> {
  if (filter.departmentCode !== undefined || filter.channel !== undefined) return [];
  const qb = m
    .createQueryBuilder(ProcedureVersionEntity, 'v')
    .innerJoin('procedure', 'p', 'p.code = v.procedure_code AND p.current_version = v.version')
    .select(['v.procedureCode', 'v.field', 'v.onlineLevel', 'v.feeAmountVnd', 'v.feeText']);
  if (filter.procedureCode !== undefined) qb.andWhere('v.procedure_code = :code', { code: filter.procedureCode });
  if (filter.field !== undefined) qb.andWhere('v.field = :field', { field: filter.field });
  const versions = await qb.getMany();
  return versions.map((v) => {
    const feeBearing = chargesFee({ amountVnd: v.feeAmountVnd, text: v.feeText });
    return {
      procedureCode: v.procedureCode,
      onlineLevel: v.onlineLevel === 'toan_trinh' || v.onlineLevel === 'mot_phan' ? v.onlineLevel : null,
      feeBearing,
      // The records carry the fee list with its amount only when the catalogue knows the amount (record-source.ts).
      feeSynced: feeBearing && v.feeAmountVnd !== null,
    };
  });
}
