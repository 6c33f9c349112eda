import { useState, type FormEvent } from 'react';
import { changeOwnPassword } from '../api/users';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/Alert';
import { TextField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { useSubmission } from '../hooks/useSubmission';

/** The server's rule (apps/api/src/users/user-rules.ts), checked here first so the user need not wait for it. */
export const MIN_PASSWORD_LENGTH = 12;

/** After logging in with a temporary password: nothing else opens until a new one is chosen. */
export function ChangePasswordPage() {
  const { user, adopt, logout } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const { errors, failure, pending, submit: send } = useSubmission();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!current) problems.currentPassword = 'Vui lòng nhập mật khẩu tạm thời đã được cấp.';
    if ([...next].length < MIN_PASSWORD_LENGTH) problems.newPassword = `Mật khẩu mới phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
    else if (next === current) problems.newPassword = 'Mật khẩu mới phải khác mật khẩu tạm thời.';
    if (repeat !== next) problems.repeat = 'Hai lần nhập mật khẩu mới chưa khớp nhau.';
    void send(problems, async () => adopt(await changeOwnPassword(current, next)));
  };

  return (
    <div className="login-page">
      <div className="login-card">
        <p className="brand-title">Một cửa điện tử</p>
        <PageTitle title="Đổi mật khẩu">Đổi mật khẩu</PageTitle>
        <p>
          Xin chào <strong>{user?.fullName}</strong>. Bạn đang dùng mật khẩu tạm thời do quản trị hệ thống cấp; vui lòng đặt mật khẩu mới (ít nhất{' '}
          {MIN_PASSWORD_LENGTH} ký tự) trước khi làm việc.
        </p>
        <form onSubmit={submit} noValidate aria-label="Đổi mật khẩu">
          <ErrorAlert message={failure} />
          <TextField label="Mật khẩu tạm thời" name="currentPassword" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} error={errors.currentPassword} />
          <TextField label="Mật khẩu mới" name="newPassword" type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} error={errors.newPassword} />
          <TextField label="Nhập lại mật khẩu mới" name="repeat" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} error={errors.repeat} />
          <button type="submit" className="button button--primary button--wide" disabled={pending} aria-busy={pending}>
            {pending ? 'Đang lưu…' : 'Đổi mật khẩu'}
          </button>
          <button type="button" className="button button--wide" onClick={logout}>
            Đăng xuất
          </button>
        </form>
      </div>
    </div>
  );
}
