import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { FilesModule } from '../files/files.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { PaperSignatories } from './paper-signatories';

@Module({ imports: [FilesModule, CatalogueModule], controllers: [DocumentsController], providers: [DocumentsService, PaperSignatories], exports: [DocumentsService] })
export class DocumentsModule {}
