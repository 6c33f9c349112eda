import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../api/client';
import { resetCatalogueCache } from '../hooks/useCatalogue';
import { apiError, installFakeApi } from '../testing/fake-api';
import { CLERK, DEPARTMENTS, dossier, dossierFile, HISTORY, PROCEDURES, resultFile } from '../testing/fixtures';
import { DossierPage } from './DossierPage';

beforeEach(() => {
  setAuthHooks({ token: () => 'token', unauthorized: () => undefined });
  resetCatalogueCache();
});

const ID = '330f0afb-7a99-4bcb-a080-3b71dfcfedd2';
const atStep2 = dossier({
  version: 3,
  deadlineStatus: 'due_soon',
  currentStep: { index: 1, key: 'phe-duyet-ky', name: 'Phê duyệt, ký kết quả', departmentCode: 'BGD', role: 'leader', count: 2 },
  stepDueAt: '2026-12-03T02:21:12.585Z',
  allowedEvents: ['SEND_BACK', 'ISSUE_RESULT'],
});

function backend() {
  const api = installFakeApi();
  api.on('GET', '/api/procedures', { body: PROCEDURES });
  api.on('GET', '/api/departments', { body: DEPARTMENTS });
  api.on('GET', `/api/dossiers/${ID}`, { body: atStep2 });
  api.on('GET', `/api/dossiers/${ID}/history`, { body: HISTORY });
  api.on('GET', `/api/dossiers/${ID}/files`, { body: [dossierFile(), resultFile()] });
  return api;
}

