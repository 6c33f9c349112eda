import { Module } from '@nestjs/common';
import { OutboxCoreModule } from '../outbox';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DossierCodeGenerator } from './dossier-code.generator';
import { DossierCommands } from './dossier-commands.service';
import { DossierQueries } from './dossier-queries.service';
import { DossiersController } from './dossiers.controller';

@Module({
  imports: [CatalogueModule, DeadlinesModule, OutboxCoreModule],
  controllers: [DossiersController],
  providers: [DossierCommands, DossierQueries, DossierCodeGenerator],
  exports: [DossierCodeGenerator],
})
export class DossiersModule {}
