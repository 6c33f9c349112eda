/**
 * Issue #15, acceptance 1: an administrator creates a specialist in Chromium, hands over the printed
 * temporary password; the new user logs in, must choose a new password, then forwards a dossier
 * of their department. The history shows who did it.
 *
 *   npx jest -c apps/web/e2e/jest.config.js user-admin
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dossierAtFirstStep } from './api-setup';
import { useBrowserSession } from './browser-session';
import { CHROMIUM, DEMO_PASSWORD } from './harness';

const SHOTS = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';
const suite = existsSync(CHROMIUM) ? describe : describe.skip;
// Procedure 1.014393: its first processing step is at the Phòng Quản lý khoa học (PQLKH).
const PROCEDURE = '1.014393';

suite('user administration in Chromium', () => {
  const session = useBrowserSession('users');

  it('a user created by the administrator logs in, replaces the temporary password and works a dossier', async () => {
    const { page, login } = session;
    const code = await dossierAtFirstStep(session.apiUrl, PROCEDURE);

    // 1. The administrator adds the specialist.
    await login('admin', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quản trị người dùng' }).waitFor();
    await page.getByText('Thêm người dùng').click();
    const form = page.getByRole('form', { name: 'Thêm người dùng' });
    await form.getByLabel(/Tên đăng nhập/).fill('cv.tua');
    await form.getByLabel(/Họ và tên/).fill('Lò Văn Tủa');
    await form.getByLabel(/Chức danh/).fill('Chuyên viên');
    await form.getByLabel('Chuyên viên', { exact: true }).check();
    await form.getByLabel(/Phòng, đơn vị/).selectOption({ label: 'Phòng Quản lý khoa học' });
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const temporary = (await page.getByTestId('temporary-password').textContent())!.trim();
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await page.getByRole('cell', { name: 'cv.tua', exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-users-1-created.png'), fullPage: true });

    // 2. The new user must replace the temporary password before anything else.
    await login('cv.tua', temporary);
    await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
    await page.getByLabel(/Mật khẩu tạm thời/).fill(temporary);
    await page.getByLabel(/^Mật khẩu mới/).fill('ngắn');
    await page.getByLabel(/Nhập lại mật khẩu mới/).fill('ngắn');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Mật khẩu mới phải có ít nhất 12 ký tự.').waitFor();
    await page.getByLabel(/^Mật khẩu mới/).fill('mật-khẩu-riêng-của-Tủa');
    await page.getByLabel(/Nhập lại mật khẩu mới/).fill('mật-khẩu-riêng-của-Tủa');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

    // 3. …then works: opens the dossier from the list and forwards it.
    await page.getByRole('heading', { level: 1, name: 'Danh sách hồ sơ' }).waitFor();
    await page.getByText('Lò Văn Tủa').first().waitFor();
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.getByText(/Bước 1\/4:/).waitFor();
    await page.getByRole('group', { name: /Thao tác với hồ sơ/ }).getByRole('button', { name: 'Chuyển bước tiếp theo', exact: true }).click();
    const forward = page.getByRole('form', { name: 'Chuyển bước tiếp theo' });
    await forward.getByLabel(/Ghi chú chuyển bước/).fill('Hồ sơ đạt yêu cầu.');
    await forward.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã thực hiện: Chuyển bước tiếp theo.' }).waitFor();
    await page.getByText(/Bước 2\/4:/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-users-2-worked.png'), fullPage: true });

    // 4. The administrator sees the account's history: created by them, password changed by the user.
    await login('admin', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('button', { name: 'Quản lý tài khoản Lò Văn Tủa (cv.tua)' }).click();
    const history = page.getByRole('region', { name: 'Lịch sử thay đổi' });
    await history.getByText('Người dùng đổi mật khẩu').waitFor();
    await history.getByText('Tạo tài khoản').waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
