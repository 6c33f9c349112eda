import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { SigningModule } from '../signing/signing.module';
import { FilesController } from './files.controller';
import { FileRemovalController } from './file-removal.controller';
import { FileRemoval } from './file-removal.service';
import { DigitisationCodes } from './digitisation-codes';
import { FilesService } from './files.service';
import { PublicResultsController } from './public-results.controller';
import { OrphanSweepScheduler } from './orphan-sweep.scheduler';
import { buildObjectStorage, OBJECT_STORAGE, ObjectStorageBootstrap } from './object-storage.provider';
import { PortalRecordsModule } from '../portal-records/portal-records.module';

@Module({
  imports: [SigningModule, PortalRecordsModule],
  controllers: [FilesController, PublicResultsController, FileRemovalController],
  providers: [
    { provide: OBJECT_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => buildObjectStorage(config) },
    ObjectStorageBootstrap,
    FilesService,
    FileRemoval,
    DigitisationCodes,
    OrphanSweepScheduler,
  ],
  exports: [FilesService, OBJECT_STORAGE],
})
export class FilesModule {}
