import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { Clock } from './common/clock';
import { AppConfig } from './config/app-config.provider';
import { DatabaseModule } from './database/database.module';
import { DossiersModule } from './dossiers/dossiers.module';
import { SavedFiltersModule } from './saved-filters/saved-filters.module';
import { DocumentsModule } from './documents/documents.module';
import { FeedbackModule } from './feedback/feedback.module';
import { FilesModule } from './files/files.module';
import { OutboxModule } from './outbox/outbox.module';
import { PortalRecordsModule } from './portal-records/portal-records.module';
import { PaymentsModule } from './payments/payments.module';
import { PublicModule } from './public/public.module';
import { HealthModule } from './health/health.module';
import { ImportModule } from './imports/import.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { ConfigModule } from './config/config.module';
import { StartupSeeder } from './startup-seeder';
import { UsersModule } from './users/users.module';
import { MetricsModule } from './observability/metrics.module';
import { MachineClientsModule } from './machine-clients/machine-clients.module';
import { PortalInboundModule } from './portal-inbound/portal-inbound.module';
import { OnlineSupplementModule } from './online-supplement/online-supplement.module';
import { IdentityModule } from './identity/identity.module';
import { OnlineSubmissionModule } from './online-submission/online-submission.module';

/** Replaceable parts, for tests: a fixed clock to receive a dossier on a chosen day and hour; another web build. */
export interface AppOverrides {
  clock?: Clock;
  /** Folder served at `/` instead of dist/web. */
  webRoot?: string;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config, overrides), DatabaseModule.forRoot(config), AuthModule, UsersModule, CatalogueModule, DossiersModule, CalendarModule, FilesModule, IndicatorsModule, ImportModule, DocumentsModule, PublicModule, PaymentsModule, HealthModule, FeedbackModule, OutboxModule, PortalRecordsModule, MetricsModule, MachineClientsModule, PortalInboundModule, OnlineSupplementModule, SavedFiltersModule, OnlineSubmissionModule, IdentityModule],
      providers: [StartupSeeder],
    };
  }
}