describe('DossierPage', () => {
  it('shows the header: code, procedure, applicant, appointment, state, current step and department', async () => {
    backend();
    render(<DossierPage id={ID} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Hồ sơ 000.00.20.H35-261126-0001' })).toBeInTheDocument();
    expect(await screen.findByText(/Thủ tục đăng ký thông tin kết quả nghiên cứu/)).toBeInTheDocument();
    expect(screen.getByText('Nguyễn Văn Ánh')).toBeInTheDocument();
    expect(screen.getByText('03/12/2026 09:21')).toBeInTheDocument();
    expect(screen.getAllByText('Đang xử lý')[0]).toBeInTheDocument();
    expect(screen.getAllByText('Sắp đến hạn')[0]).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/Bước 2\/2: Phê duyệt, ký kết quả — Ban Giám đốc Sở/)).toBeInTheDocument());
  });

  it('marks an appointment computed without an official holiday notice as provisional', async () => {
    const api = backend();
    render(<DossierPage id={ID} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Hồ sơ 000.00.20.H35-261126-0001' })).toBeInTheDocument();
    expect(screen.queryByText('Tạm tính')).not.toBeInTheDocument();
    api.on('GET', `/api/dossiers/${ID}`, { body: { ...atStep2, provisional: true } });
    const { unmount } = render(<DossierPage id={ID} />);
    expect(await screen.findByText('Tạm tính')).toHaveAttribute('title', expect.stringContaining('chưa có thông báo chính thức'));
    unmount();
  });

  it('renders the history as a timeline with the late step highlighted', async () => {
    backend();
    render(<DossierPage id={ID} />);
    const history = await screen.findByRole('region', { name: 'Lịch sử xử lý' });
    const items = within(history).getAllByRole('listitem').filter((li) => li.classList.contains('timeline-item'));
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(['Tạo hồ sơ', 'Hoàn thành số hóa', 'Chuyển bước tiếp theo']);
    expect(items[2]).toHaveClass('timeline-item--late');
    expect(within(items[2]).getByText('Có bước trễ hạn')).toBeInTheDocument();
    expect(within(items[2]).getByText(/Kết thúc bước «Thẩm định hồ sơ, dự thảo kết quả» \(Phòng Quản lý khoa học\): hạn 01\/12\/2026 09:21, xong 02\/12\/2026 10:00/)).toBeInTheDocument();
    expect(within(items[2]).getByText('Ghi chú: Hồ sơ đạt yêu cầu')).toBeInTheDocument();
    expect(within(items[0]).getByText('26/11/2026 09:21')).toBeInTheDocument();

    const steps = await screen.findByRole('region', { name: 'Các bước xử lý' });
    const stepItems = within(steps).getAllByRole('listitem');
    expect(stepItems[0]).toHaveClass('step--late');
    expect(stepItems[1]).toHaveAttribute('aria-current', 'step');
  });

  it('offers only the allowed actions and, on a conflict, reloads and keeps the typed reason', async () => {
    const api = backend();
    api.on('POST', `/api/dossiers/${ID}/events`, apiError(409, 'VERSION_CONFLICT', 'Dossier is at version 4, not 3', { currentVersion: 4 }));
    const user = userEvent.setup();
    render(<DossierPage id={ID} />);
    const actions = await screen.findByRole('group', { name: /Thao tác với hồ sơ/ });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Trả lại bước trước', 'Ban hành kết quả']);
    await user.click(within(actions).getByRole('button', { name: 'Trả lại bước trước' }));
    await user.type(screen.getByLabelText(/Lý do trả lại bước trước/), 'Thiếu ý kiến thẩm định');
    const loadsBefore = api.callsTo('GET', `/api/dossiers/${ID}`).length;
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findByText(/Hồ sơ vừa được người khác cập nhật/)).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('GET', `/api/dossiers/${ID}`).length).toBe(loadsBefore + 1));
    expect(screen.getByLabelText(/Lý do trả lại bước trước/)).toHaveValue('Thiếu ý kiến thẩm định');
  });

  it('after an action, shows the new state and the refreshed history', async () => {
    const api = backend();
    const issued = dossier({ version: 4, state: 'result_issued', stateLabel: 'Đã có kết quả', currentStep: null, outcome: 'early', processingEndedAt: '2026-12-02T04:00:00Z', allowedEvents: [] });
    api.on('POST', `/api/dossiers/${ID}/events`, { body: issued });
    const user = userEvent.setup();
    render(<DossierPage id={ID} />);
    await user.click(await screen.findByRole('button', { name: 'Ban hành kết quả' }));
    api.on('GET', `/api/dossiers/${ID}/history`, {
      body: [
        ...HISTORY,
        { version: 4, type: 'ISSUE_RESULT', typeLabel: 'Ban hành kết quả', from: 'processing', to: 'result_issued', toLabel: 'Đã có kết quả', stepFrom: 1, stepTo: null, actor: { id: 'l', username: 'leader', fullName: 'Phạm Quang Huy', title: 'Giám đốc' }, at: '2026-12-02T04:00:00Z', payload: {}, details: { outcome: 'early' } },
      ],
    });
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findByText('Kết quả xử lý: Trước hạn')).toBeInTheDocument();
    expect(screen.getAllByText('Đã có kết quả')[0]).toBeInTheDocument();
    expect(screen.getByText('Bạn không có thao tác nào với hồ sơ ở bước này.')).toBeInTheDocument();
  });

  it('explains a missing dossier in Vietnamese', async () => {
    const api = backend();
    api.on('GET', `/api/dossiers/${ID}`, apiError(404, 'NOT_FOUND', `Dossier ${ID} not found`));
    render(<DossierPage id={ID} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Không tìm thấy hồ sơ hoặc bạn không có quyền xem hồ sơ này.');
  });

  it('leader without a result file: “Ban hành kết quả” says why it waits; the result panel is there', async () => {
    const api = backend();
    api.on('GET', `/api/dossiers/${ID}/files`, { body: [dossierFile()] });
    render(<DossierPage id={ID} />);
    const issue = await screen.findByRole('button', { name: 'Ban hành kết quả' });
    await waitFor(() => expect(issue).toHaveAttribute('aria-disabled', 'true'));
    expect(issue).toHaveAccessibleDescription(/cần tải lên tệp kết quả giải quyết/);
    expect(screen.getByRole('region', { name: 'Kết quả giải quyết' })).toBeInTheDocument();
    expect(screen.getByLabelText('Tệp kết quả giải quyết (PDF)')).toBeInTheDocument();
    const files = screen.getByRole('region', { name: 'Tệp của hồ sơ' });
    expect(within(files).getByText('phieu-dang-ky.pdf')).toBeInTheDocument();
  });

  it('clerk, dossier at the counter: checklist, lookup link, receipt and payment', async () => {
    const api = backend();
    api.on('GET', `/api/dossiers/${ID}`, {
      body: dossier({ state: 'received', stateLabel: 'Đã tiếp nhận', version: 1, currentStep: null, allowedEvents: ['COMPLETE_DIGITISATION', 'WITHDRAW'], feeApplies: true, paymentMethod: null, publicLookupUrl: 'http://mc.example/#/tra-cuu/000.00.20.H35-261126-0001/abc' }),
    });
    api.on('GET', `/api/dossiers/${ID}/files`, { body: [] });
    api.on('GET', /\/api\/applicants\/.*\/files$/, { body: [] });
    api.on('POST', `/api/dossiers/${ID}/payment`, apiError(409, 'ALREADY_PAID', 'The payment of this dossier is already recorded'));
    const user = userEvent.setup();
    render(<DossierPage id={ID} user={CLERK} />);
    expect(await screen.findByRole('region', { name: 'Thành phần hồ sơ' })).toBeInTheDocument();
    expect(screen.getByTestId('public-lookup-url')).toHaveAttribute('href', 'http://mc.example/#/tra-cuu/000.00.20.H35-261126-0001/abc');
    expect(screen.getByRole('button', { name: 'In giấy tiếp nhận' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Hoàn thành số hóa' })).toHaveAttribute('aria-disabled', 'true'));

    const payment = screen.getByRole('form', { name: 'Ghi nhận thanh toán' });
    await user.click(within(payment).getByRole('button', { name: 'Ghi nhận thanh toán' }));
    expect(within(payment).getByLabelText(/Hình thức thanh toán/)).toHaveAccessibleDescription('Vui lòng chọn hình thức thanh toán.');
    await user.selectOptions(within(payment).getByLabelText(/Hình thức thanh toán/), 'national_portal');
    await user.type(within(payment).getByLabelText('Số tiền (đồng)'), '150.000');
    await user.click(within(payment).getByRole('button', { name: 'Ghi nhận thanh toán' }));
    expect(await within(payment).findByRole('alert')).toHaveTextContent('Hồ sơ đã được ghi nhận thanh toán phí, lệ phí trước đó.');
    expect(api.callsTo('POST', /\/payment$/)[0].body).toEqual({ method: 'national_portal', amountVnd: 150000 });
  });

  it('payment recorded: shows how it was paid', async () => {
    const api = backend();
    api.on('GET', `/api/dossiers/${ID}`, { body: atStep2 });
    api.on('POST', `/api/dossiers/${ID}/payment`, { status: 201, body: { method: 'counter', amountVnd: 200000, reference: 'BL-01', paidAt: '2026-11-26T03:00:00.000Z' } });
    const user = userEvent.setup();
    render(<DossierPage id={ID} user={CLERK} />);
    await user.selectOptions(await screen.findByLabelText(/Hình thức thanh toán/), 'counter');
    await user.type(screen.getByLabelText('Mã giao dịch, số biên lai'), 'BL-01');
    await user.click(screen.getByRole('button', { name: 'Ghi nhận thanh toán' }));
    expect(await screen.findByText('Đã ghi nhận thanh toán phí, lệ phí.')).toBeInTheDocument();
    expect(screen.getByText('Nộp tại Bộ phận Một cửa')).toBeInTheDocument();
    expect(screen.getByText('200.000 đ')).toBeInTheDocument();
  });
});
