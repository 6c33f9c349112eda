import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../api/client';
import { resetCatalogueCache } from '../hooks/useCatalogue';
import { installFakeApi } from '../testing/fake-api';
import { DEPARTMENTS, dossier, PROCEDURES } from '../testing/fixtures';
import { CounterPage } from './CounterPage';

beforeEach(() => {
  setAuthHooks({ token: () => 'token', unauthorized: () => undefined });
  resetCatalogueCache();
});

const online = dossier({
  id: 'on-1',
  // A submission is known by its reference until the clerk accepts it (issue 12: the code at receipt).
  code: 'NOP-261126-AB12-CD34',
  submissionRef: 'NOP-261126-AB12-CD34',
  receiptCode: null,
  channel: 'online',
  state: 'submitted',
  stateLabel: 'Chờ tiếp nhận',
  version: 1,
  currentStep: null,
  appointmentAt: null,
  dueAt: null,
  allowedEvents: ['ACCEPT', 'REJECT', 'REQUEST_SUPPLEMENT', 'WITHDRAW'],
});

function backend() {
  const api = installFakeApi();
  api.on('GET', '/api/procedures', { body: PROCEDURES });
  api.on('GET', '/api/departments', { body: DEPARTMENTS });
  api.on('GET', '/api/dossiers', { body: { items: [online], total: 1, page: 1, pageSize: 100 } });
  return api;
}

describe('CounterPage', () => {
  it('shows the receipt (code and appointment) after creating, then a fresh form', async () => {
    const api = backend();
    api.on('POST', '/api/dossiers', {
      status: 201,
      body: dossier({ state: 'received', stateLabel: 'Đã tiếp nhận', appointmentAt: '2026-12-03T02:21:12.585Z', allowedEvents: ['COMPLETE_DIGITISATION'] }),
    });
    const user = userEvent.setup();
    render(<CounterPage tab="direct" />);
    await user.type(await screen.findByLabelText(/Tìm thủ tục/), 'mua bang');
    await waitFor(() => expect(screen.getByLabelText(/Thủ tục hành chính/)).toHaveValue('dang-ky-thong-tin-kq-mua-bang-nsnn'));
    await user.type(screen.getByLabelText(/Số định danh/), '012345678901');
    await user.type(screen.getByLabelText(/Họ và tên/), 'Nguyễn Văn Ánh');
    await user.click(screen.getByRole('button', { name: 'Tạo hồ sơ' }));
    const receipt = await screen.findByRole('region', { name: 'Đã tạo hồ sơ' });
    expect(within(receipt).getByText('000.00.20.H35-261126-0001')).toBeInTheDocument();
    expect(within(receipt).getByText('03/12/2026 09:21')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Đã tạo hồ sơ' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }));
    expect(screen.getByLabelText(/Họ và tên/)).toHaveValue('');
  });

  it('lists online dossiers waiting at the counter with only Accept, Reject and Request supplement', async () => {
    const api = backend();
    const user = userEvent.setup();
    render(<CounterPage tab="online" />);
    const item = (await screen.findByText('NOP-261126-AB12-CD34')).closest('li')!;
    const group = within(item).getByRole('group', { name: 'Thao tác với hồ sơ NOP-261126-AB12-CD34' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Tiếp nhận hồ sơ', 'Từ chối tiếp nhận', 'Yêu cầu bổ sung hồ sơ']);
    expect(screen.getByRole('link', { name: /Trực tuyến, bưu chính chờ tiếp nhận \(1\)/ })).toHaveAttribute('aria-current', 'page');

    await user.click(within(group).getByRole('button', { name: 'Từ chối tiếp nhận' }));
    await user.click(within(item).getByRole('button', { name: 'Xác nhận' }));
    expect(within(item).getByText('Vui lòng nhập lý do.')).toBeInTheDocument();
    expect(api.callsTo('POST', /\/events$/)).toHaveLength(0);

    api.on('POST', '/api/dossiers/on-1/events', { body: { ...online, code: 'H35-0101', receiptCode: 'H35-0101', state: 'received', stateLabel: 'Đã tiếp nhận', version: 2, appointmentAt: '2026-12-03T02:21:12.585Z', allowedEvents: [] } });
    api.on('GET', '/api/dossiers', { body: { items: [], total: 0, page: 1, pageSize: 100 } });
    await user.click(within(group).getByRole('button', { name: 'Tiếp nhận hồ sơ' }));
    await user.click(within(item).getByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findByText('Hồ sơ NOP-261126-AB12-CD34: Tiếp nhận hồ sơ. Mã hồ sơ: H35-0101. Ngày hẹn trả: 03/12/2026 09:21.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('NOP-261126-AB12-CD34')).not.toBeInTheDocument());
    expect(api.callsTo('POST', /\/events$/)[0].body).toEqual({ type: 'ACCEPT', expectedVersion: 1 });
  });
});
