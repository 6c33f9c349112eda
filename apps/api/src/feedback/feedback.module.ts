import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DossiersModule } from '../dossiers/dossiers.module';
import { FeedbackCommands } from './feedback-commands.service';
import { FeedbackController } from './feedback.controller';
import { FeedbackQueries } from './feedback-queries.service';
import { PublicFeedbackController } from './public-feedback.controller';
import { PortalRecordsModule } from '../portal-records/portal-records.module';

@Module({
  imports: [CatalogueModule, DeadlinesModule, DossiersModule, PortalRecordsModule],
  controllers: [FeedbackController, PublicFeedbackController],
  providers: [FeedbackCommands, FeedbackQueries],
})
export class FeedbackModule {}
