import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';

@Module({ imports: [CatalogueModule, DeadlinesModule], controllers: [ImportController], providers: [ImportService] })
export class ImportModule {}
