import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { PortalRecordsModule } from '../portal-records/portal-records.module';

@Module({ imports: [CatalogueModule, PortalRecordsModule], controllers: [IndicatorsController], providers: [IndicatorsService], exports: [IndicatorsService] })
export class IndicatorsModule {}
