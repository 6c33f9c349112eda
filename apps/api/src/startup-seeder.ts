import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
    return this.exclusively(async () => {
      const catalogue = await this.catalogue.seed();
      const demoAccounts = await this.demo.seedIfEmpty();
      return { catalogue, demoAccounts };
    });
  }

  /**
   * Instances booting together on PostgreSQL take turns: the second one waits and then finds
   * everything seeded, instead of colliding on the same primary keys and exiting (test/scale
   * saw it in one boot out of three). SQLite has one writer process anyway.
   */
  private async exclusively<T>(seed: () => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'postgres') return seed();
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
      try {
        return await seed();
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK_KEY]);
      }
    } finally {
      await lock.release();
    }
  }
}
