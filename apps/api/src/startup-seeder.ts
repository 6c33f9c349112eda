import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withAdvisoryLock } from '@motcua/persistence';
import { CatalogueSeeder, CatalogueSeedReport } from './catalogue/catalogue.seeder';
import { DemoAccountSeeder, DemoSeedResult } from './users/demo-seeder';

export interface StartupReport {
  catalogue: CatalogueSeedReport;
  demoAccounts: DemoSeedResult;
}

/** PostgreSQL advisory lock key of startup seeding (any constant, distinct from the migration lock's). */
const SEED_LOCK_KEY = 6_280_002;

/** Seeds that must exist before the first request: the catalogue, then demo accounts. */
@Injectable()
export class StartupSeeder {
  constructor(
    private readonly catalogue: CatalogueSeeder,
    private readonly demo: DemoAccountSeeder,
    private readonly dataSource: DataSource,
  ) {}

  async run(): Promise<StartupReport> {
    // Instances booting together on PostgreSQL take turns: the second finds everything seeded
    // instead of colliding on the same primary keys and exiting (test/scale saw it in 1 boot of 3).
    return withAdvisoryLock(this.dataSource, SEED_LOCK_KEY, async () => {
      const catalogue = await this.catalogue.seed();
      const demoAccounts = await this.demo.seedIfEmpty();
      return { catalogue, demoAccounts };
    });
  }
}
