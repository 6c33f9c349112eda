/**
 * The acceptance flow in a real headless Chromium against the real API:
 * clerk creates a dossier and uploads a scan for every required component → receipt PDF →
 * digitisation done → specialists and the leader move it through every step → the leader
 * uploads the result (signed by the service) and sees the verdict → result issued →
 * clerk returns it → the applicant's public page shows it and takes exactly one rating →
 * the reporter's dashboard counts it.
 *
 *   npx jest -c apps/web/e2e/jest.config.js
 *
 * Steps that need an endpoint the API does not list in /api/docs-json are skipped with a
 * message (the API grows in parallel); none is faked.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { apiPaths, buildWeb, CHROMIUM, DEMO_PASSWORD, ensureApiBuilt, launchBrowser, startApi, startWebOrigin, type RunningApi } from './harness';

const SHOTS = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  process.stdout.write(
    `\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it with apps/web/scripts/install-chromium.sh (or set CHROMIUM_PATH).\n\n`,
  );
}
const suite = hasChromium ? describe : describe.skip;

// Procedure 1.014393: PQLKH → PQLCN → PQLKH → BGD (four processing steps, three departments), three required components.
const PROCEDURE = '1.014393';
const STEPS: { user: string; step: number }[] = [
  { user: 'specialist', step: 1 },
  { user: 'specialist2', step: 2 },
  { user: 'specialist', step: 3 },
];

/** A small real PDF (pdf-lib), so the service can sign it. */
async function makePdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(title, { x: 60, y: 760, size: 16, font });
  page.drawText('motcua e2e', { x: 60, y: 730, size: 11, font });
  return Buffer.from(await doc.save());
}

