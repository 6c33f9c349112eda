import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';
import { PortalRecordsModule } from '../portal-records/portal-records.module';

@Module({ imports: [CatalogueModule, DeadlinesModule, PortalRecordsModule], controllers: [ImportController], providers: [ImportService] })
export class ImportModule {}
