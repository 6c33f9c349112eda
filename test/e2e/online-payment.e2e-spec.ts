import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { DossierPaymentEntity } from '../../apps/api/src/payments/dossier-payment.entity';
import { PortalRecordEntity } from '../../apps/api/src/portal-records/portal-record.entity';
import { PaymentPlatformDouble } from '../../apps/api/src/payments/payment-platform-double';
import { signPayment } from '../../apps/api/src/payments/payment-signature';
import { submitOnline } from '../support/portal-inbound';
import { startTestApp, TestApp } from '../support/test-app';

const SECRET = 'bi-mat-chung-cua-nen-tang-thanh-toan-2026';

describe('Online payment through the payment platform (issue #16, acceptance 5)', () => {
  let t: TestApp;
  let platform: PaymentPlatformDouble;
  let feeProcedure: { code: string; fee: { amountVnd: number } };
  beforeAll(async () => {
    t = await startTestApp({ env: { PAYMENT_NOTIFY_SECRET: SECRET } });
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    platform = new PaymentPlatformDouble(`http://127.0.0.1:${port}/api/payments/notifications`, SECRET);
    await platform.start();
    const clerk = await t.login('clerk');
    const all = (await t.http().get('/api/procedures').set('authorization', `Bearer ${clerk}`).expect(200)).body;
    feeProcedure = all.find((p: { fee: { amountVnd: number | null } }) => (p.fee.amountVnd ?? 0) > 0);
  });
  afterAll(async () => {
    await platform.stop();
    await t.close();
  });

  const citizen = async () => {
    const dossier = await submitOnline(t, feeProcedure.code);
    return { id: dossier.id as string, code: dossier.code as string, secret: (dossier.publicLookupUrl as string).split('/').pop()! };
  };
  const lookup = async (d: { code: string; secret: string }) => (await t.http().get(`/api/public/dossiers/${encodeURIComponent(d.code)}`).query({ secret: d.secret }).expect(200)).body;
  const requestPayment = (d: { code: string; secret: string }) => t.http().post(`/api/public/dossiers/${encodeURIComponent(d.code)}/payment-request`).send({ secret: d.secret });
  const paymentsOf = (dossierId: string) => t.app.get(DataSource).getRepository(DossierPaymentEntity).countBy({ dossierId });

  it('the citizen sees the amount; a payment delivered twice is applied once, with channel code 1 for indicator 3.6', async () => {
    const d = await citizen();
    expect((await lookup(d)).payment).toEqual({ feeApplies: true, amountVnd: feeProcedure.fee.amountVnd, state: 'unpaid', method: null, paidAt: null });
    const request = await requestPayment(d);
    expect(request.status).toBe(200);
    expect(request.body).toMatchObject({ amountVnd: feeProcedure.fee.amountVnd, state: 'pending' });
    // Asking again gives the same request.
    expect((await requestPayment(d)).body.requestId).toBe(request.body.requestId);

    const first = await platform.pay(request.body.requestId, request.body.amountVnd, 1);
    expect(first).toMatchObject({ status: 200, body: { applied: true } });
    const again = await platform.redeliver(first.transactionId);
    expect(again).toMatchObject({ status: 200, body: { applied: false } });
    expect(await paymentsOf(d.id)).toBe(1);

    expect((await lookup(d)).payment).toMatchObject({ state: 'paid', method: 'national_portal', amountVnd: feeProcedure.fee.amountVnd });
    // DuocThanhToanTrucTuyen travels in the portal record the indicators read (3.6).
    const record = await t.app.get(DataSource).getRepository(PortalRecordEntity).findOneByOrFail({ dossierId: d.id });
    expect(record.paidOnline).toBe('national');
  });

  it('two deliveries of one transaction at once still apply it once', async () => {
    const d = await citizen();
    const request = (await requestPayment(d)).body;
    const first = await platform.pay(request.requestId, request.amountVnd, 2);
    expect(first.status).toBe(200);
    const [a, b] = await Promise.all([platform.redeliver(first.transactionId), platform.redeliver(first.transactionId)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await paymentsOf(d.id)).toBe(1);
    expect((await lookup(d)).payment).toMatchObject({ state: 'paid', method: 'provincial_portal' });
  });

  it('a wrong signature is refused (401) and changes nothing', async () => {
    const d = await citizen();
    const request = (await requestPayment(d)).body;
    const forged = await platform.pay(request.requestId, request.amountVnd, 1, 'not-the-shared-secret-but-long-enough-000');
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error: 'PAYMENT_SIGNATURE_INVALID' });
    // A right signature over other fields (the amount changed in transit) is refused as well.
    const fields = { requestId: request.requestId, transactionId: 'GD-TAMPERED-1', amountVnd: request.amountVnd, paidAt: new Date().toISOString(), channelCode: 1 };
    const tampered = await t.http().post('/api/payments/notifications').send({ ...fields, amountVnd: 1, signature: signPayment(fields, SECRET) });
    expect(tampered.status).toBe(401);
    expect(await paymentsOf(d.id)).toBe(0);
    expect((await lookup(d)).payment.state).toBe('unpaid');
  });

  it('a signed notification for another amount is refused (422) and a second transaction for a paid request conflicts (409)', async () => {
    const d = await citizen();
    const request = (await requestPayment(d)).body;
    const short = await platform.pay(request.requestId, request.amountVnd - 1, 1);
    expect(short.status).toBe(422);
    expect(await paymentsOf(d.id)).toBe(0);
    expect((await platform.pay(request.requestId, request.amountVnd, 1)).status).toBe(200);
    const other = await platform.pay(request.requestId, request.amountVnd, 1);
    expect(other.status).toBe(409);
    expect(await paymentsOf(d.id)).toBe(1);
  });

  it('the citizen needs the secret to ask for payment', async () => {
    const d = await citizen();
    const res = await requestPayment({ code: d.code, secret: 'x'.repeat(d.secret.length) });
    expect(res.status).toBe(404);
  });
});

describe('Online payment without a configured secret', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses every notification (503), signed or not', async () => {
    const fields = { requestId: '00000000-0000-4000-8000-000000000000', transactionId: 'GD1', amountVnd: 1000, paidAt: new Date().toISOString(), channelCode: 1 };
    const res = await t.http().post('/api/payments/notifications').send({ ...fields, signature: signPayment(fields, SECRET) });
    expect(res.status).toBe(503);
  });
});
