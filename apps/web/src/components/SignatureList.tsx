import type { SignatureEntry } from '../api/types';
import { formatDateTime } from '../format/datetime';
import {
  CHANGE_KIND_LABELS,
  REVOCATION_STATUS_LABELS,
  SIGNATURE_KIND_LABELS,
  SIGNATURE_WARNING_LABELS,
  signatureReasonLabel,
  TRUSTED_TIME_SOURCE_LABELS,
} from '../format/labels';

/**
 * Every signature of a PDF with its own verdict and reasons, in file order: who signed,
 * when (claimed and trusted, and from where the trusted time comes), what changed after it,
 * the certificate chain and its revocation status.
 */
export function SignatureList({ signatures }: { signatures: readonly SignatureEntry[] }) {
  return (
    <ol className="signature-list" aria-label="Các chữ ký trong tệp">
      {signatures.map((s) => (
        <li key={s.index} className={`signature-entry ${s.valid ? 'verdict--valid' : 'verdict--invalid'}`} data-testid="signature-entry">
          <p className="verdict__head">
            <span aria-hidden="true">{s.valid ? '✓ ' : '✗ '}</span>
            <strong>
              {SIGNATURE_KIND_LABELS[s.kind] ?? s.kind} {s.index}: {s.signerName ?? 'không rõ người ký'} — {s.valid ? 'hợp lệ' : 'không hợp lệ'}
            </strong>
          </p>
          {s.reasons.length > 0 && (
            <ul className="verdict__reasons" aria-label={`Lý do chữ ký ${s.index} không hợp lệ`}>
              {s.reasons.map((r) => (
                <li key={r}>{signatureReasonLabel(r)}</li>
              ))}
            </ul>
          )}
          {s.warnings.length > 0 && (
            <ul className="verdict__notes" aria-label={`Lưu ý về chữ ký ${s.index}`}>
              {s.warnings.map((w) => (
                <li key={w}>{SIGNATURE_WARNING_LABELS[w] ?? w}</li>
              ))}
            </ul>
          )}
          <dl className="facts facts--compact">
            <div>
              <dt>Tổ chức cấp chứng thư</dt>
              <dd>{s.certificateIssuer ?? '—'}</dd>
            </div>
            <div>
              <dt>Thời điểm ký (người ký ghi)</dt>
              <dd>{formatDateTime(s.claimedSigningTime)}</dd>
            </div>
            <div>
              <dt>Thời điểm ký tin cậy</dt>
              <dd>
                {formatDateTime(s.trustedTime)} <span className="muted">(theo {TRUSTED_TIME_SOURCE_LABELS[s.trustedTimeSource] ?? s.trustedTimeSource})</span>
              </dd>
            </div>
            <div>
              <dt>Phạm vi ký</dt>
              <dd>{s.coversWholeFile ? 'Toàn bộ tệp' : `Phiên bản ${s.revision} của tệp`}</dd>
            </div>
            {s.changesAfter.length > 0 && (
              <div>
                <dt>Thay đổi sau khi ký</dt>
                <dd>
                  <ul aria-label={`Thay đổi sau chữ ký ${s.index}`}>
                    {[...new Map(s.changesAfter.map((c) => [`${c.kind}:${c.allowed}`, c])).values()].map((c) => (
                      <li key={`${c.kind}:${c.allowed}`}>
                        {CHANGE_KIND_LABELS[c.kind] ?? c.kind} — {c.allowed ? 'được phép' : 'không được phép'}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
            {s.digestAlgorithm && (
              <div>
                <dt>Thuật toán băm</dt>
                <dd>{s.digestAlgorithm.toUpperCase().replace('SHA', 'SHA-')}</dd>
              </div>
            )}
            {s.chain.length > 0 && (
              <div>
                <dt>Chuỗi chứng thư</dt>
                <dd>{s.chain.map((c) => c.subject).join(' → ')}</dd>
              </div>
            )}
            {s.revocation.length > 0 && (
              <div>
                <dt>Tình trạng thu hồi</dt>
                <dd>
                  {s.revocation.map((r) => `${r.certificate}: ${REVOCATION_STATUS_LABELS[r.status] ?? r.status}${r.revokedAt ? ` (thu hồi ngày ${formatDateTime(r.revokedAt)})` : ''}`).join('; ')}
                </dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}
