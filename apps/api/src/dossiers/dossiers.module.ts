import { Module } from '@nestjs/common';
import { OutboxCoreModule } from '../outbox';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DossierCodeGenerator } from './dossier-code.generator';
import { DossierCommands } from './dossier-commands.service';
import { DossierQueries } from './dossier-queries.service';
import { DossiersController } from './dossiers.controller';
import { DossierCorrectionsController } from './dossier-corrections.controller';
import { DossierCorrections } from './dossier-corrections.service';
import { DossierAssignmentController } from './dossier-assignment.controller';
import { DossierAssignment } from './dossier-assignment.service';
import { PortalRecordsModule } from '../portal-records/portal-records.module';

@Module({
  imports: [CatalogueModule, DeadlinesModule, OutboxCoreModule, PortalRecordsModule],
  controllers: [DossiersController, DossierCorrectionsController, DossierAssignmentController],
  providers: [DossierCommands, DossierQueries, DossierCodeGenerator, DossierCorrections, DossierAssignment],
  exports: [DossierCodeGenerator, DossierCommands],
})
export class DossiersModule {}
