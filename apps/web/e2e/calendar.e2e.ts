/**
 * Issue #15, acceptance 1 in Chromium: the administrator adds a day off typed as dd/mm/yyyy; the
 * working calendar the API computes with has it; the administrator then takes it back.
 *
 *   npx jest -c apps/web/e2e/jest.config.js calendar
 */
import { existsSync } from 'node:fs';
import { useBrowserSession } from './browser-session';
import { CHROMIUM } from './harness';

const suite = existsSync(CHROMIUM) ? describe : describe.skip;

suite('calendar overrides in Chromium', () => {
  const session = useBrowserSession('calendar');

  it('a day off added and removed, in the calendar the deadlines use', async () => {
    const { page, login, apiUrl } = session;
    await login('admin');
    await page.getByRole('link', { name: 'Lịch làm việc' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lịch làm việc' }).waitFor();
    const form = page.getByRole('form', { name: 'Thêm thay đổi lịch làm việc' });
    await form.getByLabel(/Ngày \(dd\/mm\/yyyy\)/).fill('31/02/2026');
    await form.getByLabel(/Tên, lý do/).fill('Nghỉ bù theo thông báo của Tỉnh');
    await form.getByRole('button', { name: 'Lưu thay đổi lịch' }).click();
    await form.getByText('Nhập ngày theo dạng dd/mm/yyyy, ví dụ 02/09/2026.').waitFor();
    // Thursday 10 September 2026, an ordinary working day.
    await form.getByLabel(/Ngày \(dd\/mm\/yyyy\)/).fill('10/09/2026');
    await form.getByRole('button', { name: 'Lưu thay đổi lịch' }).click();
    await page.getByText('Đã lưu ngày nghỉ 10/09/2026.').waitFor();
    await page.getByRole('cell', { name: '10/09/2026', exact: true }).waitFor();

    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('motcua.session')!).token as string);
    const holidays = async () => (await (await fetch(`${apiUrl}/api/calendar/holidays?year=2026`, { headers: { authorization: `Bearer ${token}` } })).json()) as { nonWorkingDays: Array<{ date: string }> };
    expect((await holidays()).nonWorkingDays.map((d) => d.date)).toContain('2026-09-10');

    await page.getByRole('button', { name: 'Bỏ thay đổi ngày 10/09/2026' }).click();
    await page.getByText('Đã bỏ thay đổi ngày 10/09/2026.').waitFor();
    expect((await holidays()).nonWorkingDays.map((d) => d.date)).not.toContain('2026-09-10');
    await page.getByRole('region', { name: 'Nhật ký thay đổi' }).getByText(/admin bỏ ngày nghỉ 10\/09\/2026/).waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
