/**
 * Issue #15: the administrator's one-time password-reset link in Chromium. The administrator issues
 * it from the account's screen; the user opens it (no login), sets a password and logs in with it;
 * the same link then fails, and so does an older link once a newer one was issued.
 *
 *   npm run build && E2E_SKIP_WEB_BUILD=1 npx jest -c apps/web/e2e/jest.config.js apps/web/e2e/password-reset
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowserSession } from './browser-session';
import { CHROMIUM, DEMO_PASSWORD } from './harness';

const SHOTS = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';
const suite = existsSync(CHROMIUM) ? describe : describe.skip;

suite('one-time password-reset link in Chromium', () => {
  const session = useBrowserSession('password-reset');

  it('issued by the administrator, used once by the user, then refused; a newer link revokes the older', async () => {
    const { page, login, webUrl } = session;
    const issue = async () => {
      await page.getByLabel(/Lý do/).fill('Quên mật khẩu');
      await page.getByRole('button', { name: 'Tạo liên kết đặt lại mật khẩu' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã tạo liên kết đặt lại mật khẩu.' }).waitFor();
      return (await page.getByTestId('reset-link').textContent())!.trim();
    };
    // The link names PUBLIC_BASE_URL; the test's web origin serves the same page.
    const open = (link: string) => page.goto(`${webUrl}/${link.slice(link.indexOf('#'))}`);

    await login('admin', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('button', { name: 'Quản lý tài khoản Lò Thị Thuỷ (specialist2)' }).click();
    const older = await issue();
    const link = await issue();
    expect(link).toMatch(/#\/dat-lai-mat-khau\/[A-Za-z0-9_-]{43}$/);
    expect(link).not.toBe(older);
    await page.getByRole('region', { name: 'Lịch sử thay đổi' }).getByText('Cấp liên kết đặt lại mật khẩu (dùng một lần)').first().waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    // The older link was revoked by the newer one.
    await open(older);
    await page.getByTestId('reset-refused').getByText(/không còn hiệu lực/).waitFor();

    // The user opens the link and sets a password under the usual rule.
    await open(link);
    await page.getByRole('heading', { level: 1, name: 'Đặt lại mật khẩu' }).waitFor();
    await page.getByText('Lò Thị Thuỷ').waitFor();
    await page.getByLabel(/^Mật khẩu mới/).fill('ngắn');
    await page.getByLabel(/Nhập lại mật khẩu mới/).fill('ngắn');
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await page.getByText('Mật khẩu mới phải có ít nhất 12 ký tự.').waitFor();
    await page.getByLabel(/^Mật khẩu mới/).fill('mật-khẩu-của-Thuỷ-2026');
    await page.getByLabel(/Nhập lại mật khẩu mới/).fill('mật-khẩu-của-Thuỷ-2026');
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await page.getByText(/Liên kết này không dùng lại được/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-password-reset-1-set.png'), fullPage: true });

    // …logs in with it, straight to work (no temporary password to replace).
    await login('specialist2', 'mật-khẩu-của-Thuỷ-2026');
    await page.getByRole('heading', { level: 1, name: 'Danh sách hồ sơ' }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    // The same link now fails.
    await open(link);
    await page.getByTestId('reset-refused').getByText(/đã được dùng/).waitFor();
    await expect(page.getByRole('form', { name: 'Đặt lại mật khẩu' }).count()).resolves.toBe(0);
    expect(session.pageErrors).toEqual([]);
  }, 180_000);
});
