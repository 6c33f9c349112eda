import { Module } from '@nestjs/common';
import { PaymentsController, PaymentsService } from './payments.controller';
import { PortalRecordsModule } from '../portal-records/portal-records.module';
import { PaymentNotificationsController, PublicPaymentsController } from './online-payments.controller';
import { OnlinePaymentsService } from './online-payments.service';
import { PaymentPlatformDemo } from './payment-platform-demo';

@Module({
  imports: [PortalRecordsModule],
  controllers: [PaymentsController, PaymentNotificationsController, PublicPaymentsController],
  providers: [PaymentsService, OnlinePaymentsService, PaymentPlatformDemo],
})
export class PaymentsModule {}
