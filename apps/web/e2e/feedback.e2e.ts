/**
 * Issue #15, acceptance 1 (the PAKN flow): a citizen sends a feedback from the public page, the
 * clerk classifies it for a department, the department's specialist takes it up and answers, the
 * citizen reads the answer on the follow-up page and rates it, and the reporter's dashboard
 * counts it in 5.2 (handled on time) and 5.3 (citizen satisfied).
 *
 *   npm run build && E2E_SKIP_WEB_BUILD=1 npx jest -c apps/web/e2e/jest.config.js apps/web/e2e/feedback
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowserSession } from './browser-session';
import { CHROMIUM } from './harness';

const SHOTS = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';
const suite = existsSync(CHROMIUM) ? describe : describe.skip;

suite('feedback (PAKN) in Chromium', () => {
  const session = useBrowserSession('feedback');

  it('sent on the public page, handled by staff, answered, rated by the citizen, counted in 5.2 and 5.3', async () => {
    const { page, login, webUrl } = session;

    // 1. The citizen, not logged in, sends the feedback and keeps its code and secret.
    await page.goto(`${webUrl}/#/gui-phan-anh`);
    await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).resolves.toBe(0);
    const form = page.getByRole('form', { name: 'Gửi phản ánh, kiến nghị' });
    await form.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await form.getByText('Vui lòng nhập tiêu đề phản ánh, kiến nghị.').waitFor();
    await form.getByLabel(/Tiêu đề/).fill('Thời hạn niêm yết khác thực tế');
    await form.getByLabel(/Nội dung phản ánh, kiến nghị/).fill('Bảng niêm yết ghi 30 ngày, cán bộ hẹn 45 ngày.');
    await form.getByLabel(/Họ và tên/).fill('Lường Thị Mai');
    await form.getByLabel(/Số điện thoại/).fill('0912 345 678');
    await form.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    const code = (await page.getByTestId('feedback-code').textContent())!.trim();
    const secret = (await page.getByTestId('feedback-secret').textContent())!.trim();
    expect(code).toMatch(/^PAKN-/);
    expect(secret.length).toBeGreaterThanOrEqual(20);
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-feedback-1-sent.png'), fullPage: true });

    // 2. The clerk finds it in the inbox, with its phase clocks, and sends it to the department.
    await login('clerk');
    await page.getByRole('link', { name: 'Phản ánh, kiến nghị' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: code });
    await row.getByText(/Hạn xử lý: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} — còn /).waitFor();
    await row.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Phản ánh, kiến nghị ${code}` }).waitFor();
    await act(page, 'Phân loại và chuyển xử lý', async (f) => {
      await f.getByLabel(/Loại phản ánh, kiến nghị/).selectOption({ label: 'Về quy định, thủ tục hành chính' });
      await f.getByLabel(/Đơn vị xử lý/).selectOption({ label: 'Phòng Quản lý khoa học' });
    });
    await expect(page.getByTestId('feedback-state').textContent()).resolves.toBe('Đã phân loại');

    // 3. The department's specialist takes it up and answers.
    await login('specialist');
    await page.getByRole('link', { name: 'Phản ánh, kiến nghị' }).click();
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Phản ánh, kiến nghị ${code}` }).waitFor();
    await act(page, 'Nhận xử lý');
    await act(page, 'Trả lời phản ánh, kiến nghị', async (f) => {
      await f.getByRole('button', { name: 'Xác nhận' }).click();
      await f.getByText('Vui lòng nhập nội dung trả lời.').waitFor();
      await f.getByLabel(/Nội dung trả lời/).fill('Sở đã điều chỉnh bảng niêm yết theo đúng thời hạn 30 ngày.');
    });
    await expect(page.getByTestId('feedback-state').textContent()).resolves.toBe('Đã trả lời');
    await page.getByTestId('phase-handle').getByText('Đã xong, đúng hạn').waitFor();
    const history = page.getByRole('region', { name: 'Lịch sử xử lý' });
    await history.getByText(/Nguyễn Thị Hồng Nhung/).waitFor(); // full names, never logins
    await history.getByText(/Trần Văn Đức/).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-feedback-2-answered.png'), fullPage: true });

    // 4. The citizen reads the answer and rates it, once.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.goto(`${webUrl}/#/theo-doi-phan-anh`);
    const lookup = page.getByRole('form', { name: 'Tra cứu phản ánh, kiến nghị' });
    await lookup.getByLabel(/Mã phản ánh, kiến nghị/).fill(code);
    await lookup.getByLabel(/Mã tra cứu/).fill(secret);
    await lookup.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByTestId('feedback-answer').getByText('Sở đã điều chỉnh bảng niêm yết theo đúng thời hạn 30 ngày.').waitFor();
    const rating = page.getByRole('form', { name: 'Đánh giá kết quả trả lời' });
    await rating.getByLabel('Hài lòng', { exact: true }).check();
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect(page.getByTestId('feedback-verdict').textContent()).resolves.toBe('Hài lòng');
    await expect(rating.count()).resolves.toBe(0);
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-feedback-3-rated.png'), fullPage: true });

    // 5. The reporter's dashboard for the current month: handled on time (5.2), satisfied (5.3).
    await login('reporter');
    await page.getByRole('heading', { level: 1, name: /Báo cáo chỉ số/ }).waitFor();
    await page.getByTestId('total-score').waitFor();
    await expect(page.getByTestId('ratio-5.2').textContent()).resolves.toBe('1/1');
    await expect(page.getByTestId('ratio-5.3').textContent()).resolves.toBe('1/1');
    await expect(page.getByTestId('rate-5.2').textContent()).resolves.toMatch(/^100/);
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-feedback-4-dashboard.png'), fullPage: true });
    expect(session.pageErrors).toEqual([]);
  }, 180_000);
});

/** Opens an action's form, fills it, confirms, and waits for the success notice. */
async function act(page: import('playwright-core').Page, label: string, fill?: (form: import('playwright-core').Locator) => Promise<void>) {
  await page.getByRole('group', { name: /Thao tác với phản ánh, kiến nghị/ }).getByRole('button', { name: label, exact: true }).click();
  const form = page.getByRole('form', { name: label });
  if (fill) await fill(form);
  await form.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('status').filter({ hasText: `Đã thực hiện: ${label}.` }).waitFor();
}
