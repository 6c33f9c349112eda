import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { PaymentPlatformDouble } from './payment-platform-double';

/**
 * In demo mode (PAYMENT_PLATFORM_DOUBLE, on by default in development, refused in production) the
 * payment platform's stand-in runs beside the API, so a citizen can "pay" and see the notification
 * applied. Its address is the payment requests' `payUrl`.
 */
@Injectable()
export class PaymentPlatformDemo implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PaymentPlatformDemo');
  private double: PaymentPlatformDouble | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The stand-in's payment page, when it runs. */
  get payUrl(): string | null {
    return this.double?.url ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { paymentPlatformDouble, paymentNotifySecret } = this.config.online;
    if (!paymentPlatformDouble || !paymentNotifySecret) return;
    this.double = new PaymentPlatformDouble(`http://127.0.0.1:${this.config.port}/api/payments/notifications`, paymentNotifySecret);
    const url = await this.double.start();
    this.logger.warn(`Demo payment platform stand-in at ${url} (not for production)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.double?.stop();
  }
}
