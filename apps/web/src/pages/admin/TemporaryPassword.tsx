/**
 * A temporary password, shown once (the server keeps only its hash): printed and handed over in
 * person. The user must replace it at first login.
 */
export function TemporaryPassword({ fullName, username, password }: { fullName: string; username: string; password: string }) {
  return (
    <section className="card temporary-password" aria-labelledby="temporary-password-title">
      <h2 id="temporary-password-title">Mật khẩu tạm thời</h2>
      <p>
        Tài khoản <strong>{username}</strong> của <strong>{fullName}</strong>. Mật khẩu tạm thời:
      </p>
      <p className="temporary-password__value" data-testid="temporary-password">
        {password}
      </p>
      <p className="muted">Mật khẩu chỉ hiện một lần. Hãy in và trao tận tay; người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên.</p>
      <button type="button" className="button button--small" onClick={() => window.print()}>
        In mật khẩu tạm thời
      </button>
    </section>
  );
}
