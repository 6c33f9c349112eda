import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from './api/client';
import type { EventType } from './api/types';
import { App } from './App';
import { EVENT_LABELS } from './format/labels';
import { resetCatalogueCache } from './hooks/useCatalogue';
import { CounterPage } from './pages/CounterPage';
import { DossierPage } from './pages/DossierPage';
import { InboxPage } from './pages/InboxPage';
import { installFakeApi } from './testing/fake-api';
import { ACCOUNT, CLERK, DEPARTMENTS, dossier, dossierFile, HISTORY, PROCEDURES, resultFile, SPECIALIST } from './testing/fixtures';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { PublicLookupPage } from './pages/public/PublicLookupPage';
import { OnlineSubmissionPage } from './pages/public/OnlineSubmissionPage';
import { parseRoute } from './hooks/useRoute';
import { UsersPage } from './pages/admin/UsersPage';
import { CalendarPage } from './pages/admin/CalendarPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { AuthProvider } from './auth/AuthContext';

/** Every form control on screen has an accessible name, and it comes from a real label. */
function expectAllControlsLabelled(container: HTMLElement) {
  const controls = Array.from(container.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea'));
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) {
    expect(control).toHaveAccessibleName();
    expect(control.labels?.length ?? 0).toBeGreaterThan(0);
    // …and the label finds it back (by its own words when aria-labelledby names the control, e.g. the file drop zones).
    const labelledBy = control.getAttribute('aria-labelledby');
    const text = labelledBy ? document.getElementById(labelledBy)!.textContent! : control.labels![0].textContent!.replace(/\s*\*$/, '');
    expect(screen.getAllByLabelText(text, { exact: false, selector: control.tagName.toLowerCase() })).toContain(control);
  }
  for (const button of Array.from(container.querySelectorAll('button'))) expect(button).toHaveAccessibleName();
}

beforeEach(() => {
  localStorage.clear();
  window.location.hash = '';
  setAuthHooks({ token: () => 'token', unauthorized: () => undefined });
  resetCatalogueCache();
  const api = installFakeApi();
  api.on('GET', '/api/procedures', { body: PROCEDURES });
  api.on('GET', '/api/departments', { body: DEPARTMENTS });
  api.on('GET', '/api/dossiers', { body: { items: [dossier({ id: 'x', state: 'submitted', allowedEvents: ['ACCEPT', 'REJECT', 'REQUEST_SUPPLEMENT'] })], total: 1, page: 1, pageSize: 20 } });
  api.on('GET', /\/api\/dossiers\/[^/]+$/, { body: dossier({ allowedEvents: Object.keys(EVENT_LABELS) as EventType[] }) });
  api.on('GET', /\/history$/, { body: HISTORY });
  api.on('GET', /\/api\/dossiers\/[^/]+\/files$/, { body: [dossierFile(), resultFile()] });
  api.on('GET', /\/api\/applicants\/[^/]+\/files$/, { body: [dossierFile({ id: 'old', dossierId: 'other', fileName: 'cu.pdf' })] });
  api.on('GET', '/api/indicators', { body: { period: { kind: 'custom', from: '', to: '', label: '', labelVi: '' }, indicators: [], measures: [], groups: [], total: { score: null, maxPoints: 82, percent: null } } });
  api.on('GET', '/api/indicators/late', { body: [] });
  api.on('GET', '/api/indicators/plan', { body: { lines: [] } });
  api.on('GET', '/api/dossiers/tab-counts', { body: { open: 1, due_soon: 0, overdue: 0, awaiting_return: 0, closed: 0 } });
  api.on('GET', /\/api\/public\/dossiers\/[^/]+$/, {
    body: { code: 'H35-1', procedureName: 'Thủ tục', state: 'returned', stateLabel: 'Đã trả kết quả', channel: 'direct', receivedAt: null, appointmentAt: null, finishedAt: null, outcome: null, timeline: [], rating: null, canRate: true },
  });
});

