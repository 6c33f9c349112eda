import type { ReactElement } from 'react';
import type { User } from './api/types';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { Layout } from './components/Layout';
import { PageTitle } from './components/PageTitle';
import { isPublicRoute, paths, useRoute, type Route } from './hooks/useRoute';
import { CounterPage } from './pages/CounterPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { DossierPage } from './pages/DossierPage';
import { InboxPage } from './pages/InboxPage';
import { LoginPage } from './pages/LoginPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { UsersPage } from './pages/admin/UsersPage';
import { CalendarPage } from './pages/admin/CalendarPage';
import { CataloguePage } from './pages/admin/catalogue/CataloguePage';
import { DepartmentsPage } from './pages/admin/DepartmentsPage';
import { ImportPage } from './pages/admin/ImportPage';
import { OutboxPage } from './pages/admin/OutboxPage';
import { LogBookPage } from './pages/reports/LogBookPage';
import { PublicLookupPage } from './pages/public/PublicLookupPage';
import { PasswordResetPage } from './pages/PasswordResetPage';
import { FeedbackSubmitPage } from './pages/public/FeedbackSubmitPage';
import { FeedbackFollowPage } from './pages/public/FeedbackFollowPage';
import { FeedbackInboxPage } from './pages/feedback/FeedbackInboxPage';
import { FeedbackPage } from './pages/feedback/FeedbackPage';
import { OnlineSubmissionPage } from './pages/public/OnlineSubmissionPage';

export function App() {
  const route = useRoute();
  // The applicant's pages need no login and show nothing of the staff workspace.
  if (isPublicRoute(route) && route.name === 'lookup') return <PublicLookupPage code={route.code} secret={route.secret} />;
  if (route.name === 'feedback-new') return <FeedbackSubmitPage />;
  if (route.name === 'password-reset') return <PasswordResetPage key={route.token} token={route.token} />;
  if (route.name === 'feedback-follow') return <FeedbackFollowPage code={route.code} secret={route.secret} />;
  if (isPublicRoute(route) && route.name === 'submit') return <OnlineSubmissionPage identityToken={route.identityToken} />;
  return (
    <AuthProvider>
      <Shell />
    </AuthProvider>
  );
}

/**
 * After the session expires the user's screens stay mounted but hidden behind the
 * login page: logging in again as the same user brings them back as they were.
 */
function Shell() {
  const { user, workspaceUser } = useAuth();
  if (user?.mustChangePassword) return <ChangePasswordPage />;
  return (
    <>
      {!user && <LoginPage />}
      {workspaceUser && (
        <div hidden={!user} inert={!user}>
          <Workspace key={workspaceUser.username} user={workspaceUser} active={!!user} />
        </div>
      )}
    </>
  );
}

function Workspace({ user, active }: { user: User; active: boolean }) {
  const route = useRoute();
  const isClerk = user.roles.includes('clerk');
  const canReport = user.roles.some((r) => r === 'reporter' || r === 'leader' || r === 'admin');
  const onlyReports = user.roles.every((r) => r === 'reporter');
  const home: Route = isClerk ? { name: 'counter', tab: 'direct' } : onlyReports ? { name: 'dashboard' } : { name: 'inbox' };
  const shown = route.name === 'home' ? home : route;

  return (
    <>
      <Layout user={user} route={shown}>
        {/* The counter stays mounted for clerks so a half-filled form survives a visit to a dossier. */}
        {isClerk && (
          <div hidden={shown.name !== 'counter'}>
            <CounterPage tab={shown.name === 'counter' ? shown.tab : 'direct'} active={active && shown.name === 'counter'} />
          </div>
        )}
        {shown.name === 'counter' && !isClerk && <Forbidden what="Chức năng tiếp nhận hồ sơ dành cho cán bộ Bộ phận Một cửa." />}
        {shown.name === 'inbox' && <InboxPage user={user} active={active} />}
        {shown.name === 'dossier' && <DossierPage key={shown.id} id={shown.id} user={user} />}
        {shown.name === 'calendar' && (user.roles.includes('admin') ? <CalendarPage /> : <Forbidden what="Lịch làm việc do quản trị hệ thống cập nhật." />)}
        {shown.name === 'log-book' &&
          (user.roles.some((r) => r === 'clerk' || r === 'reporter' || r === 'admin') ? <LogBookPage /> : <Forbidden what="Sổ theo dõi hồ sơ dành cho Bộ phận Một cửa, cán bộ báo cáo và quản trị." />)}
        {shown.name === 'users' && (user.roles.includes('admin') ? <UsersPage /> : <Forbidden what="Quản trị người dùng dành cho quản trị hệ thống." />)}
        {ADMIN_PAGES[shown.name] && (user.roles.includes('admin') ? ADMIN_PAGES[shown.name]!() : <Forbidden what="Chức năng quản trị dành cho quản trị hệ thống." />)}
        {shown.name === 'dashboard' && (canReport ? <DashboardPage active={active} /> : <Forbidden what="Báo cáo chỉ số dành cho lãnh đạo và cán bộ theo dõi, báo cáo." />)}
        {shown.name === 'feedback-inbox' && <FeedbackInboxPage />}
        {shown.name === 'feedback' && <FeedbackPage key={shown.id} id={shown.id} />}
        {shown.name === 'not-found' && <NotFound />}
      </Layout>
    </>
  );
}

/** The administrators' screens added with issue #15: one guard for all of them. */
const ADMIN_PAGES: Partial<Record<Route['name'], () => ReactElement>> = {
  catalogue: () => <CataloguePage />,
  departments: () => <DepartmentsPage />,
  outbox: () => <OutboxPage />,
  import: () => <ImportPage />,
};

function Forbidden({ what }: { what: string }) {
  return (
    <>
      <PageTitle title="Không có quyền">Không có quyền truy cập</PageTitle>
      <p>{what}</p>
      <p>
        <a href={paths.inbox}>Về danh sách hồ sơ</a>
      </p>
    </>
  );
}

function NotFound() {
  return (
    <>
      <PageTitle title="Không tìm thấy trang">Không tìm thấy trang</PageTitle>
      <p>
        <a href={paths.home}>Về trang chính</a>
      </p>
    </>
  );
}
