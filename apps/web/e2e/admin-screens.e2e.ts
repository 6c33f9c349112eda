/**
 * Issue #15, acceptance 1 in Chromium, the administrator's screens: an outbox message that failed
 * against a loopback receiver retried from the screen; a catalogue edit saved as a new version; a
 * historical import previewed with a bad line, then imported once the file is right.
 *
 *   npm run build && E2E_SKIP_WEB_BUILD=1 npx jest -c apps/web/e2e/jest.config.js admin-screens
 */
import { existsSync } from 'node:fs';
import { startHttpReceiver, type HttpReceiver } from '../../../test/support/http-receiver';
import { receivedWithScans } from './api-setup';
import { useBrowserSession } from './browser-session';
import { CHROMIUM, DEMO_PASSWORD } from './harness';

const suite = existsSync(CHROMIUM) ? describe : describe.skip;
const PROCEDURE = '1.014393';

suite('administration screens in Chromium', () => {
  let portal: HttpReceiver;
  // Before the session starts: the API sends its DVCQG records to this receiver.
  beforeAll(async () => {
    portal = await startHttpReceiver();
    portal.respond(() => 500);
  });
  afterAll(() => portal.close());
  const session = useBrowserSession('admin-screens', {
    env: () => ({ PORTAL_SYNC_URL: portal.url, OUTBOX_MAX_ATTEMPTS: '1', OUTBOX_POLL_INTERVAL_MS: '200' }),
  });

  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const login = await fetch(`${session.apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const res = await fetch(`${session.apiUrl}/api${path}`, { ...init, headers: { authorization: `Bearer ${accessToken}`, ...(init.headers ?? {}) } });
    return (await res.json()) as T;
  };
  const until = async <T>(what: string, probe: () => Promise<T | undefined | null | false>): Promise<T> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  it('outbox: a DVCQG record the receiver refused is dead; retried from the screen with a reason, it is delivered', async () => {
    const { page, login } = session;
    await receivedWithScans(session.apiUrl, PROCEDURE, 'Lò Văn Minh');
    type Summary = { id: string; status: string };
    const dead = await until('a dead message', async () => {
      const list = await api<{ items: Summary[] }>('/admin/outbox?status=dead&channel=portal-sync');
      return list.items.length > 0 ? list.items : null;
    });
    portal.respond(() => 200);

    await login('admin');
    await page.getByRole('link', { name: 'Hàng đợi gửi tin' }).click();
    await page.getByRole('heading', { level: 1, name: /Hàng đợi gửi tin/ }).waitFor();
    await page.getByRole('button', { name: /Xem thông điệp/ }).first().click();
    await page.getByTestId('outbox-status').getByText('Gửi không được').waitFor();
    await page.getByText('HTTP 500').first().waitFor();
    await page.getByRole('button', { name: 'Gửi lại' }).click();
    const confirm = page.getByRole('form', { name: 'Xác nhận gửi lại' });
    // No reason, no retry.
    await confirm.getByRole('button', { name: 'Xác nhận gửi lại' }).click();
    await confirm.getByText('Vui lòng nhập lý do.').waitFor();
    await confirm.getByLabel(/Lý do/).fill('Cổng đã khắc phục sự cố');
    await confirm.getByRole('button', { name: 'Xác nhận gửi lại' }).click();
    await page.getByText('Đã đưa thông điệp vào hàng đợi để gửi lại.').waitFor();
    await page.getByText(/Vũ Đình Khôi gửi lại \(sau 1 lần thử\)\. Lý do: Cổng đã khắc phục sự cố/).waitFor();

    type Detail = { id: string; status: string; actions: Array<{ action: string; reason: string | null; actorFullName: string | null }> };
    const retried = await until('the retried message delivered', async () => {
      for (const m of dead) {
        const d = await api<Detail>(`/admin/outbox/${m.id}`);
        if (d.actions.length > 0 && d.status === 'delivered') return d;
      }
      return null;
    });
    expect(retried.actions).toEqual([expect.objectContaining({ action: 'retry', reason: 'Cổng đã khắc phục sự cố', actorFullName: 'Vũ Đình Khôi' })]);
    expect(portal.acceptedByKey().size).toBeGreaterThanOrEqual(1);
    expect(session.pageErrors).toEqual([]);
  });

  it('catalogue: a step shortened and saved is a new version, with who and why in its versions', async () => {
    const { page, login } = session;
    await login('admin');
    await page.getByRole('link', { name: 'Thủ tục', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh mục thủ tục hành chính' }).waitFor();
    await page.getByLabel(/Tìm thủ tục/).fill(PROCEDURE);
    await page.getByRole('button', { name: `Mở thủ tục ${PROCEDURE}` }).click();
    const form = page.getByRole('form', { name: `Sửa thủ tục ${PROCEDURE}` });
    const days = form.getByLabel('Số ngày làm việc bước 1');
    const before = Number((await days.inputValue()).replace(',', '.'));
    const after = before - 0.5;
    await days.fill(String(after).replace('.', ','));
    await form.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await form.getByText('Vui lòng nhập lý do thay đổi.').waitFor();
    await form.getByLabel(/Lý do thay đổi/).fill('Rút ngắn thời gian thẩm định theo quy trình nội bộ mới');
    await form.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await page.getByText(`Đã lưu phiên bản 2 của thủ tục ${PROCEDURE}.`).waitFor();

    const row = page.getByTestId('procedure-version-2');
    await row.getByText('Vũ Đình Khôi').waitFor();
    await row.getByText('Rút ngắn thời gian thẩm định theo quy trình nội bộ mới').waitFor();
    await row.getByText('các bước xử lý').waitFor();
    await page.getByTestId('procedure-version-1').getByText('Nạp từ danh mục gốc').waitFor();

    const stored = await api<{ version: number; steps: Array<{ workingDays: number }> }>(`/procedures/${PROCEDURE}`);
    expect(stored.version).toBe(2);
    expect(stored.steps[0].workingDays).toBe(after);
    expect(session.pageErrors).toEqual([]);
  });

  it('historical import: the preview lists the bad line and imports nothing; the corrected file is imported after confirmation', async () => {
    const { page, login } = session;
    const line = (code: string, channel = 'direct') =>
      JSON.stringify({ code, procedureCode: PROCEDURE, channel, receivedAt: '2025-03-03T09:00:00+07:00', dueAt: '2025-03-20T17:00:00+07:00', finishedAt: '2025-03-18T10:00:00+07:00', outcome: 'returned', supplements: [], digitised: false, eResult: false, paidOnline: null, rating: null });
    const file = (text: string) => ({ name: 'ho-so-cu.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(text, 'utf8') });

    await login('admin');
    await page.getByRole('link', { name: 'Nhập hồ sơ cũ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập hồ sơ từ hệ thống cũ' }).waitFor();
    await page.getByLabel('Tệp dữ liệu (.ndjson)').setInputFiles(file(`${line('CU-2025-0001')}\n${line('CU-2025-0002', 'fax')}\n`));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const problems = page.getByRole('table', { name: /Lỗi theo dòng/ });
    const bad = problems.getByRole('row').nth(1);
    await bad.getByRole('cell', { name: '2', exact: true }).waitFor();
    await bad.getByRole('cell', { name: 'channel', exact: true }).waitFor();
    await bad.getByText(/Hình thức nộp phải là direct/).waitFor();
    await page.getByTestId('import-counts').getByText('Số lỗi: 1').waitFor();
    expect(await page.getByRole('button', { name: /Xác nhận nhập/ }).count()).toBe(0);
    // Nothing was written by the preview: the same codes are still free.
    const check = await api<{ problems: unknown[] }>('/admin/dossiers/import?dryRun=true', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: line('CU-2025-0001') });
    expect(check.problems).toEqual([]);

    await page.getByLabel('Tệp dữ liệu (.ndjson)').setInputFiles(file(`${line('CU-2025-0001')}\n${line('CU-2025-0002', 'postal')}\n`));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByTestId('import-counts').getByText('Hồ sơ sẽ nhập mới: 2').waitFor();
    await page.getByRole('button', { name: 'Xác nhận nhập 2 hồ sơ' }).click();
    await page.getByText('Đã nhập 2 hồ sơ.').waitFor();
    const again = await api<{ problems: Array<{ message: string }> }>('/admin/dossiers/import?dryRun=true', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: line('CU-2025-0001') });
    expect(again.problems.map((p) => p.message)).toEqual(['a dossier with this code already exists']);
    expect(session.pageErrors).toEqual([]);
  });
});
