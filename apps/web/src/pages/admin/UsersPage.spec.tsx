import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../../api/client';
import { installFakeApi } from '../../testing/fake-api';
import { ACCOUNT, DEPARTMENTS } from '../../testing/fixtures';
import { UsersPage } from './UsersPage';

beforeEach(() => setAuthHooks({ token: () => 'token', unauthorized: () => undefined }));

describe('UsersPage', () => {
  it('checks a new account before sending, highlights the field the server refuses, then shows the temporary password once', async () => {
    const user = userEvent.setup();
    let taken = true;
    const api = installFakeApi()
      .on('GET', '/api/departments', { body: DEPARTMENTS })
      .on('GET', '/api/admin/users', { body: [ACCOUNT] })
      .on('POST', '/api/admin/users', (call) =>
        taken
          ? { status: 409, body: { statusCode: 409, error: 'USERNAME_TAKEN', message: 'taken', details: { field: 'username' } } }
          : { status: 201, body: { user: { ...ACCOUNT, ...(call.body as object), id: 'new', version: 1, mustChangePassword: true }, temporaryPassword: 'k7mq-3xhp-v9ta-ew4n' } },
      );
    render(<UsersPage />);
    expect(await screen.findByRole('cell', { name: /Trần Văn Đức/ })).toBeInTheDocument();
    await user.click(screen.getByText('Thêm người dùng'));
    const form = screen.getByRole('form', { name: 'Thêm người dùng' });
    await user.type(within(form).getByLabelText(/Tên đăng nhập/), 'Có Dấu');
    await user.click(within(form).getByLabelText('Chuyên viên'));
    await user.click(within(form).getByRole('button', { name: 'Tạo tài khoản' }));
    expect(within(form).getByLabelText(/Tên đăng nhập/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText(/Họ và tên/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText('Chuyên viên phải thuộc một phòng, đơn vị.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/admin/users')).toHaveLength(0);

    await user.clear(within(form).getByLabelText(/Tên đăng nhập/));
    await user.type(within(form).getByLabelText(/Tên đăng nhập/), 'specialist');
    await user.type(within(form).getByLabelText(/Họ và tên/), 'Lò Văn Tủa');
    await user.selectOptions(within(form).getByLabelText(/Phòng, đơn vị/), 'PQLKH');
    await user.click(within(form).getByRole('button', { name: 'Tạo tài khoản' }));
    expect(await within(form).findByText('Tên đăng nhập này đã có người dùng. Vui lòng chọn tên khác.', { selector: '.field-error' })).toBeInTheDocument();
    expect(within(form).getByLabelText(/Tên đăng nhập/)).toHaveAttribute('aria-invalid', 'true');

    taken = false;
    await user.clear(within(form).getByLabelText(/Tên đăng nhập/));
    await user.type(within(form).getByLabelText(/Tên đăng nhập/), 'cv.tua');
    await user.click(within(form).getByRole('button', { name: 'Tạo tài khoản' }));
    expect(await screen.findByTestId('temporary-password')).toHaveTextContent('k7mq-3xhp-v9ta-ew4n');
    expect(api.callsTo('POST', '/api/admin/users').at(-1)?.body).toEqual({ username: 'cv.tua', fullName: 'Lò Văn Tủa', title: null, roles: ['specialist'], departmentCode: 'PQLKH' });
  });

  it('locks an account only with a reason, sending the version it showed', async () => {
    const user = userEvent.setup();
    const api = installFakeApi()
      .on('GET', '/api/departments', { body: DEPARTMENTS })
      .on('GET', '/api/admin/users', { body: [ACCOUNT] })
      .on('GET', /\/changes$/, { body: [] })
      .on('POST', /\/deactivate$/, { body: { ...ACCOUNT, active: false, version: 4 } });
    render(<UsersPage />);
    await user.click(await screen.findByRole('button', { name: 'Quản lý tài khoản Trần Văn Đức (specialist)' }));
    await user.click(screen.getByRole('button', { name: 'Khóa tài khoản' }));
    expect(screen.getByLabelText(/Lý do/)).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', /\/deactivate$/)).toHaveLength(0);
    await user.type(screen.getByLabelText(/Lý do/), 'Nghỉ hưu');
    await user.click(screen.getByRole('button', { name: 'Khóa tài khoản' }));
    expect(await screen.findByText('Đã khóa tài khoản.')).toBeInTheDocument();
    expect(api.callsTo('POST', /\/deactivate$/)[0].body).toEqual({ version: 3, reason: 'Nghỉ hưu' });
  });

  it('issues a one-time reset link with a reason and shows it once, with its expiry in Vietnam time', async () => {
    const user = userEvent.setup();
    const link = 'https://motcua.example.vn/#/dat-lai-mat-khau/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
    const api = installFakeApi()
      .on('GET', '/api/departments', { body: DEPARTMENTS })
      .on('GET', '/api/admin/users', { body: [ACCOUNT] })
      .on('GET', /\/changes$/, { body: [{ id: 'c1', action: 'reset_link_issued', changes: {}, reason: 'Quên mật khẩu', actorUsername: 'admin', actorFullName: 'Vũ Đình Khôi', occurredAt: '2026-12-07T02:00:00Z' }] })
      .on('POST', /\/reset-link$/, { body: { user: { ...ACCOUNT, version: 4 }, link, expiresAt: '2026-12-08T02:00:00Z' } });
    render(<UsersPage />);
    await user.click(await screen.findByRole('button', { name: 'Quản lý tài khoản Trần Văn Đức (specialist)' }));
    await user.click(screen.getByRole('button', { name: 'Tạo liên kết đặt lại mật khẩu' }));
    expect(api.callsTo('POST', /\/reset-link$/)).toHaveLength(0);
    await user.type(screen.getByLabelText(/Lý do/), 'Quên mật khẩu');
    await user.click(screen.getByRole('button', { name: 'Tạo liên kết đặt lại mật khẩu' }));
    expect(await screen.findByTestId('reset-link')).toHaveTextContent(link);
    expect(screen.getByText(/hết hạn lúc 08\/12\/2026 09:00/)).toBeInTheDocument();
    expect(api.callsTo('POST', /\/reset-link$/)[0].body).toEqual({ version: 3, reason: 'Quên mật khẩu' });
    expect(await screen.findByText('Cấp liên kết đặt lại mật khẩu (dùng một lần)')).toBeInTheDocument();
  });
});
