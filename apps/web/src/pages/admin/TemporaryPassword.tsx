import { formatDateTime } from '../../format/datetime';

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

/**
 * A one-time reset link, shown once (the server keeps only its token's hash): sent to the user,
 * who opens it and sets a password themself. It works once, until it expires, and a newer link
 * or a temporary password replaces it.
 */
export function ResetLink({ fullName, username, link, expiresAt }: { fullName: string; username: string; link: string; expiresAt: string }) {
  return (
    <section className="card temporary-password" aria-labelledby="reset-link-title">
      <h2 id="reset-link-title">Liên kết đặt lại mật khẩu</h2>
      <p>
        Tài khoản <strong>{username}</strong> của <strong>{fullName}</strong>. Liên kết dùng một lần, hết hạn lúc {formatDateTime(expiresAt)}:
      </p>
      <p className="temporary-password__value reset-link" data-testid="reset-link">
        {link}
      </p>
      <p className="muted">
        Liên kết chỉ hiện một lần. Hãy gửi riêng cho người dùng; liên kết hết hiệu lực sau khi dùng, khi hết hạn hoặc khi tạo liên kết mới.
      </p>
      <button type="button" className="button button--small" onClick={() => void navigator.clipboard?.writeText(link)}>
        Sao chép liên kết
      </button>
    </section>
  );
}
