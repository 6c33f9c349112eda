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
import { CataloguePage } from './pages/admin/catalogue/CataloguePage';
import { DepartmentsPage } from './pages/admin/DepartmentsPage';
import { ImportPage } from './pages/admin/ImportPage';
import { OutboxPage } from './pages/admin/OutboxPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { AuthProvider } from './auth/AuthContext';
import { PasswordResetPage } from './pages/PasswordResetPage';
import { FeedbackSubmitPage } from './pages/public/FeedbackSubmitPage';
import { FeedbackFollowPage } from './pages/public/FeedbackFollowPage';
import { FeedbackInboxPage } from './pages/feedback/FeedbackInboxPage';
import { FeedbackPage } from './pages/feedback/FeedbackPage';
import { feedbackItem } from './testing/fixtures';
import type { FeedbackEventType } from './api/feedback';
import { FEEDBACK_EVENT_LABELS_VI } from '@motcua/workflow/vocabulary';

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

  it('procedure catalogue: list with the unverified mark, one procedure open for editing, its versions', async () => {
    const user = userEvent.setup();
    const procedure = { ...PROCEDURES[0], versionId: 'v1', verification: { verified: false, label: 'chưa xác minh', unverifiedFields: ['fee'], notes: [] } };
    installFakeApi()
      .on('GET', '/api/procedures', { body: [procedure] })
      .on('GET', '/api/departments', { body: DEPARTMENTS })
      .on('GET', /\/versions$/, { body: [{ ...procedure, changedBy: null, changedAt: '2026-03-02T02:00:00Z', reason: null, changedParts: [] }] });
    const { container } = render(<CataloguePage />);
    expect(await screen.findByText(/chưa xác minh: phí, lệ phí/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Mở thủ tục/ }));
    await screen.findByText('Nạp từ danh mục gốc');
    expect(screen.getByLabelText(/Số ngày làm việc bước 1/)).toBeInTheDocument();
    expectAllControlsLabelled(container);
  });

  it('departments: create form, one department managed with its history', async () => {
    const user = userEvent.setup();
    installFakeApi()
      .on('GET', '/api/admin/departments', { body: [{ code: 'PQLKH', name: 'Phòng Quản lý khoa học', active: true, version: 1, createdAt: '2026-03-02T02:00:00Z', activeUsers: 2, procedures: ['1.014393'] }] })
      .on('GET', /\/changes$/, { body: [{ id: 'c1', action: 'renamed', changes: { name: ['Phòng cũ', 'Phòng Quản lý khoa học'] }, reason: 'Sắp xếp', actorFullName: 'Vũ Đình Khôi', occurredAt: '2026-03-02T02:00:00Z' }] });
    const { container } = render(<DepartmentsPage />);
    await user.click(await screen.findByRole('button', { name: 'Quản lý Phòng Quản lý khoa học' }));
    await screen.findByText(/Vũ Đình Khôi đổi tên/);
    expectAllControlsLabelled(container);
  });

  it('outbox: list by state, one failed message open with the retry confirmation', async () => {
    const user = userEvent.setup();
    const message = { id: 'm1', topic: 'dossier.record', channel: 'portal-sync', aggregateType: 'dossier', aggregateId: 'd1', status: 'dead', attempts: 3, nextAttemptAt: null, lastError: 'HTTP 500', createdAt: '2026-03-02T02:00:00Z', deliveredAt: null };
    installFakeApi()
      .on('GET', '/api/admin/outbox', { body: { items: [message], total: 1, page: 1, pageSize: 50, counts: { pending: 0, delivering: 0, delivered: 0, dead: 1, discarded: 0, held: 0 } } })
      .on('GET', '/api/admin/outbox/m1', { body: { ...message, payload: { record: { MaHoSo: 'H35-1' } }, actions: [] } });
    const { container } = render(<OutboxPage />);
    await user.click(await screen.findByRole('button', { name: /Xem thông điệp/ }));
    expect(await screen.findByText('Bản ghi đồng bộ hồ sơ H35-1')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Gửi lại' }));
    expect(screen.getByRole('form', { name: 'Xác nhận gửi lại' })).toBeInTheDocument();
    expectAllControlsLabelled(container);
  });

  it('historical import: the file input and a preview with problems by line', async () => {
    const user = userEvent.setup();
    const api = installFakeApi().on('POST', '/api/admin/dossiers/import', {
      body: { dryRun: true, read: 2, valid: 1, imported: 1, closed: 0, problems: [{ line: 2, field: 'channel', message: 'must be direct, online or postal' }], totalProblems: 1 },
    });
    const { container } = render(<ImportPage />);
    await user.upload(screen.getByLabelText('Tệp dữ liệu (.ndjson)'), new File(['{}\n{}'], 'cu.ndjson', { type: 'application/x-ndjson' }));
    await user.click(screen.getByRole('button', { name: 'Kiểm tra tệp' }));
    expect(await screen.findByText(/Hình thức nộp phải là direct/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Xác nhận nhập/ })).not.toBeInTheDocument();
    // Only the preview was asked for: nothing imported.
    expect(api.callsTo('POST', '/api/admin/dossiers/import').map((c) => c.path)).toEqual(['/api/admin/dossiers/import?dryRun=true']);
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

  it('the page of a one-time password-reset link', async () => {
    installFakeApi().on('POST', '/api/auth/password-reset/inspect', { body: { fullName: 'Trần Văn Đức', username: 'specialist', expiresAt: '2026-12-08T02:00:00Z' } });
    const { container } = render(<PasswordResetPage token="AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde" />);
    await screen.findByRole('form', { name: 'Đặt lại mật khẩu' });
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

describe('accessibility: feedback (PAKN) screens', () => {
  const PUBLIC_FEEDBACK = {
    code: 'PAKN-1', title: 'Niêm yết sai', state: 'answered', stateLabel: 'Đã trả lời', version: 4, receivedAt: '2026-12-01T02:00:00Z', dueAt: null,
    answer: 'Sở đã điều chỉnh.', publishedAt: null, verdict: null, verdictLabel: null, canRate: true, awaitingSupplement: false, timeline: [],
  };

  it('the public form, the follow-up form, the rating and supplement forms', async () => {
    const form = render(<FeedbackSubmitPage />);
    expectAllControlsLabelled(form.container);
    form.unmount();
    const follow = render(<FeedbackFollowPage />);
    expectAllControlsLabelled(follow.container);
    follow.unmount();
    installFakeApi().on('GET', /\/api\/public\/feedback\/[^/]+$/, { body: { ...PUBLIC_FEEDBACK, awaitingSupplement: true } });
    const { container } = render(<FeedbackFollowPage code="PAKN-1" secret="abc" />);
    await screen.findByRole('form', { name: 'Đánh giá kết quả trả lời' });
    expect(screen.getByRole('form', { name: 'Bổ sung thông tin' })).toBeInTheDocument();
    expectAllControlsLabelled(container);
  });

  it('the staff inbox with its filters', async () => {
    installFakeApi()
      .on('GET', '/api/departments', { body: DEPARTMENTS })
      .on('GET', '/api/procedures', { body: PROCEDURES })
      .on('GET', '/api/feedback', { body: { items: [feedbackItem()], total: 1, page: 1, pageSize: 20 } });
    const { container } = render(<FeedbackInboxPage />);
    await screen.findByText('Trần Thị Bình');
    expectAllControlsLabelled(container);
  });

  it.each(['CLASSIFY', 'ANSWER', 'CLOSE', 'REQUEST_SUPPLEMENT'] as FeedbackEventType[])('the detail page with the %s form open', async (type) => {
    const user = userEvent.setup();
    installFakeApi()
      .on('GET', '/api/departments', { body: DEPARTMENTS })
      .on('GET', '/api/procedures', { body: PROCEDURES })
      .on('GET', /\/api\/feedback\/[^/]+$/, { body: feedbackItem({ allowedEvents: ['CLASSIFY', 'REQUEST_SUPPLEMENT', 'ANSWER', 'PUBLISH', 'CLOSE'] }) })
      .on('GET', /\/api\/feedback\/[^/]+\/history$/, { body: [] });
    const { container } = render(<FeedbackPage id="7d1f0c2e-3b7a-4c55-9a43-2a9f0e6b1c11" />);
    await user.click(await screen.findByRole('button', { name: FEEDBACK_EVENT_LABELS_VI[type] }));
    expect(screen.getByRole('button', { name: 'Xác nhận' })).toBeInTheDocument();
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
    expect(parseRoute('#/gui-phan-anh')).toEqual({ name: 'feedback-new' });
    expect(parseRoute('#/theo-doi-phan-anh/PAKN-1/a%2Fb')).toEqual({ name: 'feedback-follow', code: 'PAKN-1', secret: 'a/b' });
    expect(parseRoute('#/phan-anh-kien-nghi/abc')).toEqual({ name: 'feedback', id: 'abc' });
    expect(parseRoute('#/nop-truc-tuyen')).toEqual({ name: 'submit' });
    expect(parseRoute('#/nop-truc-tuyen/dinh-danh/eyJ.a-b_c.d')).toEqual({ name: 'submit', identityToken: 'eyJ.a-b_c.d' });
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
