import { useState, type FormEvent } from 'react';
import { describeError } from '../api/errors';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/Alert';
import { TextField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';

export function LoginPage() {
  const { login, notice, workspaceUser } = useAuth();
  const [username, setUsername] = useState(workspaceUser?.username ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const problems: typeof errors = {};
    if (!username.trim()) problems.username = 'Vui lòng nhập tên đăng nhập.';
    if (!password) problems.password = 'Vui lòng nhập mật khẩu.';
    setErrors(problems);
    if (Object.keys(problems).length) {
      setFailure('Vui lòng nhập đủ tên đăng nhập và mật khẩu.');
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      await login(username.trim(), password);
    } catch (error) {
      const view = describeError(error);
      setFailure(view.message);
      setErrors({ username: view.fields.username, password: view.fields.password });
      setPending(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-card">
        <p className="brand-title">Một cửa điện tử</p>
        <p className="brand-sub">Sở Khoa học và Công nghệ tỉnh Lai Châu</p>
        <PageTitle title="Đăng nhập">Đăng nhập</PageTitle>
        {notice && (
          <p className="alert alert--warning" role="status">
            {notice}
          </p>
        )}
        <form onSubmit={submit} noValidate aria-label="Đăng nhập">
          <ErrorAlert message={failure} />
          <TextField
            label="Tên đăng nhập"
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={errors.username}
          />
          <TextField
            label="Mật khẩu"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password}
          />
          <button type="submit" className="button button--primary button--wide" disabled={pending} aria-busy={pending}>
            {pending ? 'Đang đăng nhập…' : 'Đăng nhập'}
          </button>
        </form>
      </div>
    </div>
  );
}
