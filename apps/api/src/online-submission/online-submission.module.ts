import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { DossiersModule } from '../dossiers/dossiers.module';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { OutboxCoreModule } from '../outbox';
import { OnlineSubmissionController } from './online-submission.controller';
import { OnlineSubmissionSweepScheduler } from './online-submission.scheduler';
import { OnlineSubmissionService } from './online-submission.service';

@Module({
  imports: [CatalogueModule, DossiersModule, FilesModule, OutboxCoreModule, IdentityModule],
  controllers: [OnlineSubmissionController],
  providers: [OnlineSubmissionService, OnlineSubmissionSweepScheduler],
})
export class OnlineSubmissionModule {}
