/**
 * Issue #16, acceptance 1 in Chromium: a citizen submits online with three component files (the
 * public page), the clerk accepts, a specialist requests a supplement, the citizen uploads the
 * missing file on the lookup page, the leader issues a signed result, the citizen pays through the
 * local payment double and downloads the result; then indicators 3.3 and 3.6 count the dossier and
 * the full-process share counts its procedure. The citizen's steps go through the UI; the staff's
 * through the API (their screens have their own browser tests).
 *
 *   npm run build && E2E_SKIP_WEB_BUILD=1 npx jest -c apps/web/e2e/jest.config.js online-citizen
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { useBrowserSession } from './browser-session';
import { CHROMIUM, DEMO_PASSWORD } from './harness';

const suite = existsSync(CHROMIUM) ? describe : describe.skip;

// Full-process online (toàn trình), three required components; PQLKH → PQLCN → PQLKH → BGD.
const PROCEDURE = '1.014393';
const FEE_VND = 150000;

async function pdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText(title, { x: 60, y: 760, size: 16, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

/** The staff's side, through the real API. */
function staffApi(apiUrl: string) {
  const tokens = new Map<string, string>();
  const call = async (user: string | null, path: string, init: RequestInit = {}) => {
    let token: string | null = null;
    if (user) {
      token = tokens.get(user) ?? null;
      if (!token) {
        const res = await fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: DEMO_PASSWORD }) });
        token = ((await res.json()) as { accessToken: string }).accessToken;
        tokens.set(user, token);
      }
    }
    const res = await fetch(`${apiUrl}/api${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } });
    const body = (await res.json()) as Record<string, unknown> & { version: number };
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  let version = 0;
  return {
    call,
    json,
    async load(user: string, id: string) {
      const d = await call(user, `/dossiers/${id}`);
      version = d.version;
      return d;
    },
    async event(user: string, id: string, body: Record<string, unknown>) {
      const d = await call(user, `/dossiers/${id}/events`, json('POST', { ...body, expectedVersion: version }));
      version = d.version;
      return d;
    },
  };
}

suite('the citizen online in Chromium (issue #16, acceptance 1)', () => {
  const session = useBrowserSession('online-citizen');

  it('submit online, supplement on the lookup page, pay through the platform double, download the signed result; indicators count it', async () => {
    const { page, webUrl, apiUrl } = session;
    const staff = staffApi(apiUrl);

    // The catalogue gives this full-process procedure a fee amount (an admin's new version), so it can be paid online.
    const current = await staff.call('admin', `/procedures/${PROCEDURE}`);
    const { name, field, processingTime, paperResult, resultName, components, steps } = current as Record<string, unknown>;
    await staff.call('admin', `/admin/procedures/${PROCEDURE}`, staff.json('PUT', { name, field, processingTime, paperResult, resultName, components, steps, onlineLevel: 'toan_trinh', fee: { amountVnd: FEE_VND, text: null } }));

    // ── The citizen submits online (UI) ──
    await page.goto(`${webUrl}/#/tra-cuu`);
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    const form = page.getByRole('form', { name: 'Thông tin hồ sơ nộp trực tuyến' });
    await form.getByLabel(/Thủ tục hành chính/).selectOption(PROCEDURE);
    await form.getByTestId('procedure-facts').getByText('150.000 đ').waitFor();
    await form.getByLabel(/Họ và tên người nộp/).fill('Lò Thị Mai');
    await form.getByLabel(/Số định danh cá nhân/).fill('12 34');
    await form.getByLabel('Số điện thoại').fill('0912345678');
    await form.getByLabel('Thư điện tử').fill('mai.lo@example.vn');
    await form.getByRole('button', { name: 'Tiếp tục' }).click();
    await form.getByText(/Số định danh không hợp lệ/).waitFor();
    await form.getByLabel(/Số định danh cá nhân/).fill('012 199 001 234');
    await form.getByRole('button', { name: 'Tiếp tục' }).click();

    const uploads = page.locator('[data-testid="component-upload"]');
    await uploads.first().waitFor();
    const required = (components as Array<{ key: string; name: string; required: boolean }>).filter((c) => c.required);
    expect(required).toHaveLength(3);
    for (const [i, c] of required.entries()) {
      const item = uploads.filter({ hasText: c.name });
      await item.locator('input[type="file"]').setInputFiles({ name: `thanh-phan-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: await pdf(`Thanh phan ${i + 1}`) });
      await item.getByText(`Đã tải lên «thanh-phan-${i + 1}.pdf».`).waitFor();
    }
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const confirmed = page.getByTestId('submission-confirmed');
    await confirmed.waitFor();
    const reference = (await confirmed.getByTestId('submission-reference').textContent())!.trim();
    const secret = (await confirmed.getByTestId('submission-secret').textContent())!.trim();
    expect(reference.length).toBeGreaterThan(0);
    expect(secret.length).toBeGreaterThan(10);

    // ── The clerk accepts; the specialist at step 1 requests a supplement (API) ──
    const found = (await staff.call('clerk', `/dossiers?text=${encodeURIComponent(reference)}`)) as unknown as { items: Array<{ id: string }> };
    const id = found.items[0].id;
    const dossier = await staff.load('clerk', id);
    expect(dossier).toMatchObject({ channel: 'online', state: 'submitted' });
    await staff.event('clerk', id, { type: 'ACCEPT' });
    await staff.event('clerk', id, { type: 'COMPLETE_DIGITISATION' });
    await staff.event('specialist', id, { type: 'REQUEST_SUPPLEMENT', reason: 'Bổ sung bản thuyết minh có chữ ký của chủ nhiệm nhiệm vụ' });

    // ── The citizen sees what to supplement and uploads it on the lookup page (UI) ──
    await confirmed.getByRole('link', { name: 'Xem tình trạng hồ sơ' }).click();
    const supplement = page.getByTestId('public-supplement');
    await supplement.getByText('Bổ sung bản thuyết minh có chữ ký của chủ nhiệm nhiệm vụ').waitFor();
    const missing = supplement.locator('[data-testid="component-upload"]').filter({ hasText: required[1].name });
    await missing.locator('input[type="file"]').setInputFiles({ name: 'thuyet-minh-bo-sung.pdf', mimeType: 'application/pdf', buffer: await pdf('Thuyet minh bo sung') });
    await missing.getByText('Đã tải lên «thuyet-minh-bo-sung.pdf».').waitFor();
    const files = (await staff.call('clerk', `/dossiers/${id}/files`)) as unknown as Array<{ fileName: string }>;
    expect(files.map((f) => f.fileName)).toContain('thuyet-minh-bo-sung.pdf');

    // ── Processing resumes; the leader issues a result signed by the service (API) ──
    await staff.load('clerk', id);
    await staff.event('clerk', id, { type: 'SUPPLEMENT_RECEIVED', note: 'Công dân đã bổ sung trực tuyến' });
    await staff.event('specialist', id, { type: 'FORWARD' });
    await staff.event('specialist2', id, { type: 'FORWARD' });
    await staff.event('specialist', id, { type: 'FORWARD' });
    const result = new FormData();
    result.append('mode', 'sign');
    result.append('file', new Blob([new Uint8Array(await pdf('Giay xac nhan ket qua'))], { type: 'application/pdf' }), 'ket-qua.pdf');
    await staff.call('leader', `/dossiers/${id}/result`, { method: 'POST', body: result });
    await staff.load('leader', id);
    await staff.event('leader', id, { type: 'ISSUE_RESULT' });

    // ── The citizen pays through the platform (the local double) and comes back (UI) ──
    await page.reload();
    const payment = page.getByTestId('public-payment');
    await payment.getByTestId('payment-state').getByText('Chưa thanh toán').waitFor();
    await payment.getByText('150.000 đ').waitFor();
    await payment.getByRole('button', { name: 'Thanh toán' }).click();
    await page.waitForURL(/\/pay\?/);
    await page.getByText(/đã thanh toán/).waitFor();
    await page.getByRole('link', { name: 'Quay lại trang tra cứu hồ sơ' }).click();
    await page.getByTestId('payment-state').getByText('Đã thanh toán').waitFor();
    await page.getByTestId('public-payment').getByText('Trực tuyến qua Cổng Dịch vụ công quốc gia').waitFor();

    // ── The signed result: its verdict, and the download ──
    const verdict = page.getByTestId('public-result');
    await verdict.getByText(/Kết quả được ký số hợp lệ/).waitFor();
    const shown = (await verdict.locator('.hash').textContent())!.trim();
    const [download] = await Promise.all([page.waitForEvent('download'), verdict.getByTestId('result-download').click()]);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown);

    // ── The indicators count it: 3.3 (online) and 3.6 (paid online), and its procedure in the full-process share ──
    const year = new Date().getUTCFullYear();
    const { code } = (await staff.call('clerk', `/dossiers/${id}`)) as unknown as { code: string };
    for (const indicator of ['3.3', '3.6']) {
      const behind = (await staff.call('reporter', `/indicators/dossiers?period=year&year=${year}&indicator=${indicator}`)) as unknown as { numerator: string[] };
      expect({ indicator, counted: behind.numerator.includes(code) }).toEqual({ indicator, counted: true });
    }
    const plan = (await staff.call('reporter', `/indicators/plan?period=year&year=${year}`)) as unknown as {
      fullProcess: { fullProcessServicesWithOnlineDossier: number; procedures: Array<{ code: string; onlineDossiers: number }> };
    };
    expect(plan.fullProcess.procedures.find((p) => p.code === PROCEDURE)).toEqual({ code: PROCEDURE, onlineDossiers: 1 });
    expect(plan.fullProcess.fullProcessServicesWithOnlineDossier).toBeGreaterThanOrEqual(1);
    expect(session.pageErrors).toEqual([]);
  });
});
