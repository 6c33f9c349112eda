import type { ReactNode } from 'react';
import type { User } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ROLE_LABELS } from '../format/labels';
import { paths, type Route } from '../hooks/useRoute';

/** The administrators' further screens (issue #15). */
const ADMIN_LINKS: Array<[Route['name'], string, string]> = [
  ['departments', paths.departments, 'Phòng, đơn vị'],
  ['catalogue', paths.catalogue, 'Thủ tục'],
  ['outbox', paths.outbox, 'Hàng đợi gửi tin'],
  ['import', paths.import, 'Nhập hồ sơ cũ'],
];

interface Props {
  user: User;
  route: Route;
  children: ReactNode;
}

/** Header with the navigation a role needs, the user and logout; the page below. */
export function Layout({ user, route, children }: Props) {
  const { logout } = useAuth();
  const isClerk = user.roles.includes('clerk');
  const canReport = user.roles.some((r) => r === 'reporter' || r === 'leader' || r === 'admin');
  const current = (name: Route['name']) => (route.name === name ? 'page' : undefined);
  return (
    <div className="app">
      <a className="skip-link" href="#noi-dung-chinh" onClick={(e) => {
        e.preventDefault();
        document.getElementById('noi-dung-chinh')?.focus();
      }}>
        Bỏ qua, đến nội dung chính
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-title">Một cửa điện tử</span>
          <span className="brand-sub">Sở Khoa học và Công nghệ tỉnh Lai Châu</span>
        </div>
        <nav aria-label="Điều hướng chính" className="main-nav">
          <ul>
            {isClerk && (
              <li>
                <a href={paths.counter} aria-current={current('counter')}>
                  Tiếp nhận hồ sơ
                </a>
              </li>
            )}
            <li>
              <a href={paths.inbox} aria-current={route.name === 'inbox' || route.name === 'dossier' ? 'page' : undefined}>
                Danh sách hồ sơ
              </a>
            </li>
            <li>
              <a href={paths.feedbackInbox} aria-current={route.name === 'feedback-inbox' || route.name === 'feedback' ? 'page' : undefined}>
                Phản ánh, kiến nghị
              </a>
            </li>
            {user.roles.some((r) => r === 'clerk' || r === 'reporter' || r === 'admin') && (
              <li>
                <a href={paths.logBook} aria-current={current('log-book')}>
                  Sổ theo dõi
                </a>
              </li>
            )}
            {canReport && (
              <li>
                <a href={paths.dashboard} aria-current={current('dashboard')}>
                  Báo cáo chỉ số
                </a>
              </li>
            )}
            {user.roles.includes('admin') && (
              <li>
                <a href={paths.users} aria-current={current('users')}>
                  Người dùng
                </a>
              </li>
            )}
            {user.roles.includes('admin') && (
              <li>
                <a href={paths.calendar} aria-current={current('calendar')}>
                  Lịch làm việc
                </a>
              </li>
            )}
            {user.roles.includes('admin') &&
              ADMIN_LINKS.map(([name, href, label]) => (
                <li key={name}>
                  <a href={href} aria-current={current(name)}>
                    {label}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <div className="user-box">
          <span>
            <strong>{user.fullName}</strong>
            <span className="muted">
              {' '}
              — {user.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}
              {user.departmentCode ? ` (${user.departmentCode})` : ''}
            </span>
          </span>
          <button type="button" className="button button--small" onClick={logout}>
            Đăng xuất
          </button>
        </div>
      </header>
      <main id="noi-dung-chinh" tabIndex={-1} className="app-main">
        {children}
      </main>
    </div>
  );
}
