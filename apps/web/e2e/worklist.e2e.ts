/**
 * Issue #15, acceptance 1–3 in Chromium: the specialist's worklist opens on open work with the API's
 * counts on its tabs, finds "Lò Văn Minh" typed without marks, and forwards two dossiers at once.
 *
 *   npx jest -c apps/web/e2e/jest.config.js worklist
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dossierAtFirstStep } from './api-setup';
import { useBrowserSession } from './browser-session';
import { CHROMIUM } from './harness';

const SHOTS = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';
const suite = existsSync(CHROMIUM) ? describe : describe.skip;
// Procedure 1.014393: step 1 at the Phòng Quản lý khoa học (the demo "specialist"), step 2 at the PQLCN.
const PROCEDURE = '1.014393';

suite('worklist in Chromium', () => {
  const session = useBrowserSession('worklist');

  it('tabs with the API counts, search without diacritics, bulk forward', async () => {
    const { page, login, apiUrl } = session;
    const first = await dossierAtFirstStep(apiUrl, PROCEDURE, 'Lò Văn Minh');
    const second = await dossierAtFirstStep(apiUrl, PROCEDURE, 'Quàng Thị Hoa');

    await login('specialist');
    await page.getByRole('heading', { level: 1, name: 'Danh sách hồ sơ' }).waitFor();
    await expect(page.getByRole('tab', { name: /Chờ xử lý/ }).getAttribute('aria-selected')).resolves.toBe('true');

    // The tab counts are the API's own, for the same filters (the specialist's department).
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('motcua.session')!).token as string);
    const counts = await (await fetch(`${apiUrl}/api/dossiers/tab-counts?mine=true`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(counts.open).toBe(2);
    for (const tab of ['open', 'due_soon', 'overdue', 'awaiting_return', 'closed']) {
      await expect(page.getByTestId(`tab-count-${tab}`).textContent()).resolves.toBe(String(counts[tab]));
    }

    // "lo van minh" finds Lò Văn Minh only.
    await page.getByLabel('Tìm theo mã hồ sơ, tên hoặc số định danh').fill('lo van minh');
    await page.getByRole('link', { name: second }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: first }).waitFor();
    await page.getByRole('cell', { name: /Lò Văn Minh/ }).waitFor();
    await page.getByLabel('Tìm theo mã hồ sơ, tên hoặc số định danh').fill('');
    await page.getByRole('link', { name: second }).waitFor();

    // Both forwarded at once: they leave the specialist's open work.
    await page.getByLabel(`Chọn hồ sơ ${first}`).check();
    await page.getByLabel(`Chọn hồ sơ ${second}`).check();
    await page.getByLabel(/Ghi chú chuyển bước cho các hồ sơ đã chọn/).fill('Đạt yêu cầu, chuyển Phòng Quản lý công nghệ.');
    await page.getByRole('button', { name: 'Chuyển bước 2 hồ sơ đã chọn' }).click();
    await page.getByText('Đã chuyển bước 2/2 hồ sơ.').waitFor();
    await page.getByRole('link', { name: first }).waitFor({ state: 'detached' });
    await expect(page.getByTestId('tab-count-open').textContent()).resolves.toBe('0');
    // The report stays after the forwarded rows left the list.
    await page.getByText('Đã chuyển bước 2/2 hồ sơ.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-worklist.png'), fullPage: true });

    // The next department has them, at step 2.
    await login('specialist2');
    await page.getByRole('link', { name: first }).click();
    await page.getByText(/Bước 2\/4:/).waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