describe('accessibility: every control is labelled', () => {
  it('login', () => {
    const { container } = render(<App />);
    expectAllControlsLabelled(container);
  });

  it('counter (both tabs)', async () => {
    const { container } = render(<CounterPage tab="direct" />);
    await screen.findByText('2 thủ tục phù hợp');
    expectAllControlsLabelled(container);
  });

  it('counter intake list with a reject form open', async () => {
    const user = userEvent.setup();
    const { container } = render(<CounterPage tab="online" />);
    await user.click(await screen.findByRole('button', { name: 'Từ chối tiếp nhận' }));
    expect(screen.getByLabelText(/Lý do từ chối tiếp nhận/)).toBeInTheDocument();
    expectAllControlsLabelled(container);
  });

  it('inbox filters', async () => {
    const { container } = render(<InboxPage user={SPECIALIST} />);
    await screen.findByRole('table');
    expectAllControlsLabelled(container);
  });

  it.each(['REJECT', 'RETURN_RESULT', 'APOLOGISE', 'FORWARD'] as EventType[])('dossier page with the %s form open', async (type) => {
    const user = userEvent.setup();
    const { container } = render(<DossierPage id="330f0afb-7a99-4bcb-a080-3b71dfcfedd2" />);
    await user.click(await screen.findByRole('button', { name: EVENT_LABELS[type] }));
    expectAllControlsLabelled(container);
  });

  it('dossier page for a clerk at the counter: checklist with file inputs and reuse, payment', async () => {
    installFakeApi()
      .on('GET', '/api/procedures', { body: PROCEDURES })
      .on('GET', '/api/departments', { body: DEPARTMENTS })
      .on('GET', /\/api\/dossiers\/[^/]+$/, { body: dossier({ state: 'received', currentStep: null, allowedEvents: ['COMPLETE_DIGITISATION'], feeApplies: true }) })
      .on('GET', /\/history$/, { body: HISTORY })
      .on('GET', /\/api\/dossiers\/[^/]+\/files$/, { body: [dossierFile()] })
      .on('GET', /\/api\/applicants\/[^/]+\/files$/, { body: [dossierFile({ id: 'old', dossierId: 'other', componentKey: 'bao-cao', fileName: 'cu.pdf' })] });
    const { container } = render(<DossierPage id="330f0afb-7a99-4bcb-a080-3b71dfcfedd2" user={CLERK} />);
    await screen.findByLabelText('Tải lên bản quét: Báo cáo tổng hợp kết quả');
    await screen.findByRole('button', { name: 'Dùng lại tệp cu.pdf cho: Báo cáo tổng hợp kết quả' });
    expect(screen.getByLabelText(/Hình thức thanh toán/)).toBeInTheDocument();
    expectAllControlsLabelled(container);
  });

  it('dossier page for the leader: result upload (mode radios, PDF input)', async () => {
    const { container } = render(<DossierPage id="330f0afb-7a99-4bcb-a080-3b71dfcfedd2" />);
    await screen.findByLabelText('Tệp kết quả giải quyết (PDF)');
    expect(screen.getByRole('group', { name: 'Cách ký số' })).toBeInTheDocument();
    expectAllControlsLabelled(container);
  });

  it('dashboard: period picker and grouping', async () => {
    const { container } = render(<DashboardPage />);
    await screen.findByTestId('total-score');
    expectAllControlsLabelled(container);
  });

  it('user administration: new account form, one account managed with its history', async () => {
    const user = userEvent.setup();
    installFakeApi()
      .on('GET', '/api/departments', { body: DEPARTMENTS })
      .on('GET', '/api/admin/users', { body: [ACCOUNT] })
      .on('GET', /\/changes$/, { body: [{ id: 'c1', action: 'updated', changes: { departmentCode: ['PQLCN', 'PQLKH'] }, reason: 'Điều chuyển', actorUsername: 'admin', actorFullName: 'Quản trị hệ thống', occurredAt: '2026-03-02T02:00:00Z' }] });
    const { container } = render(<UsersPage />);
    await user.click(await screen.findByRole('button', { name: /Quản lý tài khoản/ }));
    await screen.findByText('Lý do: Điều chuyển');
    expectAllControlsLabelled(container);
  });

  it('calendar overrides', async () => {
    installFakeApi()
      .on('GET', '/api/admin/calendar/overrides', { body: [{ date: '2026-09-04', kind: 'day_off', name: 'Nghỉ bù', createdAt: '2026-08-01T02:00:00Z' }] })
      .on('GET', '/api/admin/calendar/changes', { body: [] });
    const { container } = render(<CalendarPage />);
    await screen.findByText('04/09/2026');
    expectAllControlsLabelled(container);
  });

  it('change of a temporary password', () => {
    const { container } = render(
      <AuthProvider>
        <ChangePasswordPage />
      </AuthProvider>,
    );
    expectAllControlsLabelled(container);
  });

  it('public lookup form and rating form', async () => {
    const form = render(<PublicLookupPage />);
    expectAllControlsLabelled(form.container);
    form.unmount();
    const { container } = render(<PublicLookupPage code="H35-1" secret="abc" />);
    await screen.findByRole('form', { name: 'Đánh giá mức độ hài lòng' });
    expectAllControlsLabelled(container);
  });
});

