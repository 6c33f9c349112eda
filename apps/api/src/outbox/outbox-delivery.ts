import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { Mailer } from '../notifications/mailer';
import { SmsSender } from '../notifications/sms-sender';
import { renderNotification } from '../notifications/templates';
import { postJson } from './http-post';
import { OutboxMessageEntity } from './outbox-message.entity';
import { DeliveryError } from './outbox-errors';
import type { NotificationPayload, PortalSyncPayload, WebhookPayload } from './outbox.types';

/** Carries one claimed message over its channel. Throws DeliveryError on failure. */
@Injectable()
export class OutboxDelivery {
  private readonly timeoutMs: number;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: Mailer,
    private readonly sms: SmsSender,
  ) {
    this.timeoutMs = config.outbox.deliveryTimeoutSeconds * 1000;
  }

  async deliver(message: OutboxMessageEntity): Promise<void> {
    switch (message.channel) {
      case 'email': {
        const payload = message.payload as NotificationPayload;
        const mail = renderNotification(payload);
        return this.mailer.send({ to: payload.to, subject: mail.subject, text: mail.text, html: mail.html, idempotencyKey: message.idempotencyKey });
      }
      case 'sms': {
        const payload = message.payload as NotificationPayload;
        return this.sms.send({ to: payload.to, text: renderNotification(payload).sms, idempotencyKey: message.idempotencyKey });
      }
      case 'portal-sync':
        return postJson(this.target('PORTAL_SYNC_URL', this.config.delivery.portalSyncUrl), (message.payload as PortalSyncPayload).record, message.idempotencyKey, this.timeoutMs);
      case 'webhook':
        return postJson(this.target('WEBHOOK_URL', this.config.delivery.webhookUrl), (message.payload as WebhookPayload).event, message.idempotencyKey, this.timeoutMs);
      default:
        throw new DeliveryError(`Unknown channel ${String(message.channel)}`, true);
    }
  }

  /** Written while the target was configured, delivered after it was removed: keep retrying until an operator decides. */
  private target(name: string, url: string | null): string {
    if (!url) throw new DeliveryError(`${name} is not set`);
    return url;
  }
}
