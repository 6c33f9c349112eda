import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/errors';
import { recordPayment } from '../../api/payments';
import type { Payment, PaymentMethod } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { formatDateTime } from '../../format/datetime';
import { formatVnd, PAYMENT_METHOD_LABELS } from '../../format/labels';

const METHODS: PaymentMethod[] = ['counter', 'national_portal', 'provincial_portal'];

/** What the panel shows: a recorded payment, or (after a reload) only its method from the dossier. */
type ShownPayment = Pick<Payment, 'method' | 'amountVnd' | 'reference'> & { paidAt?: string };

interface Draft {
  method: PaymentMethod | '';
  amount: string;
  reference: string;
}

/** The clerk records how the fee was paid (counts for indicator 3.6); once per dossier. */
export function PaymentPanel({ dossierId, paidWith }: { dossierId: string; paidWith: Payment['method'] | null | undefined }) {
  const [payment, setPayment] = useState<ShownPayment | null>(paidWith ? { method: paidWith, amountVnd: null, reference: null } : null);
  const [draft, setDraft] = useState<Draft>({ method: '', amount: '', reference: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const problems: Partial<Record<keyof Draft, string>> = {};
    if (!draft.method) problems.method = 'Vui lòng chọn hình thức thanh toán.';
    const amount = draft.amount.replace(/[.\s]/g, '');
    if (amount && !/^\d{1,12}$/.test(amount)) problems.amount = 'Số tiền là số nguyên (đồng), ví dụ 150000.';
    if (draft.reference.trim().length > 100) problems.reference = 'Tối đa 100 ký tự.';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setPending(true);
    setFailure(null);
    try {
      const body = {
        method: draft.method as PaymentMethod,
        ...(amount ? { amountVnd: Number(amount) } : {}),
        ...(draft.reference.trim() ? { reference: draft.reference.trim() } : {}),
      };
      const saved = await recordPayment(dossierId, body);
      setPayment(saved);
      setDone('Đã ghi nhận thanh toán phí, lệ phí.');
    } catch (err) {
      const view = describeError(err);
      setFailure(view.message);
      if (view.code === 'ALREADY_PAID') setDone(null);
      setErrors({ method: view.fields.method, amount: view.fields.amountVnd, reference: view.fields.reference });
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="card" aria-labelledby="payment-title">
      <h2 id="payment-title">Thanh toán phí, lệ phí</h2>
      <p className={done ? 'alert alert--ok' : 'visually-hidden'} role="status">
        {done ?? ''}
      </p>
      {payment ? (
        <dl className="facts facts--compact">
          <div>
            <dt>Hình thức</dt>
            <dd>{PAYMENT_METHOD_LABELS[payment.method] ?? payment.method}</dd>
          </div>
          <div>
            <dt>Số tiền</dt>
            <dd>{payment.amountVnd !== null && payment.amountVnd !== undefined ? formatVnd(payment.amountVnd) : '—'}</dd>
          </div>
          <div>
            <dt>Mã giao dịch</dt>
            <dd>{payment.reference ?? '—'}</dd>
          </div>
          {payment.paidAt && (
            <div>
              <dt>Thời điểm</dt>
              <dd>{formatDateTime(payment.paidAt)}</dd>
            </div>
          )}
        </dl>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Ghi nhận thanh toán">
          {failure && (
            <p className="alert alert--error" role="alert">
              {failure}
            </p>
          )}
          <SelectField label="Hình thức thanh toán" required value={draft.method} onChange={(e) => set({ method: e.target.value as PaymentMethod | '' })} error={errors.method}>
            <option value="">— Chọn hình thức —</option>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {PAYMENT_METHOD_LABELS[m]}
              </option>
            ))}
          </SelectField>
          <div className="field-row">
            <TextField label="Số tiền (đồng)" inputMode="numeric" value={draft.amount} onChange={(e) => set({ amount: e.target.value })} error={errors.amount} hint="Không bắt buộc" />
            <TextField label="Mã giao dịch, số biên lai" value={draft.reference} onChange={(e) => set({ reference: e.target.value })} error={errors.reference} hint="Không bắt buộc" />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
              {pending ? 'Đang ghi nhận…' : 'Ghi nhận thanh toán'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