describe('citizen online pages', () => {
  it('online submission form, and the supplement upload and payment on the lookup page', async () => {
    const api = installFakeApi();
    api.on('GET', '/api/public/procedures', { body: [{ code: 'p', name: 'Thủ tục', field: 'f', onlineLevel: 'toan_trinh', processingTime: null, fee: { amountVnd: null, text: null }, components: [] }] });
    const form = render(<OnlineSubmissionPage />);
    await screen.findByRole('form', { name: 'Thông tin hồ sơ nộp trực tuyến' });
    expectAllControlsLabelled(form.container);
    form.unmount();
    api.on('GET', '/api/public/dossiers/H35-2', {
      body: {
        code: 'H35-2', procedureName: 'Thủ tục', state: 'awaiting_supplement', stateLabel: 'Chờ bổ sung', channel: 'online', receivedAt: null, appointmentAt: null, finishedAt: null, outcome: null,
        timeline: [], rating: null, canRate: false,
        payment: { feeApplies: true, amountVnd: 1000, state: 'unpaid', method: null, paidAt: null },
        supplement: { reason: 'Thiếu', requestedAt: null, components: [{ key: 'a', name: 'Tờ khai', required: true }], uploaded: [] },
      },
    });
    const { container } = render(<PublicLookupPage code="H35-2" secret="abc" />);
    await screen.findByTestId('public-supplement');
    expectAllControlsLabelled(container);
  });
});

describe('routes', () => {
  it('public lookup routes, the dashboard, and broken escapes', () => {
    expect(parseRoute('#/tra-cuu')).toEqual({ name: 'lookup' });
    expect(parseRoute('#/tra-cuu/000.00.20.H35-261126-0001/a%2Fb')).toEqual({ name: 'lookup', code: '000.00.20.H35-261126-0001', secret: 'a/b' });
    expect(parseRoute('#/bao-cao')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#/nop-truc-tuyen')).toEqual({ name: 'submit' });
    expect(parseRoute('#/ho-so/%E0%A4%A')).toEqual({ name: 'not-found', path: '/ho-so/%E0%A4%A' });
  });

  it('the public page needs no login and shows no staff navigation', async () => {
    window.location.hash = '#/tra-cuu/H35-1/abc';
    render(<App />);
    expect(await screen.findByTestId('public-state')).toHaveTextContent('Đã trả kết quả');
    expect(screen.queryByLabelText(/Tên đăng nhập/)).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Điều hướng chính' })).not.toBeInTheDocument();
  });
});
