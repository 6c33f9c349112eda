import { useState } from 'react';
import { describeError } from '../../api/errors';
import { requestPayment, uploadSupplementFile } from '../../api/public';
import type { PublicDossier, PublicPayment, PublicSupplement } from '../../api/types';
import { formatDateTime } from '../../format/datetime';
import { formatVnd, PAYMENT_METHOD_LABELS } from '../../format/labels';
import { ComponentUpload } from './ComponentUpload';

/**
 * While a supplement is requested: the reason and the components, and an upload for each; the
 * one-stop unit then records the supplement as received and the dossier resumes.
 */
export function SupplementSection({ supplement, code, secret, onSent }: { supplement: PublicSupplement; code: string; secret: string; onSent(): void }) {
  const latest = new Map(supplement.uploaded.map((u) => [u.componentKey, u.fileName]));
  return (
    <section className="card" aria-labelledby="supplement-title" data-testid="public-supplement">
      <h2 id="supplement-title">Hồ sơ cần bổ sung</h2>
      {supplement.requestedAt && <p>Yêu cầu bổ sung ngày {formatDateTime(supplement.requestedAt)}.</p>}
      {supplement.reason && (
        <p>
          Nội dung cần bổ sung: <strong data-testid="supplement-reason">{supplement.reason}</strong>
        </p>
      )}
      <p>Chọn tệp cho thành phần cần bổ sung; sau khi nhận đủ, Bộ phận Một cửa ghi nhận và hồ sơ được tiếp tục giải quyết.</p>
      <ul className="card-list component-uploads">
        {supplement.components.map((c) => (
          <ComponentUpload
            key={c.key}
            name={c.name}
            required={false}
            sentFileName={latest.get(c.key) ?? null}
            send={(file, onProgress) => uploadSupplementFile(code, secret, c.key, file, { onProgress })}
            onSent={onSent}
          />
        ))}
      </ul>
    </section>
  );
}

/**
 * The fee: amount and state; "Thanh toán" asks for the payment request and goes to the payment
 * platform's page, which brings the citizen back here (the lookup link) once paid.
 */
export function PaymentSection({
  payment,
  code,
  secret,
  goTo = (url) => window.location.assign(url),
}: {
  payment: PublicPayment;
  code: string;
  secret: string;
  /** Leaves for the payment platform (a parameter for the component tests: jsdom cannot navigate). */
  goTo?(url: string): void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!payment.feeApplies) return null;

  const pay = async () => {
    setFailure(null);
    setBusy(true);
    try {
      const request = await requestPayment(code, secret);
      if (!request.payUrl) {
        setFailure('Chưa hỗ trợ thanh toán trực tuyến; vui lòng nộp phí tại Bộ phận Một cửa.');
        return;
      }
      // The platform sends the citizen back to this very page (hash route with code and secret).
      const back = window.location.href;
      goTo(`${request.payUrl}&returnUrl=${encodeURIComponent(back)}`);
    } catch (err) {
      setFailure(describeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="payment-title" data-testid="public-payment">
      <h2 id="payment-title">Phí, lệ phí</h2>
      <dl className="facts facts--compact">
        <div>
          <dt>Số tiền</dt>
          <dd>{payment.amountVnd !== null ? formatVnd(payment.amountVnd) : 'Theo quy định, nộp tại Bộ phận Một cửa'}</dd>
        </div>
        <div>
          <dt>Trạng thái</dt>
          <dd data-testid="payment-state">{payment.state === 'paid' ? 'Đã thanh toán' : 'Chưa thanh toán'}</dd>
        </div>
        {payment.state === 'paid' && (
          <>
            <div>
              <dt>Hình thức</dt>
              <dd>{payment.method ? (PAYMENT_METHOD_LABELS[payment.method as keyof typeof PAYMENT_METHOD_LABELS] ?? payment.method) : ''}</dd>
            </div>
            <div>
              <dt>Thời điểm thanh toán</dt>
              <dd>{formatDateTime(payment.paidAt)}</dd>
            </div>
          </>
        )}
      </dl>
      {payment.state === 'unpaid' && payment.amountVnd !== null && (
        <div className="form-actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void pay()}>
            Thanh toán
          </button>
        </div>
      )}
      {failure && (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}

/** The signed electronic result: the download (audited by the server). The verdict is shown beside it. */
export function ResultDownload({ dossier }: { dossier: PublicDossier }) {
  if (!dossier.resultLink) return null;
  return (
    <p>
      <a className="button button--primary" href={dossier.resultLink} download data-testid="result-download">
        Tải kết quả điện tử (PDF có chữ ký số)
      </a>
    </p>
  );
}
