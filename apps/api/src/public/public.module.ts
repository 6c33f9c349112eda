import { Module } from '@nestjs/common';
import { PublicDossiersController } from './public-dossiers.controller';
import { PublicDossiersService } from './public-dossiers.service';

@Module({ controllers: [PublicDossiersController], providers: [PublicDossiersService] })
export class PublicModule {}
