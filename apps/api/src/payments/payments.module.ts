import { Module } from '@nestjs/common';
import { PaymentsController, PaymentsService } from './payments.controller';

@Module({ controllers: [PaymentsController], providers: [PaymentsService] })
export class PaymentsModule {}
