import '@testing-library/jest-dom';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { resetCatalogueCache } from './hooks/useCatalogue';
import { apiError, installFakeApi, type FakeApi } from './testing/fake-api';
import { CLERK, DEPARTMENTS, PROCEDURES, SPECIALIST } from './testing/fixtures';
import { fakeJwt } from './testing/jwt';
import type { User } from './api/types';

function tokenFor(user: User, secondsLeft: number) {
  return fakeJwt({ sub: user.id, username: user.username, exp: Date.now() / 1000 + secondsLeft });
}

function backend(): FakeApi {
  const api = installFakeApi();
  api.on('GET', '/api/procedures', { body: PROCEDURES });
  api.on('GET', '/api/departments', { body: DEPARTMENTS });
  api.on('GET', '/api/dossiers', { body: { items: [], total: 0, page: 1, pageSize: 20 } });
  api.on('GET', '/api/dossiers/tab-counts', { body: { open: 0, due_soon: 0, overdue: 0, awaiting_return: 0, closed: 0 } });
  return api;
}

async function logIn(user: ReturnType<typeof userEvent.setup>, username: string, password = 'demo-password-2026') {
  await user.clear(screen.getByLabelText(/Tên đăng nhập/));
  await user.type(screen.getByLabelText(/Tên đăng nhập/), username);
  await user.type(screen.getByLabelText(/Mật khẩu/), password);
  await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

beforeEach(() => {
  localStorage.clear();
  window.location.hash = '';
  resetCatalogueCache();
});

describe('App: login, logout, expiry', () => {
  it('labels the login controls and explains a wrong password in Vietnamese, keeping what was typed', async () => {
    const api = backend();
    api.on('POST', '/api/auth/login', apiError(401, 'INVALID_CREDENTIALS', 'Invalid username or password'));
    const user = userEvent.setup();
    render(<App />);
    await logIn(user, 'clerk', 'sai-mat-khau');
    expect(await screen.findByRole('alert')).toHaveTextContent('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(screen.getByLabelText(/Tên đăng nhập/)).toHaveValue('clerk');
  });

  it('asks for both fields before calling the server, and explains rate limiting', async () => {
    const api = backend();
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(screen.getByText('Vui lòng nhập tên đăng nhập.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập mật khẩu.')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
    api.on('POST', '/api/auth/login', apiError(429, 'TOO_MANY_REQUESTS', 'ThrottlerException: Too Many Requests'));
    await logIn(user, 'clerk');
    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn đã thử quá nhiều lần');
  });

  it('a clerk lands on the counter, a specialist on the inbox; logout returns to the login page', async () => {
    const api = backend();
    api.on('POST', '/api/auth/login', (call) => {
      const who = (call.body as { username: string }).username === 'clerk' ? CLERK : SPECIALIST;
      return { body: { accessToken: tokenFor(who, 3600), tokenType: 'Bearer', user: who } };
    });
    const user = userEvent.setup();
    render(<App />);
    await logIn(user, 'clerk');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' })).toBeInTheDocument();
    expect(screen.getByText('Nguyễn Thị Hồng Nhung')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeInTheDocument();
    await logIn(user, 'specialist');
    expect(await screen.findByRole('heading', { level: 1, name: 'Danh sách hồ sơ' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Tiếp nhận hồ sơ' })).not.toBeInTheDocument();
    // The specialist's inbox asks for what waits for their department.
    await waitFor(() => expect(api.calls.some((c) => c.path.startsWith('/api/dossiers?') && c.path.includes('mine=true'))).toBe(true));
    expect(api.calls.filter((c) => c.path.startsWith('/api/')).every((c) => c.path === '/api/auth/login' || c.headers.authorization?.startsWith('Bearer '))).toBe(true);
  });

  it('a stored token that has expired sends the user to log in with a message', () => {
    backend();
    localStorage.setItem('motcua.session', JSON.stringify({ token: tokenFor(CLERK, -60), user: CLERK }));
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeInTheDocument();
    expect(screen.getByText('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.')).toBeInTheDocument();
  });

  it('leaves when the token dies, and logging in again as the same user brings the half-filled form back', async () => {
    const api = backend();
    api.on('POST', '/api/auth/login', { body: { accessToken: tokenFor(CLERK, 3600), tokenType: 'Bearer', user: CLERK } });
    // 8 s left, 5 s of it kept as margin: the session ends about 3 s from now, after the typing
    // below (which takes well over half a second when the suite's workers share a loaded machine).
    localStorage.setItem('motcua.session', JSON.stringify({ token: tokenFor(CLERK, 8), user: CLERK }));
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText(/Họ và tên/), 'Hoàng Thị Mai');
    expect(screen.getByLabelText(/Họ và tên/)).toHaveValue('Hoàng Thị Mai');
    expect(await screen.findByText(/Phiên đăng nhập đã hết hạn/, undefined, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByLabelText(/Tên đăng nhập/)).toHaveValue('clerk');
    await user.type(screen.getByLabelText(/Mật khẩu/), 'demo-password-2026');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByLabelText(/Họ và tên/)).toHaveValue('Hoàng Thị Mai');
  });

  it('a 401 from the API on submit also leads to login, without losing the form', async () => {
    const api = backend();
    api.on('POST', '/api/auth/login', { body: { accessToken: tokenFor(CLERK, 3600), tokenType: 'Bearer', user: CLERK } });
    api.on('POST', '/api/dossiers', apiError(401, 'UNAUTHORIZED', 'A valid bearer token is required'));
    localStorage.setItem('motcua.session', JSON.stringify({ token: tokenFor(CLERK, 3600), user: CLERK }));
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText(/Tìm thủ tục/), '1.014393');
    await user.type(screen.getByLabelText(/Số định danh/), '012345678901');
    await user.type(screen.getByLabelText(/Họ và tên/), 'Hoàng Thị Mai');
    await user.click(screen.getByRole('button', { name: 'Tạo hồ sơ' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeInTheDocument();
    await logIn(user, 'clerk');
    expect(await screen.findByLabelText(/Họ và tên/)).toHaveValue('Hoàng Thị Mai');
    expect(screen.getByLabelText(/Số định danh/)).toHaveValue('012345678901');
  });

  it('another user logging in after an expiry starts afresh', async () => {
    const api = backend();
    api.on('POST', '/api/auth/login', { body: { accessToken: tokenFor(SPECIALIST, 3600), tokenType: 'Bearer', user: SPECIALIST } });
    api.on('POST', '/api/dossiers', apiError(401, 'UNAUTHORIZED'));
    localStorage.setItem('motcua.session', JSON.stringify({ token: tokenFor(CLERK, 3600), user: CLERK }));
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText(/Tìm thủ tục/), '1.014393');
    await user.type(screen.getByLabelText(/Số định danh/), '012345678901');
    await user.type(screen.getByLabelText(/Họ và tên/), 'Hoàng Thị Mai');
    await user.click(screen.getByRole('button', { name: 'Tạo hồ sơ' }));
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' });
    await logIn(user, 'specialist');
    expect(await screen.findByRole('heading', { level: 1, name: 'Danh sách hồ sơ' })).toBeInTheDocument();
    expect(screen.queryByDisplayValue('Hoàng Thị Mai')).not.toBeInTheDocument();
  });

  it('one session for every tab: a login elsewhere opens this tab too, a logout elsewhere closes it', async () => {
    backend();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' });
    const stored = JSON.stringify({ token: tokenFor(CLERK, 3600), user: CLERK });
    // What the browser does in the other tabs when one tab writes localStorage.
    act(() => {
      localStorage.setItem('motcua.session', stored);
      window.dispatchEvent(new StorageEvent('storage', { key: 'motcua.session', newValue: stored }));
    });
    expect(await screen.findByRole('button', { name: 'Đăng xuất' })).toBeInTheDocument();
    act(() => {
      localStorage.removeItem('motcua.session');
      window.dispatchEvent(new StorageEvent('storage', { key: 'motcua.session', newValue: null }));
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeInTheDocument();
    expect(screen.getByText('Bạn đã đăng xuất ở một thẻ khác của trình duyệt.')).toBeInTheDocument();
  });
});
