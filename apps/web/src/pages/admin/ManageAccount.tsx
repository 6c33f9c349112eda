import { useState, type FormEvent } from 'react';
import type { Department } from '../../api/types';
import { issueResetLink, resetAccountPassword, setAccountActive, updateAccount, type StaffAccount, type WithResetLink, type WithTemporaryPassword } from '../../api/users';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { AccountFieldsForm, draftProblems, type AccountDraft } from './AccountFieldsForm';
import { AccountHistory } from './AccountHistory';
import { useSubmission } from '../../hooks/useSubmission';

interface Props {
  account: StaffAccount;
  departments: Department[];
  onChanged(): void;
  onPasswordIssued(result: WithTemporaryPassword): void;
  onLinkIssued(result: WithResetLink): void;
}

const draftOf = (a: StaffAccount): AccountDraft => ({ username: a.username, fullName: a.fullName, title: a.title ?? '', roles: a.roles, departmentCode: a.departmentCode ?? '' });

/** One account: edit, lock or unlock, issue a new temporary password or a one-time reset link; every action with its reason, then the history. */
export function ManageAccount({ account, departments, onChanged, onPasswordIssued, onLinkIssued }: Props) {
  const [draft, setDraft] = useState<AccountDraft>(() => draftOf(account));
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const { errors, failure, pending, submit } = useSubmission();

  const run = async (action: () => Promise<unknown>, done: string, needsReason: boolean, problems: Record<string, string> = {}) => {
    if (needsReason && !/\p{L}/u.test(reason)) problems.reason = 'Vui lòng nhập lý do.';
    setStatus(null);
    // After a conflict the list is reloaded (the new version); what was typed stays.
    const ok = await submit(problems, action, (view) => view.code === 'VERSION_CONFLICT' && onChanged());
    if (!ok) return;
    setStatus(done);
    setReason('');
    setReload((n) => n + 1);
    onChanged();
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () =>
        updateAccount(account.id, account.version, { fullName: draft.fullName, title: draft.title.trim() || null, roles: draft.roles, departmentCode: draft.departmentCode || null }, reason.trim()),
      'Đã lưu thông tin tài khoản.',
      false,
      draftProblems(draft, false),
    );
  };

  return (
    <section className="card" aria-labelledby="manage-account-title">
      <h2 id="manage-account-title">
        {account.fullName} ({account.username})
      </h2>
      <StatusMessage message={status} />
      <ErrorAlert message={failure} />
      <form onSubmit={save} noValidate aria-label="Sửa thông tin tài khoản">
        <AccountFieldsForm idPrefix={`account-${account.id}`} draft={draft} onChange={setDraft} departments={departments} errors={errors} withUsername={false} />
        <TextField label="Lý do" hint="Bắt buộc khi khóa, mở lại tài khoản, cấp lại mật khẩu hoặc tạo liên kết đặt lại mật khẩu" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            Lưu thay đổi
          </button>
          <button
            type="button"
            className="button"
            disabled={pending}
            onClick={() => void run(async () => onPasswordIssued(await resetAccountPassword(account.id, account.version, reason.trim())), 'Đã cấp mật khẩu tạm thời mới.', true)}
          >
            Cấp lại mật khẩu tạm thời
          </button>
          <button
            type="button"
            className="button"
            disabled={pending}
            onClick={() => void run(async () => onLinkIssued(await issueResetLink(account.id, account.version, reason.trim())), 'Đã tạo liên kết đặt lại mật khẩu.', true)}
          >
            Tạo liên kết đặt lại mật khẩu
          </button>
          <button
            type="button"
            className={account.active ? 'button button--danger' : 'button'}
            disabled={pending}
            onClick={() => void run(() => setAccountActive(account.id, account.version, !account.active, reason.trim()), account.active ? 'Đã khóa tài khoản.' : 'Đã mở lại tài khoản.', true)}
          >
            {account.active ? 'Khóa tài khoản' : 'Mở lại tài khoản'}
          </button>
        </div>
      </form>
      <AccountHistory id={account.id} reload={reload} />
    </section>
  );
}
