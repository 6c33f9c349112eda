import { Module } from '@nestjs/common';
import { PublicDossiersController } from './public-dossiers.controller';
import { PublicDossiersService } from './public-dossiers.service';
import { PortalRecordsModule } from '../portal-records/portal-records.module';

@Module({ imports: [PortalRecordsModule], controllers: [PublicDossiersController], providers: [PublicDossiersService] })
export class PublicModule {}
