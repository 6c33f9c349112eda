/**
 * The set-up every focused browser test shares: the built web app and the API on a fresh SQLite
 * database, one Chromium page (Vietnamese locale), page errors collected, a screenshot after each
 * test (where a failure stopped). Registers its own beforeAll/afterAll/afterEach.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildWeb, DEMO_PASSWORD, ensureApiBuilt, launchBrowser, startApi, startWebOrigin, type RunningApi } from './harness';

export interface BrowserSession {
  apiUrl: string;
  webUrl: string;
  page: Page;
  /** Uncaught errors of the page: a test ends by expecting none. */
  pageErrors: string[];
  /** Logs in from the login page (logging out first when someone is logged in). */
  login(username: string, password?: string): Promise<void>;
}

/** `options.env`: extra API settings, read when the session starts (after the test file's own earlier beforeAll). */
export function useBrowserSession(name: string, options: { env?: () => Record<string, string> } = {}): BrowserSession {
  const shots = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';
  let api: RunningApi | undefined;
  let web: { url: string; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  const session = { pageErrors: [] as string[] } as unknown as BrowserSession;

  beforeAll(async () => {
    buildWeb();
    api = await startApi(ensureApiBuilt(), options.env?.() ?? {});
    web = await startWebOrigin(api.url);
    browser = await launchBrowser();
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' })).newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => session.pageErrors.push(error.message));
    Object.assign(session, {
      apiUrl: api.url,
      webUrl: web.url,
      page,
      async login(username: string, password = DEMO_PASSWORD) {
        await page.goto(`${web!.url}/#/`);
        const logout = page.getByRole('button', { name: 'Đăng xuất' });
        if (await logout.isVisible().catch(() => false)) await logout.click();
        await page.getByLabel('Tên đăng nhập').fill(username);
        await page.getByLabel('Mật khẩu').fill(password);
        await page.getByRole('button', { name: 'Đăng nhập' }).click();
      },
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.stop();
  });

  afterEach(async () => {
    await session.page?.screenshot({ path: join(shots, `motcua-web-e2e-${name}-last.png`), fullPage: true }).catch(() => undefined);
  });

  return session;
}
