import { Module } from '@nestjs/common';
import { MachineClientsController } from './machine-clients.controller';
import { MachineClientsService } from './machine-clients.service';
import { MachineClientGuard } from './machine-route';

@Module({ controllers: [MachineClientsController], providers: [MachineClientsService, MachineClientGuard], exports: [MachineClientsService, MachineClientGuard] })
export class MachineClientsModule {}
