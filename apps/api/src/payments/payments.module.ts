import { Module } from '@nestjs/common';
import { PaymentsController, PaymentsService } from './payments.controller';
import { PortalRecordsModule } from '../portal-records/portal-records.module';

@Module({ imports: [PortalRecordsModule], controllers: [PaymentsController], providers: [PaymentsService] })
export class PaymentsModule {}
