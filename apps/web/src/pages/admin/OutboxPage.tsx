import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { decideOutbox, listOutbox, outboxMessage, type OutboxDetail, type OutboxPage as OutboxList, type OutboxStatus } from '../../api/admin';
import { describeError } from '../../api/errors';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format/datetime';
import { useSubmission } from '../../hooks/useSubmission';

const STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: 'Chờ gửi',
  delivering: 'Đang gửi',
  delivered: 'Đã gửi',
  dead: 'Gửi không được',
  discarded: 'Đã hủy',
  held: 'Tạm giữ sau khôi phục',
};
const CHANNEL_LABELS: Record<string, string> = { email: 'Thư điện tử', sms: 'Tin nhắn SMS', 'portal-sync': 'Đồng bộ Cổng DVCQG', webhook: 'Webhook' };
const ACTION_LABELS: Record<string, string> = { retry: 'gửi lại', discard: 'hủy', hold: 'tạm giữ', release: 'cho gửi tiếp' };
const ORDER: OutboxStatus[] = ['dead', 'pending', 'held', 'delivering', 'delivered', 'discarded'];

/** What a message carries, in one line: the addressee and template, the dossier record, or the event. */
export function payloadSummary(payload: Record<string, unknown>): string {
  const record = payload.record as Record<string, unknown> | undefined;
  if (record) return `Bản ghi đồng bộ hồ sơ ${String(record.MaHoSo ?? '')}`;
  if (typeof payload.to === 'string') {
    const data = payload.data as Record<string, unknown> | undefined;
    return `Gửi tới ${payload.to}, mẫu ${String(payload.template ?? '')}${data?.dossierCode ? `, hồ sơ ${String(data.dossierCode)}` : ''}`;
  }
  const event = payload.event as Record<string, unknown> | undefined;
  if (event) return `Sự kiện ${String(event.type ?? '')}`;
  return '—';
}

/**
 * The outbox for administrators: messages by state (what failed, what waits, what is held after a
 * restore), one message's detail, and retrying or discarding it with a confirmation and a reason.
 */
