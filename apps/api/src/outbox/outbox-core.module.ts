import { Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { LoggingMailer, Mailer, SmtpMailer } from '../notifications/mailer';
import { LoggingSmsSender, SmsSender } from '../notifications/sms-sender';
import { OutboxDelivery } from './outbox-delivery';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { OutboxLagProbe } from './outbox-lag';
import { OutboxWriter } from './outbox-writer';

/**
 * The outbox without HTTP: the writer (for commands), the dispatcher and its channels, the lag
 * probe. Imported by the API (through OutboxModule) and by apps/worker.
 */
@Module({
  providers: [
    OutboxWriter,
    OutboxDispatcher,
    OutboxDelivery,
    OutboxLagProbe,
    {
      provide: Mailer,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Mailer => {
        const { smtpUrl, mailFrom } = config.delivery;
        if (smtpUrl) return new SmtpMailer(smtpUrl, mailFrom, config.outbox.deliveryTimeoutSeconds * 1000);
        new Logger('Mailer').warn('SMTP_URL is not set: e-mails to applicants are written to the log, not sent');
        return new LoggingMailer();
      },
    },
    { provide: SmsSender, useClass: LoggingSmsSender },
  ],
  exports: [OutboxWriter, OutboxDispatcher, OutboxLagProbe],
})
export class OutboxCoreModule implements OnApplicationShutdown {
  constructor(private readonly mailer: Mailer) {}

  async onApplicationShutdown(): Promise<void> {
    await this.mailer.close();
  }
}
