import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../api/client';
import type { Dossier, EventType } from '../api/types';
import { EVENT_LABELS } from '../format/labels';
import { apiError, installFakeApi } from '../testing/fake-api';
import { dossier } from '../testing/fixtures';
import { EventPanel } from './EventPanel';

beforeEach(() => setAuthHooks({ token: () => 'token', unauthorized: () => undefined }));

function renderPanel(d: Dossier, extra: { onChanged?: jest.Mock; reload?: jest.Mock } = {}) {
  const onChanged = extra.onChanged ?? jest.fn();
  const reload = extra.reload ?? jest.fn(async () => undefined);
  const utils = render(<EventPanel dossier={d} onChanged={onChanged} reload={reload} />);
  return { ...utils, onChanged, reload };
}

const ALL: EventType[] = Object.keys(EVENT_LABELS) as EventType[];

describe('EventPanel', () => {
  it('shows exactly the events the server allows, as buttons', () => {
    const allowed: EventType[] = ['FORWARD', 'REQUEST_SUPPLEMENT', 'REFUSE'];
    renderPanel(dossier({ allowedEvents: allowed }));
    const group = screen.getByRole('group', { name: /Thao tác với hồ sơ/ });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(allowed.map((e) => EVENT_LABELS[e]));
    for (const other of ALL.filter((e) => !allowed.includes(e))) {
      expect(screen.queryByRole('button', { name: EVENT_LABELS[other] })).not.toBeInTheDocument();
    }
  });

  it('says so when nothing is allowed', () => {
    renderPanel(dossier({ allowedEvents: [] }));
    expect(screen.getByText('Bạn không có thao tác nào với hồ sơ ở bước này.')).toBeInTheDocument();
  });

  it.each<[EventType, string[]]>([
    ['REJECT', ['Lý do từ chối tiếp nhận']],
    ['SEND_BACK', ['Lý do trả lại bước trước']],
    ['REQUEST_SUPPLEMENT', ['Lý do và nội dung cần bổ sung']],
    ['REFUSE', ['Lý do từ chối giải quyết']],
    ['STOP', ['Lý do dừng xử lý']],
    ['WITHDRAW', ['Lý do rút hồ sơ']],
    ['FORWARD', ['Ghi chú chuyển bước (không bắt buộc)']],
    ['SUPPLEMENT_RECEIVED', ['Ghi chú về hồ sơ bổ sung (không bắt buộc)']],
    ['ISSUE_RESULT', ['Ghi chú về kết quả (không bắt buộc)']],
    ['RETURN_RESULT', ['Hình thức trả kết quả']],
    ['APOLOGISE', ['Lý do xin lỗi, hẹn lại', 'Ngày giờ hẹn trả mới (giờ Việt Nam)']],
    ['ACCEPT', []],
    ['COMPLETE_DIGITISATION', []],
  ])('%s opens its own form with labelled controls', async (type, labels) => {
    const user = userEvent.setup();
    renderPanel(dossier({ allowedEvents: ALL }));
    const button = screen.getByRole('button', { name: EVENT_LABELS[type] });
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const form = screen.getByRole('form', { name: EVENT_LABELS[type] });
    for (const label of labels) expect(within(form).getByLabelText(new RegExp(label.replace(/[()]/g, '\\$&')))).toBeInTheDocument();
    const controls = form.querySelectorAll('input, select, textarea');
    expect(controls).toHaveLength(labels.length);
    expect(within(form).getByRole('button', { name: 'Xác nhận' })).toBeInTheDocument();
  });

  it('requires a reason for REJECT and sends nothing without one', async () => {
    const api = installFakeApi();
    const user = userEvent.setup();
    renderPanel(dossier({ state: 'submitted', stateLabel: 'Chờ tiếp nhận', allowedEvents: ['ACCEPT', 'REJECT', 'REQUEST_SUPPLEMENT'], version: 1 }));
    await user.click(screen.getByRole('button', { name: 'Từ chối tiếp nhận' }));
    await user.type(screen.getByLabelText(/Lý do từ chối tiếp nhận/), '   ');
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(screen.getByText('Vui lòng nhập lý do.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Lý do từ chối tiếp nhận/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Lý do từ chối tiếp nhận/)).toHaveAccessibleDescription('Vui lòng nhập lý do.');
    expect(api.calls).toHaveLength(0);
  });

  it('requires a method for RETURN_RESULT and a later date for APOLOGISE', async () => {
    installFakeApi();
    const user = userEvent.setup();
    renderPanel(dossier({ allowedEvents: ['RETURN_RESULT', 'APOLOGISE'] }));
    await user.click(screen.getByRole('button', { name: 'Trả kết quả' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(screen.getByText('Vui lòng chọn hình thức trả kết quả.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: EVENT_LABELS.APOLOGISE }));
    await user.type(screen.getByLabelText(/Lý do xin lỗi/), 'Cần xin ý kiến bộ ngành');
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(screen.getByText('Vui lòng nhập ngày giờ hẹn trả mới.')).toBeInTheDocument();
  });

  it('sends the event with the version it saw and reports success', async () => {
    const api = installFakeApi();
    const next = dossier({ version: 3, allowedEvents: [] });
    api.on('POST', /\/events$/, { body: next });
    const user = userEvent.setup();
    const { onChanged } = renderPanel(dossier({ version: 2, allowedEvents: ['FORWARD'] }));
    await user.click(screen.getByRole('button', { name: 'Chuyển bước tiếp theo' }));
    await user.type(screen.getByLabelText(/Ghi chú chuyển bước/), 'Hồ sơ đạt');
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(next));
    expect(api.callsTo('POST', /\/events$/)[0].body).toEqual({ type: 'FORWARD', expectedVersion: 2, note: 'Hồ sơ đạt' });
    expect(screen.getByRole('status')).toHaveTextContent('Đã thực hiện: Chuyển bước tiếp theo.');
  });

  it('a supplementation request sends the components ticked, each with what is missing', async () => {
    const api = installFakeApi();
    api.on('POST', /\/events$/, { body: dossier({ version: 3, allowedEvents: [] }) });
    const user = userEvent.setup();
    const components = [
      { key: 'phieu', name: 'Phiếu đăng ký' },
      { key: 'hop-dong', name: 'Bản sao hợp đồng' },
      { key: 'giay-phep', name: 'Giấy phép' },
    ];
    render(<EventPanel dossier={dossier({ version: 2, allowedEvents: ['REQUEST_SUPPLEMENT'] })} onChanged={jest.fn()} reload={jest.fn()} components={components} />);
    await user.click(screen.getByRole('button', { name: EVENT_LABELS.REQUEST_SUPPLEMENT }));
    await user.type(screen.getByLabelText(/Lý do và nội dung cần bổ sung/), 'Hồ sơ chưa đủ');
    await user.click(screen.getByRole('checkbox', { name: 'Bản sao hợp đồng' }));
    await user.type(screen.getByLabelText('Nội dung cần bổ sung: Bản sao hợp đồng'), 'Bản sao có chứng thực');
    await user.click(screen.getByRole('checkbox', { name: 'Giấy phép' }));
    await user.click(screen.getByRole('checkbox', { name: 'Phiếu đăng ký' }));
    await user.click(screen.getByRole('checkbox', { name: 'Phiếu đăng ký' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(api.callsTo('POST', /\/events$/)).toHaveLength(1));
    expect(api.callsTo('POST', /\/events$/)[0].body).toEqual({
      type: 'REQUEST_SUPPLEMENT',
      expectedVersion: 2,
      reason: 'Hồ sơ chưa đủ',
      components: [{ key: 'hop-dong', requirement: 'Bản sao có chứng thực' }, { key: 'giay-phep' }],
    });
  });

  it('on VERSION_CONFLICT reloads the dossier and keeps what the user typed', async () => {
    const api = installFakeApi();
    api.on('POST', /\/events$/, apiError(409, 'VERSION_CONFLICT', 'Dossier is at version 3, not 2', { currentVersion: 3 }));
    const user = userEvent.setup();
    const reload = jest.fn(async () => undefined);
    const { rerender, onChanged } = renderPanel(dossier({ version: 2, allowedEvents: ['REFUSE', 'FORWARD'] }), { reload });
    await user.click(screen.getByRole('button', { name: 'Từ chối giải quyết' }));
    await user.type(screen.getByLabelText(/Lý do từ chối giải quyết/), 'Không đủ điều kiện theo quy định');
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findByText(/Hồ sơ vừa được người khác cập nhật/)).toBeInTheDocument();
    expect(reload).toHaveBeenCalledTimes(1);
    // The parent hands in the reloaded dossier: same form, same text, new version used next time.
    rerender(<EventPanel dossier={dossier({ version: 3, allowedEvents: ['REFUSE', 'FORWARD'] })} onChanged={onChanged} reload={reload} />);
    expect(screen.getByLabelText(/Lý do từ chối giải quyết/)).toHaveValue('Không đủ điều kiện theo quy định');
    api.on('POST', /\/events$/, { body: dossier({ version: 4, state: 'refused', allowedEvents: [] }) });
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.callsTo('POST', /\/events$/)[1].body).toMatchObject({ type: 'REFUSE', expectedVersion: 3, reason: 'Không đủ điều kiện theo quy định' });
  });

  it('tells the user when the reloaded dossier no longer allows the chosen action', async () => {
    installFakeApi().on('POST', /\/events$/, apiError(409, 'VERSION_CONFLICT'));
    const user = userEvent.setup();
    const { rerender, onChanged, reload } = renderPanel(dossier({ allowedEvents: ['FORWARD'] }));
    await user.click(screen.getByRole('button', { name: 'Chuyển bước tiếp theo' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await screen.findByText(/Hồ sơ vừa được người khác cập nhật/);
    rerender(<EventPanel dossier={dossier({ version: 3, stateLabel: 'Đã có kết quả', allowedEvents: [] })} onChanged={onChanged} reload={reload} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Thao tác «Chuyển bước tiếp theo» không còn được phép với trạng thái hiện tại của hồ sơ (Đã có kết quả).');
  });

  it('shows a server validation message next to the field and keeps the text', async () => {
    installFakeApi().on('POST', /\/events$/, apiError(400, 'BAD_REQUEST', 'STOP: reason must be at most 2000 characters'));
    const user = userEvent.setup();
    renderPanel(dossier({ allowedEvents: ['STOP'] }));
    await user.click(screen.getByRole('button', { name: 'Dừng xử lý' }));
    await user.type(screen.getByLabelText(/Lý do dừng xử lý/), 'Tổ chức đề nghị dừng');
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findByText('Tối đa 2000 ký tự.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Lý do dừng xử lý/)).toHaveValue('Tổ chức đề nghị dừng');
  });

  it('sends APOLOGISE with the new appointment as a +07:00 instant', async () => {
    const api = installFakeApi();
    api.on('POST', /\/events$/, { body: dossier({ version: 3 }) });
    const user = userEvent.setup();
    renderPanel(dossier({ allowedEvents: ['APOLOGISE'], appointmentAt: '2026-12-03T02:21:12.585Z' }));
    await user.click(screen.getByRole('button', { name: EVENT_LABELS.APOLOGISE }));
    await user.type(screen.getByLabelText(/Lý do xin lỗi/), 'Chờ ý kiến bộ ngành');
    const date = screen.getByLabelText(/Ngày giờ hẹn trả mới/);
    expect(date).toHaveAccessibleDescription('Ngày hẹn hiện tại: 03/12/2026 09:21');
    await user.clear(date);
    await user.type(date, '2099-12-10T16:30');
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(api.callsTo('POST', /\/events$/)).toHaveLength(1));
    expect(api.calls[0].body).toEqual({ type: 'APOLOGISE', expectedVersion: 2, reason: 'Chờ ý kiến bộ ngành', newAppointment: '2099-12-10T16:30:00+07:00' });
  });
});
