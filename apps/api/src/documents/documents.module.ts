import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { FilesModule } from '../files/files.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { PaperSignatories } from './paper-signatories';
import { LogBookController } from './log-book.controller';
import { LogBookService } from './log-book.service';

@Module({ imports: [FilesModule, CatalogueModule], controllers: [DocumentsController, LogBookController], providers: [DocumentsService, PaperSignatories, LogBookService], exports: [DocumentsService] })
export class DocumentsModule {}
