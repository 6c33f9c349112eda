import { Injectable } from '@nestjs/common';
import { CatalogueSeeder, CatalogueSeedReport } from './catalogue/catalogue.seeder';
import { DemoAccountSeeder, DemoSeedResult } from './users/demo-seeder';

export interface StartupReport {
  catalogue: CatalogueSeedReport;
  demoAccounts: DemoSeedResult;
}

/** Seeds that must exist before the first request: the catalogue, then demo accounts. */
@Injectable()
export class StartupSeeder {
  constructor(
    private readonly catalogue: CatalogueSeeder,
    private readonly demo: DemoAccountSeeder,
  ) {}

  async run(): Promise<StartupReport> {
    const catalogue = await this.catalogue.seed();
    const demoAccounts = await this.demo.seedIfEmpty();
    return { catalogue, demoAccounts };
  }
}
