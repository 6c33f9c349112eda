import type { SignatureRecord } from '../api/types';
import { formatDateTime } from '../format/datetime';
import { signatureReasonLabel, TRUSTED_TIME_SOURCE_LABELS } from '../format/labels';
import { SignatureList } from './SignatureList';

const KIND_LABELS: Record<string, string> = {
  pdf: 'Chữ ký số nhúng trong tệp PDF',
  detached_cms: 'Chữ ký số tách rời (CMS)',
};

/** The verdict on a signed file: valid or not, and why, with who signed with which certificate. */
export function SignatureVerdict({ signature, title }: { signature: SignatureRecord | null; title?: string }) {
  if (!signature) {
    return (
      <div className="verdict verdict--none">
        <p>
          <strong>Chưa có thông tin chữ ký số.</strong>
        </p>
      </div>
    );
  }
  const { valid } = signature;
  return (
    <div className={`verdict ${valid ? 'verdict--valid' : 'verdict--invalid'}`} data-testid="signature-verdict">
      <p className="verdict__head">
        <span aria-hidden="true">{valid ? '✓ ' : '✗ '}</span>
        <strong>{valid ? 'Chữ ký số hợp lệ' : 'Chữ ký số không hợp lệ'}</strong>
        {title && <span className="muted"> — {title}</span>}
      </p>
      {!valid && signature.reasons.length > 0 && (
        <ul className="verdict__reasons" aria-label="Lý do chữ ký không hợp lệ">
          {signature.reasons.map((r) => (
            <li key={r}>{signatureReasonLabel(r)}</li>
          ))}
        </ul>
      )}
      <dl className="facts facts--compact">
        <div>
          <dt>Người ký</dt>
          <dd>{signature.signerName ?? '—'}</dd>
        </div>
        {signature.onBehalfOf && (
          <div>
            <dt>Người thực hiện ký</dt>
            <dd>{signature.onBehalfOf}</dd>
          </div>
        )}
        <div>
          <dt>Thời điểm ký</dt>
          <dd>{formatDateTime(signature.signingTime)}</dd>
        </div>
        {signature.trustedTime && (
          <div>
            <dt>Thời điểm ký tin cậy</dt>
            <dd>
              {formatDateTime(signature.trustedTime)}
              {signature.trustedTimeSource && <span className="muted"> (theo {TRUSTED_TIME_SOURCE_LABELS[signature.trustedTimeSource] ?? signature.trustedTimeSource})</span>}
            </dd>
          </div>
        )}
        <div>
          <dt>Số hiệu chứng thư</dt>
          <dd className="mono">{signature.certificateSerial ?? '—'}</dd>
        </div>
        <div>
          <dt>Tổ chức cấp chứng thư</dt>
          <dd>{signature.certificateIssuer ?? '—'}</dd>
        </div>
        <div>
          <dt>Loại chữ ký</dt>
          <dd>{KIND_LABELS[signature.kind] ?? signature.kind}</dd>
        </div>
        <div>
          <dt>Mã băm SHA-256</dt>
          <dd className="mono hash">{signature.documentSha256}</dd>
        </div>
      </dl>
      {signature.signatures && signature.signatures.length > 0 && <SignatureList signatures={signature.signatures} />}
    </div>
  );
}
