import '@testing-library/jest-dom';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../api/client';
import { resetCatalogueCache } from '../hooks/useCatalogue';
import { installFakeApi } from '../testing/fake-api';
import { CLERK, DEPARTMENTS, dossier, PROCEDURES, SPECIALIST } from '../testing/fixtures';
import { INBOX_REFRESH_MS, InboxPage } from './InboxPage';

beforeEach(() => {
  setAuthHooks({ token: () => 'token', unauthorized: () => undefined });
  resetCatalogueCache();
});
afterEach(() => jest.useRealTimers());

const ITEMS = [
  dossier({ id: 'a', code: 'H35-0001', deadlineStatus: 'overdue', applicant: { fullName: 'Quàng Văn Sướng', idNumber: '011111111111', phone: null, email: null, address: null } }),
  dossier({ id: 'b', code: 'H35-0002', deadlineStatus: 'due_soon' }),
  dossier({ id: 'c', code: 'H35-0003', deadlineStatus: 'on_track' }),
];

function backend(items = ITEMS) {
  const api = installFakeApi();
  api.on('GET', '/api/procedures', { body: PROCEDURES });
  api.on('GET', '/api/departments', { body: DEPARTMENTS });
  api.on('GET', '/api/dossiers', { body: { items, total: items.length, page: 1, pageSize: 20 } });
  api.on('GET', '/api/dossiers/tab-counts', { body: { open: items.length, due_soon: 1, overdue: 1, awaiting_return: 0, closed: 4 } });
  api.on('GET', '/api/saved-filters', { body: [] });
  return api;
}

const listCalls = (api: ReturnType<typeof backend>) => api.calls.filter((c) => c.path === '/api/dossiers' || c.path.startsWith('/api/dossiers?'));

