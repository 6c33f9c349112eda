import { useEffect, useState, type FormEvent } from 'react';
import { describeError } from '../api/errors';
import { inspectResetLink, spendResetLink } from '../api/users';
import { ErrorAlert } from '../components/Alert';
import { TextField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { formatDateTime } from '../format/datetime';
import { paths } from '../hooks/useRoute';
import { useSubmission } from '../hooks/useSubmission';
import { MIN_PASSWORD_LENGTH } from './ChangePasswordPage';

type LinkState = { status: 'checking' } | { status: 'ready'; fullName: string; username: string; expiresAt: string } | { status: 'refused'; message: string } | { status: 'done'; username: string };

/**
 * The page a one-time reset link opens (`#/dat-lai-mat-khau/<token>`, no login): the user sets a
 * new password under the same rule as a change; the link then stops working. The token stays in
 * the address's fragment, which browsers never send to a server, and goes to the API in a body.
 */
export function PasswordResetPage({ token }: { token: string }) {
  const [link, setLink] = useState<LinkState>({ status: 'checking' });
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const { errors, failure, pending, submit: send } = useSubmission();

  useEffect(() => {
    let live = true;
    inspectResetLink(token).then(
      (who) => live && setLink({ status: 'ready', ...who }),
      (error: unknown) => live && setLink({ status: 'refused', message: describeError(error).message }),
    );
    return () => {
      live = false;
    };
  }, [token]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if ([...next].length < MIN_PASSWORD_LENGTH) problems.newPassword = `Mật khẩu mới phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
    if (repeat !== next) problems.repeat = 'Hai lần nhập mật khẩu mới chưa khớp nhau.';
    void send(problems, async () => {
      try {
        const done = await spendResetLink(token, next);
        setLink({ status: 'done', username: done.username });
      } catch (error) {
        // A link that stopped working meanwhile: say so in place of the form.
        const view = describeError(error);
        if (view.code.startsWith('RESET_LINK_')) setLink({ status: 'refused', message: view.message });
        throw error;
      }
    });
  };

  return (
    <div className="login-page">
      <main className="login-card" id="noi-dung-chinh" tabIndex={-1}>
        <p className="brand-title">Một cửa điện tử</p>
        <PageTitle title="Đặt lại mật khẩu">Đặt lại mật khẩu</PageTitle>
        {link.status === 'checking' && <p role="status">Đang kiểm tra liên kết…</p>}
        {link.status === 'refused' && (
          <>
            <p className="alert alert--error" role="alert" data-testid="reset-refused">
              {link.message}
            </p>
            <p>
              <a href={paths.home}>Về trang đăng nhập</a>
            </p>
          </>
        )}
        {link.status === 'done' && (
          <>
            <p className="alert alert--ok" role="status">
              Đã đặt mật khẩu mới cho tài khoản <strong>{link.username}</strong>. Liên kết này không dùng lại được.
            </p>
            <p>
              <a href={paths.home}>Đăng nhập</a>
            </p>
          </>
        )}
        {link.status === 'ready' && (
          <>
            <p>
              Xin chào <strong>{link.fullName}</strong> (tài khoản {link.username}). Vui lòng đặt mật khẩu mới, ít nhất {MIN_PASSWORD_LENGTH} ký tự. Liên kết
              dùng một lần, hết hạn lúc {formatDateTime(link.expiresAt)}.
            </p>
            <form onSubmit={submit} noValidate aria-label="Đặt lại mật khẩu">
              <ErrorAlert message={failure} />
              <TextField label="Mật khẩu mới" name="newPassword" type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} error={errors.newPassword} />
              <TextField label="Nhập lại mật khẩu mới" name="repeat" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} error={errors.repeat} />
              <button type="submit" className="button button--primary button--wide" disabled={pending} aria-busy={pending}>
                {pending ? 'Đang lưu…' : 'Đặt mật khẩu mới'}
              </button>
            </form>
          </>
        )}
      </main>
    </div>
  );
}
