import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withAdvisoryLock } from '@motcua/persistence';
import { CatalogueSeeder, CatalogueSeedReport } from './catalogue/catalogue.seeder';
import { DemoAccountSeeder, DemoSeedResult } from './users/demo-seeder';
import { PortalRecords } from './portal-records/portal-records.service';
import { ensureRollupBuilt } from './indicator-rollup/rollup-build';
import { resyncCodeSequences, ResyncReport } from './restore/code-sequences';

export interface StartupReport {
  catalogue: CatalogueSeedReport;
  demoAccounts: DemoSeedResult;
  /** Dossiers stored before portal records existed, whose records were projected now. */
  portalRecords: number;
  /** The indicator buckets, built from the records when they never were (the first start after their migration). */
  indicatorRollup: { built: boolean; records: number };
  codeCounters: ResyncReport;
}

/** PostgreSQL advisory lock key of startup seeding (any constant, distinct from the migration lock's). */
const SEED_LOCK_KEY = 6_280_002;

/** Seeds that must exist before the first request: the catalogue, demo accounts, every dossier's portal record, the indicator buckets, code counters in step with the stored codes. */
@Injectable()
export class StartupSeeder {
  constructor(
    private readonly catalogue: CatalogueSeeder,
    private readonly demo: DemoAccountSeeder,
    private readonly records: PortalRecords,
    private readonly dataSource: DataSource,
  ) {}

  async run(): Promise<StartupReport> {
    // Instances booting together on PostgreSQL take turns: the second finds everything seeded
    // instead of colliding on the same primary keys and exiting (test/scale saw it in 1 boot of 3).
    return withAdvisoryLock(this.dataSource, SEED_LOCK_KEY, async () => {
      const catalogue = await this.catalogue.seed();
      const demoAccounts = await this.demo.seedIfEmpty();
      // The indicators read only portal records: dossiers from before they existed get theirs first.
      const portalRecords = await this.records.backfill();
      // From the records, once; from then on every record change keeps the buckets up (issue #17).
      const indicatorRollup = await ensureRollupBuilt(this.dataSource);
      // Counters never behind the codes actually stored (issue #18; also done by `main.js migrate`).
      const codeCounters = await this.dataSource.transaction((m) => resyncCodeSequences(m));
      return { catalogue, demoAccounts, portalRecords, indicatorRollup, codeCounters };
    });
  }
}
