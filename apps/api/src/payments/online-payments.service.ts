import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUniqueViolation, UnitOfWork } from '@motcua/persistence';
import { Clock } from '../common/clock';
import { AppError, NotFoundError, ServiceUnavailableError } from '../common/errors';
import { dossierBySecret } from '../public/dossier-by-secret';
import { instantOf } from '../common/input.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';
import { DossierEntity } from '../dossiers/dossier.entity';
import { PortalRecords } from '../portal-records/portal-records.service';
import { DossierPaymentEntity } from './dossier-payment.entity';
import { AlreadyPaidError, NoFeeError } from './payments.controller';
import { PaymentRequestEntity, PLATFORM_BY_CHANNEL_CODE } from './payment-request.entity';
import { paymentSignatureValid, SignedPaymentFields } from './payment-signature';
import { PaymentPlatformDemo } from './payment-platform-demo';

export class PaymentSignatureInvalidError extends AppError {
  readonly status = 401;
  readonly code = 'PAYMENT_SIGNATURE_INVALID';
}

export class PaymentMismatchError extends AppError {
  readonly status = 422;
  readonly code = 'PAYMENT_MISMATCH';
}

export class FeeAmountUnknownError extends AppError {
  readonly status = 422;
  readonly code = 'FEE_AMOUNT_UNKNOWN';
}

/** What the citizen's lookup shows about the fee. */
export interface PaymentSummary {
  feeApplies: boolean;
  /** The catalogue's amount for the procedure; null when it gives only a text (then it is paid at the counter). */
  amountVnd: number | null;
  state: 'no_fee' | 'unpaid' | 'paid';
  /** How it was paid: counter, national_portal (1) or provincial_portal (2). */
  method: string | null;
  paidAt: string | null;
}

/** Recorded as the one who recorded a payment the platform notified. */
const PLATFORM_ACTOR = 'payment-platform';

/**
 * Online payment of a dossier's fee: a payment request per fee-bearing dossier, and the payment
 * platform's notification, verified by HMAC with the shared secret and applied once per platform
 * transaction. The payment is recorded as at the counter (dossier_payment, dossier.payment_method),
 * so the portal record carries DuocThanhToanTrucTuyen 1 or 2 (indicator 3.6, DOMAIN.md §1.5).
 */
