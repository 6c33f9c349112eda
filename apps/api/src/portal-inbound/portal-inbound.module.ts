import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { DossiersModule } from '../dossiers/dossiers.module';
import { FilesModule } from '../files/files.module';
import { MachineClientsModule } from '../machine-clients/machine-clients.module';
import { PortalInboundController } from './portal-inbound.controller';
import { PortalInboundService } from './portal-inbound.service';

@Module({ imports: [DossiersModule, CatalogueModule, FilesModule, MachineClientsModule], controllers: [PortalInboundController], providers: [PortalInboundService] })
export class PortalInboundModule {}