export function OutboxPage() {
  const [status, setStatus] = useState<OutboxStatus | ''>('dead');
  const [list, setList] = useState<OutboxList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<OutboxDetail | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setList(await listOutbox(status, 1));
      setLoadError(null);
    } catch (error) {
      setLoadError(describeError(error).message);
    }
  }, [status]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const open = async (id: string) => {
    setDone(null);
    try {
      setSelected(await outboxMessage(id));
    } catch (error) {
      setLoadError(describeError(error).message);
    }
  };

  return (
    <div className="outbox-page">
      <PageTitle title="Hàng đợi gửi tin">Hàng đợi gửi tin (thư, SMS, đồng bộ Cổng)</PageTitle>
      <p>Thông điệp hệ thống gửi cho người dân và Cổng Dịch vụ công quốc gia. Thông điệp gửi không được sau số lần thử tối đa nằm ở mục “Gửi không được”: khắc phục nguyên nhân rồi gửi lại, hoặc hủy.</p>
      <ErrorAlert message={loadError} />
      <StatusMessage message={done} />
      <SelectField label="Trạng thái" value={status} onChange={(e) => setStatus(e.target.value as OutboxStatus | '')}>
        {ORDER.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
            {list ? ` (${list.counts[s] ?? 0})` : ''}
          </option>
        ))}
        <option value="">Tất cả</option>
      </SelectField>
      {list && (
        <table className="dossier-table">
          <caption>
            {list.total} thông điệp{list.total > list.items.length ? ` (hiển thị ${list.items.length} mới nhất)` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Tạo lúc</th>
              <th scope="col">Kênh</th>
              <th scope="col">Sự kiện</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Số lần thử</th>
              <th scope="col">Lỗi gần nhất</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((m) => (
              <tr key={m.id} aria-selected={m.id === selected?.id}>
                <td>{formatDateTime(m.createdAt)}</td>
                <td>{CHANNEL_LABELS[m.channel] ?? m.channel}</td>
                <td>{m.topic}</td>
                <td>{STATUS_LABELS[m.status]}</td>
                <td>{m.attempts}</td>
                <td className="muted">{m.lastError ?? '—'}</td>
                <td>
                  <button type="button" className="button button--small" aria-label={`Xem thông điệp ${m.topic} tạo lúc ${formatDateTime(m.createdAt)}`} onClick={() => void open(m.id)}>
                    Xem
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && (
        <OutboxMessagePanel
          key={selected.id}
          message={selected}
          onDecided={(next, text) => {
            setSelected(next);
            setDone(text);
            void refresh();
          }}
          onStale={() => {
            void open(selected.id);
            void refresh();
          }}
        />
      )}
    </div>
  );
}

function OutboxMessagePanel({ message, onDecided, onStale }: { message: OutboxDetail; onDecided(next: OutboxDetail, text: string): void; onStale(): void }) {
  const [confirming, setConfirming] = useState<'retry' | 'discard' | null>(null);
  const [reason, setReason] = useState('');
  const { errors, failure, pending, submit } = useSubmission();
  const canRetry = message.status === 'dead';
  const canDiscard = message.status === 'pending' || message.status === 'dead' || message.status === 'held';

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    const action = confirming!;
    const problems: Record<string, string> = /\p{L}/u.test(reason) ? {} : { reason: 'Vui lòng nhập lý do.' };
    await submit(
      problems,
      async () => {
        const next = await decideOutbox(message.id, action, reason.trim());
        setConfirming(null);
        setReason('');
        onDecided(next, action === 'retry' ? 'Đã đưa thông điệp vào hàng đợi để gửi lại.' : 'Đã hủy thông điệp: thông điệp được giữ lại nhưng không gửi nữa.');
      },
      (view) => view.code === 'OUTBOX_STATE_CONFLICT' && onStale(),
    );
  };

  return (
    <section className="card" aria-labelledby="outbox-message-title">
      <h2 id="outbox-message-title">Thông điệp {message.topic}</h2>
      <dl className="facts">
        <dt>Trạng thái</dt>
        <dd data-testid="outbox-status">{STATUS_LABELS[message.status]}</dd>
        <dt>Kênh</dt>
        <dd>{CHANNEL_LABELS[message.channel] ?? message.channel}</dd>
        <dt>Nội dung</dt>
        <dd>{payloadSummary(message.payload)}</dd>
        <dt>Số lần đã thử</dt>
        <dd>{message.attempts}</dd>
        <dt>Lỗi gần nhất</dt>
        <dd>{message.lastError ?? '—'}</dd>
        <dt>Tạo lúc</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
        {message.nextAttemptAt && (
          <>
            <dt>Lần thử tới</dt>
            <dd>{formatDateTime(message.nextAttemptAt)}</dd>
          </>
        )}
        {message.deliveredAt && (
          <>
            <dt>Đã gửi lúc</dt>
            <dd>{formatDateTime(message.deliveredAt)}</dd>
          </>
        )}
      </dl>
      <details>
        <summary>Dữ liệu gửi đi (JSON)</summary>
        <pre className="payload">{JSON.stringify(message.payload, null, 2)}</pre>
      </details>
      <ErrorAlert message={failure} />
      {!confirming && (canRetry || canDiscard) && (
        <div className="form-actions">
          {canRetry && (
            <button type="button" className="button button--primary" onClick={() => setConfirming('retry')}>
              Gửi lại
            </button>
          )}
          {canDiscard && (
            <button type="button" className="button button--danger" onClick={() => setConfirming('discard')}>
              Hủy thông điệp
            </button>
          )}
        </div>
      )}
      {confirming && (
        <form onSubmit={confirm} noValidate aria-label={confirming === 'retry' ? 'Xác nhận gửi lại' : 'Xác nhận hủy thông điệp'}>
          <p>{confirming === 'retry' ? 'Thông điệp sẽ được gửi lại ngay với số lần thử mới.' : 'Thông điệp sẽ không được gửi nữa (vẫn được lưu lại để tra cứu).'}</p>
          <TextField label="Lý do" required value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
          <div className="form-actions">
            <button type="submit" className={confirming === 'retry' ? 'button button--primary' : 'button button--primary button--danger'} disabled={pending}>
              {confirming === 'retry' ? 'Xác nhận gửi lại' : 'Xác nhận hủy'}
            </button>
            <button type="button" className="button" disabled={pending} onClick={() => setConfirming(null)}>
              Không thực hiện
            </button>
          </div>
        </form>
      )}
      <h3>Nhật ký xử lý</h3>
      {message.actions.length === 0 ? (
        <p className="muted">Chưa có quyết định nào của quản trị.</p>
      ) : (
        <ul>
          {message.actions.map((a, i) => (
            <li key={i}>
              {formatDateTime(a.occurredAt)} — {a.actorFullName ?? (a.actorUsername === 'system' ? 'Hệ thống' : a.actorUsername)} {ACTION_LABELS[a.action] ?? a.action} (sau {a.previousAttempts} lần thử)
              {a.reason ? `. Lý do: ${a.reason}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
