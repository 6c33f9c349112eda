import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { PortalRecordsModule } from '../portal-records/portal-records.module';
import { OnlineSupplementController } from './online-supplement.controller';
import { OnlineSupplementService } from './online-supplement.service';

@Module({ imports: [FilesModule, PortalRecordsModule], controllers: [OnlineSupplementController], providers: [OnlineSupplementService] })
export class OnlineSupplementModule {}
