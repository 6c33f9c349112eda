import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { OutboxCoreModule } from '../outbox/outbox-core.module';
import { PortalRecords } from './portal-records.service';

/** The portal record of every dossier (issue #11): kept by every change, read by the indicators. */
@Module({
  imports: [CatalogueModule, OutboxCoreModule],
  providers: [PortalRecords],
  exports: [PortalRecords],
})
export class PortalRecordsModule {}