function log(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`);
}

suite('staff flow in Chromium', () => {
  let api: RunningApi;
  let web: { url: string; close(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let paths: Set<string>;
  const pageErrors: string[] = [];
  /** Console errors the flow provokes on purpose (Chromium logs every failed request): each one is expected once. */
  const expectedErrors: RegExp[] = [];
  const unexpectedErrors = () => {
    const left = [...expectedErrors];
    return pageErrors.filter((e) => {
      const i = left.findIndex((re) => re.test(e));
      if (i < 0) return true;
      left.splice(i, 1);
      return false;
    });
  };
  const has = (path: string, step: string) => {
    if (paths.has(path)) return true;
    log(`step skipped, the API has no ${path} yet: ${step}`);
    return false;
  };

  function watch(p: Page, label: string): void {
    p.on('pageerror', (error) => pageErrors.push(`${label}: ${error.message}`));
    p.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${label}: ${message.text()}`);
    });
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    buildWeb();
    api = await startApi(ensureApiBuilt());
    web = await startWebOrigin(api.url);
    paths = await apiPaths(api.url);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'America/New_York' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    watch(page, 'staff');
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

  async function act(event: string, fill?: (form: Locator) => Promise<unknown>, group: Locator = page.getByRole('group', { name: /Thao tác với hồ sơ/ })): Promise<void> {
    await group.getByRole('button', { name: event, exact: true }).click();
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

  it('counter with scans → every step → signed result → return → public page and rating → dashboard', async () => {
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

    // 2. The checklist: digitisation cannot be completed before every required component has a file.
    const checklist = page.getByRole('region', { name: 'Thành phần hồ sơ' });
    await checklist.waitFor();
    const components = checklist.locator('li.component');
    const count = await components.count();
    expect(count).toBe(3);
    const digitise = page.getByRole('group', { name: `Số hóa hồ sơ ${code}` });
    await expect(digitise.getByRole('button', { name: 'Hoàn thành số hóa' }).getAttribute('aria-disabled')).resolves.toBe('true');

    // A text file is refused before sending; a fake "PDF" by the server (415), next to its component.
    const first = components.nth(0);
    await first.locator('input[type="file"]').setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải bản quét') });
    await first.getByText('Tệp «ghi-chu.txt» không đúng định dạng. Chỉ nhận tệp PDF, JPEG hoặc PNG.').waitFor();
    expectedErrors.push(/^staff: .*status of 415/);
    await first.locator('input[type="file"]').setInputFiles({ name: 'gia-mao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf at all, only pretending to be one') });
    await first.getByText(/«gia-mao\.pdf»: Tệp không đúng định dạng\. Chỉ nhận tệp PDF, JPEG hoặc PNG\./).waitFor();

    for (let i = 0; i < count; i++) {
      const row = components.nth(i);
      const name = (await row.locator('.component-name').textContent())!.trim();
      await row.locator('input[type="file"]').setInputFiles({ name: `ban-quet-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: await makePdf(`Scan ${i + 1}`) });
      await row.getByText('✓ Đã có 1 tệp').waitFor();
      expect(name.length).toBeGreaterThan(3);
    }
    await checklist.getByText('Đã có tệp cho 3/3 thành phần bắt buộc.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-2-created.png'), fullPage: true });

    // 3. The receipt (Mẫu 01, PDF) opens in a new tab.
    if (has('/api/dossiers/{id}/documents/{kind}', 'receipt PDF')) {
      const [popup, response] = await Promise.all([
        context.waitForEvent('page'),
        page.waitForResponse((r) => /\/api\/dossiers\/[^/]+\/documents\/receipt$/.test(new URL(r.url()).pathname)),
        page.getByRole('button', { name: 'In giấy tiếp nhận' }).click(),
      ]);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
      await popup.waitForURL(/^blob:/);
      // What the new tab shows is that PDF.
      const head = await popup.evaluate(async () => new TextDecoder('latin1').decode((await (await fetch(location.href)).arrayBuffer()).slice(0, 5)));
      expect(head).toBe('%PDF-');
      await popup.close();
    }

    // 4. Digitisation done: processing starts at step 1.
    await act('Hoàn thành số hóa', undefined, digitise);
    await expect(page.getByTestId('created-state').textContent()).resolves.toBe('Đang xử lý');
    await page.getByRole('link', { name: `Mở hồ sơ ${code}` }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    const dossierUrl = page.url();
    await page.getByText(/Bước 1\/4: .* — Phòng Quản lý khoa học/).waitFor();
    // The files table lists the three scans (and the receipt the service stored when printing it).
    const fileRows = page.getByRole('region', { name: 'Tệp của hồ sơ' }).locator('tbody tr');
    // The list arrives after the page (count() does not wait): wait for the third scan, then count.
    await fileRows.filter({ hasText: 'Thành phần hồ sơ' }).nth(2).waitFor();
    await expect(fileRows.filter({ hasText: 'Thành phần hồ sơ' }).count()).resolves.toBe(3);
    await fileRows.filter({ hasText: 'Thành phần hồ sơ' }).first().getByRole('button', { name: /^Xem trước tệp/ }).click();
    await page.getByRole('region', { name: /^Xem trước: ban-quet-1\.pdf/ }).locator('iframe').waitFor();

    // 5. Each specialist forwards from their step.
    for (const { user, step } of STEPS) {
      await login(user);
      await page.getByRole('heading', { level: 1, name: 'Danh sách hồ sơ' }).waitFor();
      await openFromInbox(code);
      await page.getByText(new RegExp(`Bước ${step}/4:`)).waitFor();
      await act('Chuyển bước tiếp theo', (form) => form.getByLabel(/Ghi chú chuyển bước/).fill(`Bước ${step}: hồ sơ đạt yêu cầu.`));
      await page.getByText(new RegExp(`Bước ${step + 1}/4:`)).waitFor();
    }

    // 6. The leader attaches the result, signed by the service, sees the verdict, issues it.
    await login('leader');
    await page.getByRole('link', { name: code }).waitFor();
    await openFromInbox(code);
    await page.getByText(/Bước 4\/4: .* — Ban Giám đốc Sở/).waitFor();
    if (has('/api/dossiers/{id}/result', 'result upload with signature')) {
      const issue = page.getByRole('group', { name: /Thao tác với hồ sơ/ }).getByRole('button', { name: 'Ban hành kết quả', exact: true });
      await expect(issue.getAttribute('aria-disabled')).resolves.toBe('true');
      const result = page.getByRole('region', { name: 'Kết quả giải quyết' });
      await expect(result.getByLabel('Hệ thống ký số').isChecked()).resolves.toBe(true);
      await result.getByLabel('Tệp kết quả giải quyết (PDF)').setInputFiles({ name: 'quyet-dinh-cong-nhan.pdf', mimeType: 'application/pdf', buffer: await makePdf('Quyet dinh cong nhan') });
      // The signer sees the PDF about to be signed and confirms (issue #15).
      await result.locator('iframe[title="Xem trước tệp sẽ ký số: quyet-dinh-cong-nhan.pdf"]').waitFor();
      await result.getByLabel(/Tôi đã xem nội dung tệp trên và đồng ý ký số/).check();
      await result.getByRole('button', { name: 'Tải lên và ký số' }).click();
      const verdict = result.getByTestId('signature-verdict');
      await verdict.getByText('Chữ ký số hợp lệ').waitFor();
      await expect(verdict.getByText('Phạm Quang Huy').count()).resolves.toBeGreaterThan(0);
      if (paths.has('/api/files/{id}/verification')) {
        await result.getByRole('button', { name: /Kiểm tra lại chữ ký số/ }).click();
        await result.getByText(/kiểm tra lại lúc/).waitFor();
        await expect(result.getByText('Chữ ký số hợp lệ').count()).resolves.toBe(2);
      }
      await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-3-result.png'), fullPage: true });
      await expect(issue.getAttribute('aria-disabled')).resolves.toBeNull();
    }
    await act('Ban hành kết quả');
    await page.locator('.dossier-state').getByText('Đã có kết quả').waitFor();

    // 7. The clerk hands the result over at the counter.
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
    const steps = page.getByRole('region', { name: 'Các bước xử lý' }).locator('li');
    await expect(steps.count()).resolves.toBe(4);
    for (let i = 0; i < 4; i++) expect(await steps.nth(i).textContent()).toContain('Đã xong');
    // Times are Vietnam time even though this browser runs in New York.
    const stamps = await timeline.locator('time').allTextContents();
    expect(stamps.every((s) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(s))).toBe(true);
    const firstAt = await timeline.locator('time').first().getAttribute('datetime');
    const vn = new Date(Date.parse(firstAt!) + 7 * 3600_000);
    expect(stamps[0]).toBe(
      `${String(vn.getUTCDate()).padStart(2, '0')}/${String(vn.getUTCMonth() + 1).padStart(2, '0')}/${vn.getUTCFullYear()} ${String(vn.getUTCHours()).padStart(2, '0')}:${String(vn.getUTCMinutes()).padStart(2, '0')}`,
    );
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-4-returned.png'), fullPage: true });

    // 8. The applicant's page (no login, phone width): shows the dossier returned, takes one rating.
    if (has('/api/public/dossiers/{code}', 'public lookup and rating')) {
      const link = page.getByTestId('public-lookup-url');
      const lookupUrl = (await link.getAttribute('href'))!;
      expect(lookupUrl).toMatch(new RegExp(`/#/tra-cuu/${code.replace(/\./g, '\\.')}/[^/]+$`));
      const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', isMobile: true, hasTouch: true });
      const citizen = await phone.newPage();
      const other = await phone.newPage(); // the same link open twice: the second rating must be refused
      watch(citizen, 'public');
      for (const p of [citizen, other]) {
        await p.goto(lookupUrl);
        await p.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
        await expect(p.getByTestId('public-state').textContent()).resolves.toBe('Đã trả kết quả');
      }
      await citizen.screenshot({ path: join(SHOTS, 'motcua-web-e2e-5-public.png'), fullPage: true });
      // No horizontal scrolling at 375 px.
      await expect(citizen.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
      await citizen.getByLabel('Hài lòng', { exact: true }).check();
      await citizen.getByLabel(/Góp ý/).fill('Cán bộ hướng dẫn tận tình.');
      await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await citizen.getByText('Cảm ơn ông/bà đã đánh giá. Ý kiến đã được ghi nhận.').waitFor();
      await citizen.getByTestId('public-rating').getByText(/^Hài lòng — ngày/).waitFor();
      await expect(citizen.getByRole('button', { name: 'Gửi đánh giá' }).count()).resolves.toBe(0);
      await other.getByLabel('Rất hài lòng').check();
      await other.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await other.getByText('Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.').waitFor();
      await other.getByTestId('public-rating').getByText(/^Hài lòng — ngày/).waitFor();
      await citizen.screenshot({ path: join(SHOTS, 'motcua-web-e2e-6-rated.png'), fullPage: true });
      await other.screenshot({ path: join(SHOTS, 'motcua-web-e2e-6b-already-rated.png'), fullPage: true });

      // A wrong secret: one neutral message, nothing about the dossier.
      expectedErrors.push(/^public: .*status of 404/);
      await citizen.goto(lookupUrl.replace(/\/[^/]+$/, '/sai-ma-tra-cuu'));
      await citizen.getByText('Không tìm thấy hồ sơ hoặc mã tra cứu không đúng.').waitFor();
      await expect(citizen.getByText(code).count()).resolves.toBe(0);
      await phone.close();
    }

    // 9. The reporter's dashboard for the current month counts the dossier.
    await login('reporter');
    await page.getByRole('heading', { level: 1, name: /Báo cáo chỉ số/ }).waitFor();
    await page.getByTestId('total-score').waitFor();
    const ratio21 = (await page.getByTestId('ratio-2.1').textContent())!;
    const [, den21] = ratio21.split('/').map(Number);
    expect(den21).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('rate-2.1').textContent()).resolves.not.toBe('Không áp dụng');
    const ratio54 = (await page.getByTestId('ratio-5.4').textContent())!;
    const [num54, den54] = ratio54.split('/').map(Number);
    expect(den54).toBeGreaterThanOrEqual(1);
    expect(num54).toBeGreaterThanOrEqual(1); // on time and not dissatisfied
    await page.locator('figure.trend svg polyline, figure.trend svg circle').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-7-dashboard.png'), fullPage: true });

    expect(unexpectedErrors()).toEqual([]);
  }, 240_000);

  /** An online dossier as the national portal forwards it (the counter cannot type one): a machine account made by the admin. */
  async function submitThroughPortal(procedureCode: string, applicant: { idNumber: string; fullName: string }): Promise<string> {
    const call = async (path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown }) => {
      const res = await fetch(`${api.url}${path}`, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json', ...init.headers }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
      const body = await res.json();
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return body;
    };
    const { accessToken } = await call('/api/auth/login', { method: 'POST', body: { username: 'admin', password: DEMO_PASSWORD } });
    const client = await call('/api/admin/machine-clients', { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: { name: 'Cổng Dịch vụ công quốc gia', role: 'portal_client' } });
    const procedure = await call(`/api/procedures/${procedureCode}`, { headers: { authorization: `Bearer ${accessToken}` } });
    const files = await Promise.all(
      (procedure.components as Array<{ key: string; required: boolean }>).filter((c) => c.required).map(async (c) => ({ MaThanhPhanHoSo: c.key, TenTepDinhKem: `${c.key}.pdf`, NoiDungTep: (await makePdf(c.key)).toString('base64') })),
    );
    const ack = await call('/api/portal/dossiers', {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${client.id}:${client.clientSecret}`).toString('base64')}` },
      body: { MaHoSo: `G22.99-e2e-${Date.now()}`, MaTTHC: procedureCode, NgayNopHoSo: '20260302090000', ChuHoSo: applicant.fullName, SoGiayToChuHoSo: applicant.idNumber, TaiLieuNop: files },
    });
    return ack.reference as string;
  }

  it('an online dossier forwarded by the national portal waits at the counter and is accepted from the list', async () => {
    const code = await submitThroughPortal('dang-ky-thong-tin-kq-mua-bang-nsnn', { idNumber: '044556677889', fullName: 'Vàng A Dình' });
    await login('clerk');
    // The counter offers no "online" channel: online dossiers come from the portal (or the citizen), not typed in.
    await expect(page.getByLabel('Hình thức nộp').locator('option').allTextContents()).resolves.not.toContain('Trực tuyến');

    await page.getByRole('link', { name: /Trực tuyến, bưu chính chờ tiếp nhận/ }).click();
    const card = page.locator('.card-list > li').filter({ hasText: code });
    await card.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await card.getByRole('button', { name: 'Xác nhận' }).click();
    // Until acceptance the dossier is known by its submission reference; acceptance gives it the receipt code.
    expect(code).toMatch(/^NOP-\d{6}-/);
    await page.getByRole('status').filter({ hasText: new RegExp(`Hồ sơ ${code}: Tiếp nhận hồ sơ\\. Mã hồ sơ: \\S+-\\d{6}-\\d{4}\\.`) }).waitFor();
    await card.waitFor({ state: 'detached' }); // no longer waiting: it left the list
    await page.screenshot({ path: join(SHOTS, 'motcua-web-e2e-8-online.png') });
    expect(unexpectedErrors()).toEqual([]);
  }, 60_000);
});
