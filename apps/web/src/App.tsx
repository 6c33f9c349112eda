import type { User } from './api/types';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { Layout } from './components/Layout';
import { PageTitle } from './components/PageTitle';
import { paths, useRoute, type Route } from './hooks/useRoute';
import { CounterPage } from './pages/CounterPage';
import { DossierPage } from './pages/DossierPage';
import { InboxPage } from './pages/InboxPage';
import { LoginPage } from './pages/LoginPage';

export function App() {
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
  const home: Route = isClerk ? { name: 'counter', tab: 'direct' } : { name: 'inbox' };
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
        {shown.name === 'counter' && !isClerk && <Forbidden />}
        {shown.name === 'inbox' && <InboxPage user={user} active={active} />}
        {shown.name === 'dossier' && <DossierPage key={shown.id} id={shown.id} />}
        {shown.name === 'not-found' && <NotFound />}
      </Layout>
    </>
  );
}

function Forbidden() {
  return (
    <>
      <PageTitle title="Không có quyền">Không có quyền truy cập</PageTitle>
      <p>Chức năng tiếp nhận hồ sơ dành cho cán bộ Bộ phận Một cửa.</p>
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
