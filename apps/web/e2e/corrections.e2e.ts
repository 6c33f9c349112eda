/**
 * Issue #15, acceptance 1 in Chromium: the clerk corrects the applicant's data of a dossier in
 * processing; the header shows the new data and the history says who, why and what changed.
 *
 *   npx jest -c apps/web/e2e/jest.config.js corrections
 */
import { existsSync } from 'node:fs';
import { dossierInProcessing, receivedWithScans } from './api-setup';
import { useBrowserSession } from './browser-session';
import { CHROMIUM } from './harness';

const suite = existsSync(CHROMIUM) ? describe : describe.skip;

suite('corrections in Chromium', () => {
  const session = useBrowserSession('corrections');

  it('applicant data corrected, with the reason in the history', async () => {
    const { page, login, webUrl, apiUrl } = session;
    const dossier = await dossierInProcessing(apiUrl, '1.014393', 'Lo Van Mính');
    await login('clerk');
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.goto(`${webUrl}/#/ho-so/${dossier.id}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${dossier.code}` }).waitFor();
    await page.getByText('Sửa thông tin người nộp', { exact: true }).click();
    const form = page.getByRole('form', { name: 'Sửa thông tin người nộp' });
    await form.getByLabel(/Họ và tên/).fill('Lò Văn Minh');
    await form.getByLabel(/Lý do sửa/).fill('Nhập sai dấu họ tên khi tiếp nhận');
    await form.getByRole('button', { name: 'Lưu thông tin đã sửa' }).click();
    const history = page.getByRole('region', { name: 'Lịch sử xử lý' });
    await history.getByText('Sửa thông tin người nộp').waitFor();
    await history.getByText('Lý do: Nhập sai dấu họ tên khi tiếp nhận').waitFor();
    await history.getByText('Họ và tên: Lo Van Mính → Lò Văn Minh').waitFor();
    await page.locator('.dossier-header').getByText('Lò Văn Minh').first().waitFor();
    expect(session.pageErrors).toEqual([]);
  });

  it('a wrong scan removed, kept in the files and shown in the history', async () => {
    const { page, login, webUrl, apiUrl } = session;
    const dossier = await receivedWithScans(apiUrl, '1.014393', 'Quàng Văn Sướng');
    await dossier.upload(dossier.firstComponent, 'quet-nham.pdf');
    await login('clerk');
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.goto(`${webUrl}/#/ho-so/${dossier.id}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${dossier.code}` }).waitFor();
    await page.getByRole('button', { name: 'Gỡ bỏ tệp quet-nham.pdf' }).click();
    const form = page.getByRole('form', { name: 'Gỡ bỏ tệp quet-nham.pdf' });
    await form.getByRole('button', { name: 'Xác nhận gỡ bỏ' }).click();
    await form.getByText('Vui lòng nhập lý do gỡ bỏ.').waitFor();
    await form.getByLabel(/Lý do gỡ bỏ/).fill('Quét nhầm trang của hồ sơ khác');
    await form.getByRole('button', { name: 'Xác nhận gỡ bỏ' }).click();
    const history = page.getByRole('region', { name: 'Lịch sử xử lý' });
    await history.getByText('Gỡ bỏ tệp', { exact: true }).waitFor();
    await history.getByText('Lý do: Quét nhầm trang của hồ sơ khác').waitFor();
    const row = page.getByRole('region', { name: 'Tệp của hồ sơ' }).locator('tbody tr').filter({ hasText: 'quet-nham.pdf' });
    await row.getByText('Đã gỡ bỏ').waitFor();
    await row.getByText(/lý do: Quét nhầm trang của hồ sơ khác/).waitFor();
    await expect(page.getByRole('button', { name: 'Gỡ bỏ tệp quet-nham.pdf' }).count()).resolves.toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
