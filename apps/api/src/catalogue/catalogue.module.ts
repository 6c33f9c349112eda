import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { AgencyIdentity } from './agency-identity';
import { loadCatalogueFiles } from './catalogue-files';
import { CatalogueSource } from './catalogue-source';
import { CatalogueSeeder } from './catalogue.seeder';
import { CatalogueService } from './catalogue.service';
import { ProceduresController } from './procedures.controller';
import { CatalogueAdminController } from './catalogue-admin.controller';
import { CatalogueAdminService } from './catalogue-admin.service';
import { DepartmentAdminController } from './department-admin.controller';
import { DepartmentAdminService } from './department-admin.service';

@Module({
  controllers: [ProceduresController, CatalogueAdminController, DepartmentAdminController],
  providers: [
    CatalogueService,
    CatalogueSeeder,
    CatalogueAdminService,
    DepartmentAdminService,
    { provide: CatalogueSource, useFactory: () => new CatalogueSource(loadCatalogueFiles()) },
    {
      provide: AgencyIdentity,
      inject: [APP_CONFIG, CatalogueSource],
      // AGENCY_ID overrides the catalogue's identifier, which is UNVERIFIED for Lai Châu (DOMAIN.md §2.6).
      useFactory: (config: AppConfig, source: CatalogueSource) =>
        new AgencyIdentity(config.agencyId ?? source.catalogue.agency.identifier.value, source.catalogue.agency.name, source.catalogue.agency.province),
    },
  ],
  exports: [CatalogueService, CatalogueSeeder, AgencyIdentity],
})
export class CatalogueModule {}
