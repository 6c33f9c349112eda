import { useEffect, useState } from 'react';
import { describeError } from '../../api/errors';
import { accountChanges, type AccountChange } from '../../api/users';
import { ErrorAlert } from '../../components/Alert';
import { formatDateTime } from '../../format/datetime';
import { ROLE_LABELS } from '../../format/labels';
import type { Role } from '../../api/types';

const ACTION_LABELS: Record<AccountChange['action'], string> = {
  created: 'Tạo tài khoản',
  updated: 'Sửa thông tin',
  deactivated: 'Khóa tài khoản',
  reactivated: 'Mở lại tài khoản',
  password_reset: 'Cấp lại mật khẩu tạm thời',
  password_changed: 'Người dùng đổi mật khẩu',
  reset_link_issued: 'Cấp liên kết đặt lại mật khẩu (dùng một lần)',
  reset_link_used: 'Người dùng đặt mật khẩu mới qua liên kết',
};

const FIELD_NAMES: Record<string, string> = {
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  title: 'Chức danh',
  roles: 'Vai trò',
  departmentCode: 'Phòng, đơn vị',
  active: 'Đang hoạt động',
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(trống)';
  if (Array.isArray(value)) return value.map((r) => ROLE_LABELS[r as Role] ?? String(r)).join(', ');
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  return String(value);
}

/** Who changed the account, when, why and what. `reload` changes after each action. */
export function AccountHistory({ id, reload }: { id: string; reload: number }) {
  const [changes, setChanges] = useState<AccountChange[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    accountChanges(id, abort.signal).then(setChanges, (error: unknown) => {
      if (!abort.signal.aborted) setFailure(describeError(error).message);
    });
    return () => abort.abort();
  }, [id, reload]);
  return (
    <section aria-labelledby="account-history-title">
      <h3 id="account-history-title">Lịch sử thay đổi</h3>
      <ErrorAlert message={failure} />
      {changes && (
        <ol className="card-list">
          {changes.map((c) => (
            <li key={c.id} className="card">
              <div className="card-head">
                <strong>{ACTION_LABELS[c.action]}</strong>
                <span className="muted">
                  {formatDateTime(c.occurredAt)} — {c.actorFullName ?? c.actorUsername}
                </span>
              </div>
              {c.reason && <p>Lý do: {c.reason}</p>}
              {Object.entries(c.changes).length > 0 && c.action === 'updated' && (
                <ul>
                  {Object.entries(c.changes).map(([field, [before, after]]) => (
                    <li key={field}>
                      {FIELD_NAMES[field] ?? field}: {show(before)} → {show(after)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