@Injectable()
export class OnlinePaymentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly time: Clock,
    private readonly records: PortalRecords,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly demo: PaymentPlatformDemo,
  ) {}

  /** The dossier's payment request (made on first ask), for the citizen with the dossier's code and secret. */
  async request(code: string, secret: string) {
    try {
      return await this.uow.run(async (m) => this.ensureRequest(m, await dossierBySecret(m, code, secret)));
    } catch (error) {
      // Two first asks at once: the other one made it.
      if (isUniqueViolation(error)) return this.uow.run(async (m) => this.ensureRequest(m, await dossierBySecret(m, code, secret)));
      throw error;
    }
  }

  private async ensureRequest(m: EntityManager, dossier: DossierEntity) {
    if (!dossier.feeApplies) throw new NoFeeError("This dossier's procedure charges no fee");
    let request = await m.findOne(PaymentRequestEntity, { where: { dossierId: dossier.id } });
    if (!request) {
      if (dossier.paymentMethod) throw new AlreadyPaidError('The fee of this dossier is already paid');
      const version = await m.findOneByOrFail(ProcedureVersionEntity, { id: dossier.procedureVersionId });
      if (version.feeAmountVnd === null || version.feeAmountVnd <= 0) throw new FeeAmountUnknownError('The catalogue gives no amount for this fee: it is paid at the counter');
      request = { id: randomUUID(), dossierId: dossier.id, amountVnd: version.feeAmountVnd, state: 'pending', platform: null, transactionId: null, paidAt: null, createdAt: this.time.now() };
      await m.insert(PaymentRequestEntity, request);
    }
    const platformUrl = this.config.online.paymentPlatformUrl ?? this.demo.payUrl;
    const payUrl = platformUrl ? `${platformUrl}?requestId=${request.id}&amountVnd=${request.amountVnd}` : null;
    return { requestId: request.id, amountVnd: request.amountVnd, state: request.state, paidAt: request.paidAt?.toISOString() ?? null, payUrl };
  }

  /** The platform's notification. Answers whether this delivery applied the payment (false: delivered before). */
  async notify(fields: SignedPaymentFields, signature: string): Promise<{ applied: boolean; requestId: string; transactionId: string }> {
    const secret = this.config.online.paymentNotifySecret;
    if (!secret) throw new ServiceUnavailableError('Online payment is not configured (PAYMENT_NOTIFY_SECRET)');
    if (!paymentSignatureValid(fields, signature, secret)) throw new PaymentSignatureInvalidError('The notification signature does not match');
    const platform = PLATFORM_BY_CHANNEL_CODE[fields.channelCode];
    if (!platform) throw new PaymentMismatchError('channelCode must be 1 (DVCQG payment platform) or 2 (the province\'s)');
    const ack = { requestId: fields.requestId, transactionId: fields.transactionId };
    try {
      return await this.uow.run(async (m) => {
        const request = await m.findOne(PaymentRequestEntity, { where: { id: fields.requestId } });
        if (!request) throw new NotFoundError(`No payment request ${fields.requestId}`);
        if (request.transactionId === fields.transactionId) return { applied: false, ...ack };
        if (request.state === 'paid') throw new AlreadyPaidError('This payment request was settled by another transaction');
        if (request.amountVnd !== fields.amountVnd) throw new PaymentMismatchError(`The amount paid (${fields.amountVnd}) is not the amount requested (${request.amountVnd})`);
        const paidAt = instantOf(fields.paidAt);
        // Compare-and-set: of two deliveries racing, one moves the request from pending.
        const moved = await m.update(PaymentRequestEntity, { id: request.id, state: 'pending' }, { state: 'paid', platform, transactionId: fields.transactionId, paidAt });
        if (moved.affected !== 1) throw new AlreadyPaidError('This payment request was settled meanwhile');
        const dossier = await m.findOneByOrFail(DossierEntity, { id: request.dossierId });
        if (dossier.paymentMethod) throw new AlreadyPaidError('The fee of this dossier was already recorded as paid');
        await m.insert(DossierPaymentEntity, { id: randomUUID(), dossierId: dossier.id, method: platform, amountVnd: fields.amountVnd, paidAt, reference: fields.transactionId, recordedBy: PLATFORM_ACTOR, recordedAt: this.time.now() });
        await m.update(DossierEntity, { id: dossier.id }, { paymentMethod: platform });
        await this.records.refresh(m, dossier.id);
        return { applied: true, ...ack };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        // The same transaction delivered twice at once: the other delivery applied it.
        const request = await this.uow.read((m) => m.findOne(PaymentRequestEntity, { where: { id: fields.requestId } }));
        if (request?.transactionId === fields.transactionId) return { applied: false, ...ack };
        throw new AlreadyPaidError('The fee of this dossier was already recorded as paid');
      }
      throw error;
    }
  }
}

/** The citizen's view of the fee, for the public lookup. */
export async function paymentSummary(m: EntityManager, dossier: DossierEntity, version: ProcedureVersionEntity): Promise<PaymentSummary> {
  if (!dossier.feeApplies) return { feeApplies: false, amountVnd: null, state: 'no_fee', method: null, paidAt: null };
  const paid = dossier.paymentMethod ? await m.findOne(DossierPaymentEntity, { where: { dossierId: dossier.id } }) : null;
  return {
    feeApplies: true,
    amountVnd: paid?.amountVnd ?? version.feeAmountVnd,
    state: paid ? 'paid' : 'unpaid',
    method: paid?.method ?? null,
    paidAt: paid?.paidAt.toISOString() ?? null,
  };
}
