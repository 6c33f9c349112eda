import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import type { CatalogueDefinition, ProcedureDefinition } from '@motcua/catalogue';
import { DepartmentEntity } from './department.entity';
import { ProcedureEntity } from './procedure.entity';
import { insertProcedureVersion } from './procedure-version.writer';
import { CatalogueSource } from './catalogue-source';

export interface CatalogueSeedReport {
  departmentsAdded: number;
  proceduresAdded: number;
}

/**
 * The catalogue key of a procedure: its national TTHC code, or, for the few whose code
 * was not found in any source (procedures-dost.yaml), the catalogue's stable slug.
 */
export function procedureKey(def: Pick<ProcedureDefinition, 'code' | 'id'>): string {
  return def.code ?? def.id;
}

/**
 * Loads the catalogue from config/ into the database. It only *adds* departments and
 * procedures that are missing: once a procedure exists, its versions change through
 * the catalogue administration, never by overwriting it from the files.
 */
@Injectable()
export class CatalogueSeeder {
  private readonly logger = new Logger('Catalogue');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly source: CatalogueSource,
  ) {}

  async seed(): Promise<CatalogueSeedReport> {
    const catalogue = this.source.catalogue;
    const report = await this.uow.run((m) => this.addMissing(m, catalogue));
    if (report.departmentsAdded || report.proceduresAdded) {
      this.logger.log(`Catalogue seeded: ${report.departmentsAdded} departments, ${report.proceduresAdded} procedures`);
    }
    return report;
  }

  private async addMissing(m: EntityManager, catalogue: CatalogueDefinition): Promise<CatalogueSeedReport> {
    const now = new Date();
    const knownDepartments = new Set((await m.find(DepartmentEntity)).map((d) => d.code));
    const newDepartments = catalogue.departments.filter((d) => !knownDepartments.has(d.code));
    if (newDepartments.length) {
      await m.insert(DepartmentEntity, newDepartments.map((d) => ({ code: d.code, name: d.name, createdAt: now })));
    }
    const knownProcedures = new Set((await m.find(ProcedureEntity)).map((p) => p.code));
    let added = 0;
    for (const def of catalogue.procedures) {
      if (knownProcedures.has(procedureKey(def))) continue;
      await insertProcedure(m, def, now);
      added++;
    }
    return { departmentsAdded: newDepartments.length, proceduresAdded: added };
  }
}

async function insertProcedure(m: EntityManager, def: ProcedureDefinition, now: Date): Promise<void> {
  const code = procedureKey(def);
  await m.insert(ProcedureEntity, { code, currentVersion: 1, createdAt: now, updatedAt: now });
  await insertProcedureVersion(m, code, 1, def, null, now);
}
