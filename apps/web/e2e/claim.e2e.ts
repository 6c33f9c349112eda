/**
 * Issue #15, acceptance 1 ("claim and bulk forward") in Chromium: the specialist claims a dossier
 * from the worklist, sees their name on it there and on its page, finds it under "Của tôi" with the
 * API's counts, then forwards it with another one at once; at the next step nobody holds it.
 *
 *   npx jest -c apps/web/e2e/jest.config.js claim
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

suite('claim and bulk forward in Chromium', () => {
  const session = useBrowserSession('claim');

  it('claims a dossier, filters "của tôi", forwards two at once; the next step starts unassigned', async () => {
    const { page, login, apiUrl } = session;
    const first = await dossierAtFirstStep(apiUrl, PROCEDURE, 'Lò Văn Minh');
    const second = await dossierAtFirstStep(apiUrl, PROCEDURE, 'Quàng Thị Hoa');

    await login('specialist');
    await page.getByRole('heading', { level: 1, name: 'Danh sách hồ sơ' }).waitFor();
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('motcua.session')!).token as string);
    const api = async (path: string) => (await fetch(`${apiUrl}/api${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
    const me = (await api('/auth/me')).fullName as string;

    const row = (code: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: code }) });
    // The list loads after the heading: wait for the row before counting in it.
    await row(first).getByText('Chưa giao').waitFor();
    await expect(row(first).getByText('Chưa giao').count()).resolves.toBe(1);
    await page.getByRole('button', { name: `Nhận xử lý hồ sơ ${first}` }).click();
    await row(first).getByText(me).waitFor();
    await page.getByRole('button', { name: `Nhận xử lý hồ sơ ${first}` }).waitFor({ state: 'detached' });
    await expect(row(second).getByText('Chưa giao').count()).resolves.toBe(1);

    // "Của tôi": only the claimed one, and the tabs count what the API counts for the same filters.
    await page.getByLabel('Người xử lý').selectOption({ label: 'Của tôi' });
    await page.getByRole('link', { name: second }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: first }).waitFor();
    const counts = await api('/dossiers/tab-counts?mine=true&assignedTo=me');
    expect(counts.open).toBe(1);
    await expect(page.getByTestId('tab-count-open').textContent()).resolves.toBe('1');

    // The dossier page names the holder; its history says who claimed it.
    await page.getByRole('link', { name: first }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${first}` }).waitFor();
    await expect(page.getByTestId('assignee').textContent()).resolves.toBe(me);
    await page.getByRole('region', { name: 'Lịch sử xử lý' }).getByText('Nhận xử lý hồ sơ').waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Danh sách hồ sơ' }).waitFor();

    // Both forwarded at once (whoever holds them).
    await page.getByLabel('Người xử lý').selectOption({ label: 'Tất cả' });
    await page.getByRole('link', { name: second }).waitFor();
    await page.getByLabel(`Chọn hồ sơ ${first}`).check();
    await page.getByLabel(`Chọn hồ sơ ${second}`).check();
    await page.getByRole('button', { name: 'Chuyển bước 2 hồ sơ đã chọn' }).click();
    await page.getByText('Đã chuyển bước 2/2 hồ sơ.').waitFor();
    await page.getByRole('link', { name: first }).waitFor({ state: 'detached' });
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-claim.png'), fullPage: true });

    // At step 2, in the next department, nobody holds it yet.
    await login('specialist2');
    await page.getByRole('link', { name: first }).waitFor();
    await expect(row(first).getByText('Chưa giao').count()).resolves.toBe(1);
    await page.getByRole('button', { name: `Nhận xử lý hồ sơ ${first}` }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
