import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeApi } from '../testing/fake-api';
import { parseRoute } from '../hooks/useRoute';
import { PasswordResetPage } from './PasswordResetPage';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

describe('the one-time password-reset page', () => {
  it('is a public route that carries the token in the fragment', () => {
    expect(parseRoute(`#/dat-lai-mat-khau/${TOKEN}`)).toEqual({ name: 'password-reset', token: TOKEN });
    expect(parseRoute('#/dat-lai-mat-khau/có dấu')).toEqual({ name: 'not-found', path: '/dat-lai-mat-khau/có dấu' });
  });

  it('greets the user, checks the password rule first, sets it, then says the link is spent', async () => {
    const user = userEvent.setup();
    const api = installFakeApi()
      .on('POST', '/api/auth/password-reset/inspect', { body: { fullName: 'Trần Văn Đức', username: 'specialist', expiresAt: '2026-12-08T02:00:00Z' } })
      .on('POST', '/api/auth/password-reset', { body: { username: 'specialist' } });
    render(<PasswordResetPage token={TOKEN} />);
    expect(await screen.findByText(/hết hạn lúc 08\/12\/2026 09:00/)).toBeInTheDocument();
    expect(screen.getByText('Trần Văn Đức')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/password-reset/inspect')[0]).toMatchObject({ body: { token: TOKEN }, headers: expect.not.objectContaining({ authorization: expect.anything() }) });
    await user.type(screen.getByLabelText(/^Mật khẩu mới/), 'ngắn');
    await user.type(screen.getByLabelText(/Nhập lại mật khẩu mới/), 'khác');
    await user.click(screen.getByRole('button', { name: 'Đặt mật khẩu mới' }));
    expect(screen.getByText('Mật khẩu mới phải có ít nhất 12 ký tự.')).toBeInTheDocument();
    expect(screen.getByText('Hai lần nhập mật khẩu mới chưa khớp nhau.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/password-reset')).toHaveLength(0);
    await user.clear(screen.getByLabelText(/^Mật khẩu mới/));
    await user.type(screen.getByLabelText(/^Mật khẩu mới/), 'mật-khẩu-mới-của-Đức');
    await user.clear(screen.getByLabelText(/Nhập lại mật khẩu mới/));
    await user.type(screen.getByLabelText(/Nhập lại mật khẩu mới/), 'mật-khẩu-mới-của-Đức');
    await user.click(screen.getByRole('button', { name: 'Đặt mật khẩu mới' }));
    expect(await screen.findByText(/Liên kết này không dùng lại được/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/password-reset')[0].body).toEqual({ token: TOKEN, newPassword: 'mật-khẩu-mới-của-Đức' });
  });

  it.each([
    ['RESET_LINK_USED', 410, 'đã được dùng'],
    ['RESET_LINK_EXPIRED', 410, 'đã hết hạn'],
    ['RESET_LINK_REVOKED', 410, 'không còn hiệu lực'],
    ['RESET_LINK_INVALID', 404, 'không đúng'],
  ])('a link refused with %s says why in Vietnamese and shows no form', async (error, status, words) => {
    installFakeApi().on('POST', '/api/auth/password-reset/inspect', { status, body: { error, message: 'x' } });
    render(<PasswordResetPage token={TOKEN} />);
    expect(await screen.findByTestId('reset-refused')).toHaveTextContent(words);
    expect(screen.queryByRole('form', { name: 'Đặt lại mật khẩu' })).not.toBeInTheDocument();
  });
});
