import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';

@Module({ imports: [CatalogueModule], controllers: [IndicatorsController], providers: [IndicatorsService], exports: [IndicatorsService] })
export class IndicatorsModule {}