describe('InboxPage', () => {
  it('lists dossiers in the server order with due-soon and overdue badges', async () => {
    backend();
    render(<InboxPage user={CLERK} />);
    const table = await screen.findByRole('table');
    await within(table).findByText('H35-0001');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['H35-0001', 'H35-0002', 'H35-0003']);
    expect(within(rows[0]).getByText('Quá hạn')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Sắp đến hạn')).toBeInTheDocument();
    expect(within(rows[2]).queryByText(/hạn$/)).not.toBeInTheDocument();
    expect(within(rows[0]).getByRole('link', { name: 'H35-0001' })).toHaveAttribute('href', '#/ho-so/a');
    expect(within(rows[0]).getByText(/Phòng Quản lý khoa học/)).toBeInTheDocument();
    expect(within(rows[0]).getByText('03/12/2026 09:21')).toBeInTheDocument();
  });

  it('labels every filter; a clerk has no "mine" filter, a specialist starts with it on', async () => {
    backend();
    const { unmount } = render(<InboxPage user={CLERK} />);
    for (const label of [/Tìm theo mã hồ sơ/, /Trạng thái/, /Thời hạn/]) expect(screen.getByLabelText(label)).toBeInTheDocument();
    expect(screen.queryByLabelText(/Chỉ hồ sơ đang chờ đơn vị tôi/)).not.toBeInTheDocument();
    await screen.findByText('H35-0001');
    unmount();
    render(<InboxPage user={SPECIALIST} />);
    expect(screen.getByLabelText(/Chỉ hồ sơ đang chờ đơn vị tôi/)).toBeChecked();
    await screen.findByText('H35-0001');
  });

  it('sends the filters to the server', async () => {
    const api = backend();
    const user = userEvent.setup();
    render(<InboxPage user={SPECIALIST} />);
    await screen.findByText('H35-0001');
    await user.selectOptions(screen.getByLabelText(/Trạng thái/), 'processing');
    await user.selectOptions(screen.getByLabelText(/Thời hạn/), 'due_soon');
    await user.type(screen.getByLabelText(/Tìm theo mã hồ sơ/), 'Sướng{Enter}');
    await waitFor(() => {
      const last = new URL(listCalls(api).at(-1)!.path, 'http://x');
      expect(Object.fromEntries(last.searchParams)).toEqual({ state: 'processing', deadlineStatus: 'due_soon', mine: 'true', text: 'Sướng', tab: 'open', page: '1', pageSize: '20' });
    });
    await user.click(screen.getByLabelText(/Chỉ hồ sơ đang chờ đơn vị tôi/));
    await waitFor(() => expect(new URL(listCalls(api).at(-1)!.path, 'http://x').searchParams.has('mine')).toBe(false));
  });

  it('refreshes itself every 20 seconds without a reload', async () => {
    jest.useFakeTimers();
    const api = backend([ITEMS[2]]);
    render(<InboxPage user={CLERK} />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(400);
    });
    expect(screen.getByText('H35-0003')).toBeInTheDocument();
    const before = listCalls(api).length;
    api.on('GET', '/api/dossiers', { body: { items: ITEMS, total: 3, page: 1, pageSize: 20 } });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(INBOX_REFRESH_MS);
    });
    expect(listCalls(api).length).toBe(before + 1);
    expect(screen.getByText('H35-0001')).toBeInTheDocument();
    expect(screen.getByText('Quá hạn', { selector: '.badge' })).toBeInTheDocument();
  });

  it('shows a failed refresh in Vietnamese and keeps the last list', async () => {
    jest.useFakeTimers();
    const api = backend();
    render(<InboxPage user={CLERK} />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(400);
    });
    api.on('GET', '/api/dossiers', () => Promise.reject(new TypeError('Failed to fetch')));
    await act(async () => {
      await jest.advanceTimersByTimeAsync(INBOX_REFRESH_MS);
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Không kết nối được máy chủ');
    expect(screen.getByText('H35-0001')).toBeInTheDocument();
  });

  it('opens on open work, shows the API counts on the tabs, and sends the chosen tab', async () => {
    const api = backend([dossier({ id: 'a', code: 'H35-0001', stepDueAt: '2026-12-03T02:21:12Z', stepWorkingMinutesLeft: -45 } as never)]);
    const user = userEvent.setup();
    render(<InboxPage user={CLERK} />);
    await screen.findByText('H35-0001');
    expect(screen.getByRole('tab', { name: /Chờ xử lý/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('tab-count-open')).toHaveTextContent('1');
    expect(screen.getByTestId('tab-count-closed')).toHaveTextContent('4');
    expect(screen.getByTestId('tab-count-all')).toHaveTextContent('5');
    expect(screen.getByText('quá 45 phút')).toBeInTheDocument();
    // The counts are asked with the list's filters, without its tab and paging.
    expect(api.callsTo('GET', '/api/dossiers/tab-counts').at(-1)!.path).toBe('/api/dossiers/tab-counts');
    await user.click(screen.getByRole('tab', { name: /Đã kết thúc/ }));
    await waitFor(() => expect(new URL(listCalls(api).at(-1)!.path, 'http://x').searchParams.get('tab')).toBe('closed'));
    await user.click(screen.getByRole('tab', { name: /Tất cả/ }));
    await waitFor(() => expect(new URL(listCalls(api).at(-1)!.path, 'http://x').searchParams.has('tab')).toBe(false));
  });

  it('announces new open work found by polling', async () => {
    jest.useFakeTimers();
    const api = backend();
    render(<InboxPage user={CLERK} />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(400);
    });
    expect(screen.queryByText(/hồ sơ mới cần xử lý/)).not.toBeInTheDocument();
    api.on('GET', '/api/dossiers/tab-counts', { body: { open: 5, due_soon: 1, overdue: 1, awaiting_return: 0, closed: 4 } });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(INBOX_REFRESH_MS);
    });
    expect(screen.getByText(/Có 2 hồ sơ mới cần xử lý/)).toBeInTheDocument();
  });

  it('forwards the selected dossiers one by one, each with its version, and lists those the server refused', async () => {
    const forwardable = (id: string, code: string, version: number) => dossier({ id, code, version, allowedEvents: ['FORWARD', 'SEND_BACK'] });
    const api = backend([forwardable('a', 'H35-0001', 4), forwardable('b', 'H35-0002', 7), dossier({ id: 'c', code: 'H35-0003', allowedEvents: [] })]);
    api.on('POST', '/api/dossiers/a/events', { body: dossier({ id: 'a' }) });
    api.on('POST', '/api/dossiers/b/events', { status: 409, body: { statusCode: 409, error: 'VERSION_CONFLICT', message: 'stale' } });
    const user = userEvent.setup();
    render(<InboxPage user={SPECIALIST} />);
    await screen.findByText('H35-0001');
    expect(screen.queryByLabelText('Chọn hồ sơ H35-0003')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Chọn hồ sơ H35-0001'));
    await user.click(screen.getByLabelText('Chọn hồ sơ H35-0002'));
    await user.type(screen.getByLabelText(/Ghi chú chuyển bước cho các hồ sơ đã chọn/), 'Đạt yêu cầu');
    await user.click(screen.getByRole('button', { name: 'Chuyển bước 2 hồ sơ đã chọn' }));
    expect(await screen.findByText('Đã chuyển bước 1/2 hồ sơ.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/H35-0002: Hồ sơ vừa được người khác cập nhật/);
    expect(api.callsTo('POST', '/api/dossiers/a/events')[0].body).toEqual({ type: 'FORWARD', expectedVersion: 4, note: 'Đạt yêu cầu' });
    expect(api.callsTo('POST', '/api/dossiers/b/events')[0].body).toEqual({ type: 'FORWARD', expectedVersion: 7, note: 'Đạt yêu cầu' });
  });

  it('shows who holds each dossier, claims one with its version, and filters by "của tôi"', async () => {
    const api = backend([
      dossier({ id: 'a', code: 'H35-0001', version: 5, assignmentActions: ['CLAIM'] }),
      dossier({ id: 'b', code: 'H35-0002', assignee: { id: 'u-2', fullName: 'Lò Thị Mai' }, assignmentActions: [] }),
    ]);
    api.on('POST', '/api/dossiers/a/claim', { body: dossier({ id: 'a', assignee: { id: 'u-spec', fullName: 'Trần Văn Đức' } }) });
    const user = userEvent.setup();
    render(<InboxPage user={SPECIALIST} />);
    const table = await screen.findByRole('table');
    await within(table).findByText('Lò Thị Mai');
    expect(within(table).getByText('Chưa giao')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nhận xử lý hồ sơ H35-0002' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nhận xử lý hồ sơ H35-0001' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/dossiers/a/claim')[0]?.body).toEqual({ expectedVersion: 5 }));
    await user.selectOptions(screen.getByLabelText('Người xử lý'), 'Của tôi');
    await waitFor(() => expect(new URL(listCalls(api).at(-1)!.path, 'http://x').searchParams.get('assignedTo')).toBe('me'));
  });

  it('saves the current filters under a name and applies a saved one', async () => {
    const api = backend();
    const saved = { id: 'f1', name: 'Quá hạn chưa giao', query: { tab: 'overdue', assignedTo: 'nobody', text: 'lò văn' }, createdAt: '2026-12-01T00:00:00Z' };
    api.on('POST', '/api/saved-filters', { status: 201, body: { ...saved, id: 'f2', name: 'Của tôi', query: { tab: 'open', assignedTo: 'me' } } });
    const user = userEvent.setup();
    render(<InboxPage user={CLERK} />);
    await screen.findByText('H35-0001');
    await user.selectOptions(screen.getByLabelText('Người xử lý'), 'Của tôi');
    await user.type(screen.getByLabelText('Tên bộ lọc mới'), 'Của tôi');
    api.on('GET', '/api/saved-filters', { body: [saved] });
    await user.click(screen.getByRole('button', { name: 'Lưu bộ lọc hiện tại' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/saved-filters')[0]?.body).toEqual({ name: 'Của tôi', query: { tab: 'open', assignedTo: 'me' } }));
    expect(await screen.findByText('Đã lưu bộ lọc «Của tôi».')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Bộ lọc đã lưu'), 'Quá hạn chưa giao');
    await waitFor(() => {
      const q = new URL(listCalls(api).at(-1)!.path, 'http://x').searchParams;
      expect([q.get('tab'), q.get('assignedTo'), q.get('text')]).toEqual(['overdue', 'nobody', 'lò văn']);
    });
    expect(screen.getByLabelText(/Tìm theo mã hồ sơ/)).toHaveValue('lò văn');
  });
});
