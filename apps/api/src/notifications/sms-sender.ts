import { Logger } from '@nestjs/common';
import { redactLookupSecrets } from '../common/public-lookup-url';

export interface OutgoingSms {
  to: string;
  text: string;
  idempotencyKey: string;
}

/**
 * Sends one SMS. No provider is contracted yet, so the only implementation logs; a provider
 * adapter implements this and is bound in OutboxCoreModule. Texts keep their diacritics
 * (Unicode SMS, 70 characters per segment).
 */
export abstract class SmsSender {
  abstract send(sms: OutgoingSms): Promise<void>;
}

export class LoggingSmsSender extends SmsSender {
  private readonly logger = new Logger('Sms');

  async send(sms: OutgoingSms): Promise<void> {
    // The text carries the applicant's lookup link, whose secret opens the dossier: never into a log.
    this.logger.log(`SMS not sent (no SMS provider) to ${maskPhone(sms.to)}: ${redactLookupSecrets(sms.text)}`);
  }
}

/** `*******678`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  return digits.length <= 3 ? '***' : `${'*'.repeat(digits.length - 3)}${digits.slice(-3)}`;
}
