/**
 * The whole staff flow in a real headless Chromium against the real API:
 * clerk creates a dossier → digitisation done → specialists and the leader move it
 * through every step → clerk returns the result → the page shows every step.
 *
 *   npx jest -c apps/web/e2e/jest.config.js
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildWeb, CHROMIUM, DEMO_PASSWORD, ensureApiBuilt, launchBrowser, startApi, startWebOrigin, type RunningApi } from './harness';

const SHOTS = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  process.stdout.write(
    `\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it with apps/web/scripts/install-chromium.sh (or set CHROMIUM_PATH).\n\n`,
  );
}
const suite = hasChromium ? describe : describe.skip;

// Procedure 1.014393: PQLKH → PQLCN → PQLKH → BGD (four processing steps, three departments).
const PROCEDURE = '1.014393';
const STEPS: { user: string; step: number }[] = [
  { user: 'specialist', step: 1 },
  { user: 'specialist2', step: 2 },
  { user: 'specialist', step: 3 },
];

suite('staff flow in Chromium', () => {
  let api: RunningApi;
  let web: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    buildWeb();
    api = await startApi(ensureApiBuilt());
    web = await startWebOrigin(api.url);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'America/New_York' });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.stop();
  });

  afterEach(async () => {
    // On failure, this picture shows where the flow stopped.
    if (page) await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-last.png'), fullPage: true }).catch(() => undefined);
  });

  async function login(username: string): Promise<void> {
    await page.goto(`${web.url}/#/`);
    const logout = page.getByRole('button', { name: 'Đăng xuất' });
    if (await logout.isVisible().catch(() => false)) await logout.click();
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  }

  async function act(event: string, fill?: (form: ReturnType<Page["getByRole"]>) => Promise<unknown>): Promise<void> {
    await page.getByRole('group', { name: /Thao tác với hồ sơ/ }).getByRole('button', { name: event, exact: true }).click();
    const form = page.getByRole('form', { name: event });
    if (fill) await fill(form);
    await form.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('status').filter({ hasText: `Đã thực hiện: ${event}.` }).waitFor();
  }

  async function openFromInbox(code: string): Promise<void> {
    await page.getByRole('link', { name: 'Danh sách hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh sách hồ sơ' }).waitFor();
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
  }

  it('clerk → specialists → leader → clerk: every step shows in the timeline', async () => {
    // 1. The clerk receives a dossier at the counter.
    await login('clerk');
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
    await page.getByLabel('Tìm thủ tục theo tên hoặc mã').fill(PROCEDURE);
    await page.getByRole('heading', { name: /Công nhận trung tâm nghiên cứu và phát triển/ }).waitFor();
    await page.getByLabel(/Số định danh/).fill('011223344556');
    await page.getByLabel(/Họ và tên/).fill('Lò Thị Hương Giang');
    await page.getByLabel('Số điện thoại').fill('0912 345 678');
    await page.getByLabel('Địa chỉ').fill('Phường Tân Phong, tỉnh Lai Châu');
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-1-counter.png') });
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Đã tạo hồ sơ' }).waitFor();
    const code = (await page.getByTestId('created-code').textContent())!.trim();
    expect(code).toMatch(/-\d{6}-\d{4}$/);
    expect(await page.getByTestId('created-appointment').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-2-created.png') });

    // 2. Digitisation done: processing starts at step 1.
    await page.getByRole('link', { name: `Mở hồ sơ ${code}` }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    const dossierUrl = page.url();
    await act('Hoàn thành số hóa');
    await page.getByText(/Bước 1\/4: .* — Phòng Quản lý khoa học/).waitFor();

    // 3. Each specialist forwards from their step.
    for (const { user, step } of STEPS) {
      await login(user);
      await page.getByRole('heading', { level: 1, name: 'Danh sách hồ sơ' }).waitFor();
      await openFromInbox(code);
      await page.getByText(new RegExp(`Bước ${step}/4:`)).waitFor();
      await act('Chuyển bước tiếp theo', (form) => form.getByLabel(/Ghi chú chuyển bước/).fill(`Bước ${step}: hồ sơ đạt yêu cầu.`));
      await page.getByText(new RegExp(`Bước ${step + 1}/4:`)).waitFor();
    }

    // 4. The leader issues the result.
    await login('leader');
    await page.getByRole('link', { name: code }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-inbox-leader.png') });
    await openFromInbox(code);
    await page.getByText(/Bước 4\/4: .* — Ban Giám đốc Sở/).waitFor();
    await act('Ban hành kết quả');
    await page.locator('.dossier-state').getByText('Đã có kết quả').waitFor();

    // 5. The clerk hands the result over at the counter.
    await login('clerk');
    await page.goto(dossierUrl);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await act('Trả kết quả', (form) => form.getByLabel(/Hình thức trả kết quả/).selectOption('counter'));
    await page.locator('.dossier-state').getByText('Đã trả kết quả').waitFor();

    // The timeline has every event, the step list every step, done.
    const timeline = page.getByRole('region', { name: 'Lịch sử xử lý' });
    const heads = await timeline.locator('.timeline-item strong').allTextContents();
    expect(heads).toEqual([
      'Tạo hồ sơ',
      'Hoàn thành số hóa',
      'Chuyển bước tiếp theo',
      'Chuyển bước tiếp theo',
      'Chuyển bước tiếp theo',
      'Ban hành kết quả',
      'Trả kết quả',
    ]);
    await expect(timeline.getByText(/Kết thúc bước «/).count()).resolves.toBe(4);
    const steps = page.getByRole('region', { name: 'Các bước xử lý' }).locator('li');
    await expect(steps.count()).resolves.toBe(4);
    for (let i = 0; i < 4; i++) expect(await steps.nth(i).textContent()).toContain('Đã xong');
    // Times are Vietnam time even though this browser runs in New York.
    const stamps = await timeline.locator('time').allTextContents();
    expect(stamps.every((s) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(s))).toBe(true);
    const first = await timeline.locator('time').first().getAttribute('datetime');
    const vn = new Date(Date.parse(first!) + 7 * 3600_000);
    expect(stamps[0]).toBe(
      `${String(vn.getUTCDate()).padStart(2, '0')}/${String(vn.getUTCMonth() + 1).padStart(2, '0')}/${vn.getUTCFullYear()} ${String(vn.getUTCHours()).padStart(2, '0')}:${String(vn.getUTCMinutes()).padStart(2, '0')}`,
    );

    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-3-returned.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('an online dossier waits at the counter and is accepted from the list', async () => {
    await login('clerk');
    await page.getByLabel('Tìm thủ tục theo tên hoặc mã').fill('mua bang');
    await page.getByLabel('Hình thức nộp').selectOption('online');
    await page.getByLabel(/Số định danh/).fill('044556677889');
    await page.getByLabel(/Họ và tên/).fill('Vàng A Dình');
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Đã tạo hồ sơ' }).waitFor();
    const code = (await page.getByTestId('created-code').textContent())!.trim();
    expect(await page.getByTestId('created-appointment').textContent()).toContain('Chưa có');

    await page.getByRole('link', { name: /Trực tuyến, bưu chính chờ tiếp nhận/ }).click();
    const card = page.locator('.card-list > li').filter({ hasText: code });
    await card.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await card.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('status').filter({ hasText: `Hồ sơ ${code}: Tiếp nhận hồ sơ.` }).waitFor();
    await card.waitFor({ state: 'detached' }); // no longer waiting: it left the list
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-4-online.png') });
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
