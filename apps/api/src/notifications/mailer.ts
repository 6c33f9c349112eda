import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { createTransport, type Mail } from 'nodemailer';
import { DeliveryError } from '../outbox/outbox-errors';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The outbox idempotency key: becomes the Message-ID, so a redelivered e-mail is recognisably the same one. */
  idempotencyKey: string;
}

/** Sends one e-mail; throws DeliveryError (permanent when the recipient was refused). */
export abstract class Mailer {
  abstract send(mail: OutgoingMail): Promise<void>;
  /** Closes connections (on shutdown). */
  async close(): Promise<void> {}
}

/** SMTP through nodemailer (SMTP_URL). */
export class SmtpMailer extends Mailer {
  private readonly transport: Mail;
  private readonly domain: string;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    super();
    // nodemailer applies the object's keys next to the URL's own settings.
    this.transport = createTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
    this.domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'motcua.invalid';
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${createHash('sha256').update(mail.idempotencyKey).digest('hex').slice(0, 32)}@${this.domain}>`,
      });
    } catch (error) {
      const e = error as { code?: string; responseCode?: number; message?: string };
      // A 5xx refusal of the recipient will not change on retry; anything else (connection, 4xx, auth) may.
      const permanent = e.code === 'EENVELOPE' && typeof e.responseCode === 'number' && e.responseCode >= 500;
      throw new DeliveryError(`SMTP: ${e.message ?? String(error)}`, permanent);
    }
  }

  override async close(): Promise<void> {
    this.transport.close();
  }
}

/** No SMTP_URL: e-mails are written to the log (development), and count as delivered. */
export class LoggingMailer extends Mailer {
  private readonly logger = new Logger('Mailer');

  async send(mail: OutgoingMail): Promise<void> {
    this.logger.log(`E-mail not sent (SMTP_URL is not set) to ${maskEmail(mail.to)}: ${mail.subject}`);
  }
}

/** `h***@example.vn`: enough to tell messages apart in a log without copying addresses into it. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return at <= 0 ? '***' : `${address[0]}***${address.slice(at)}`;
}
