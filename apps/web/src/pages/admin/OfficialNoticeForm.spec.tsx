import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../../api/client';
import { installFakeApi } from '../../testing/fake-api';
import { OfficialNoticeForm } from './OfficialNoticeForm';

beforeEach(() => setAuthHooks({ token: () => 'token', unauthorized: () => undefined }));

const CSV = 'date,kind,name\n2027-01-01,holiday,Tết Dương lịch\n';

describe('OfficialNoticeForm', () => {
  it('sends the file text with its format; shows a refused line in Vietnamese, then how many dossiers moved', async () => {
    const user = userEvent.setup();
    let refuse = true;
    const api = installFakeApi()
      .on('GET', '/api/admin/calendar/official', { body: [] })
      .on('POST', '/api/admin/calendar/official/2027', () =>
        refuse
          ? { status: 422, body: { statusCode: 422, error: 'INVALID_SCHEDULE_FILE', message: 'line 2: bad', details: { line: 2 } } }
          : { status: 200, body: { year: 2027, official: true, dossiersChanged: 3, changes: [] } },
      );
    render(<OfficialNoticeForm />);
    const form = screen.getByRole('form', { name: 'Nạp lịch nghỉ chính thức' });
    await user.clear(within(form).getByLabelText(/Năm/));
    await user.click(within(form).getByRole('button', { name: 'Nạp lịch nghỉ' }));
    expect(within(form).getByLabelText(/Năm/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText('Chọn tệp lịch nghỉ (.csv hoặc .json).')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/admin/calendar/official/2027')).toHaveLength(0);

    await user.type(within(form).getByLabelText(/Năm/), '2027');
    await user.type(within(form).getByLabelText(/Thông báo/), 'Thông báo 1234/TB-BNV');
    await user.upload(within(form).getByLabelText(/Tệp lịch nghỉ/), new File([CSV], 'lich-2027.csv', { type: 'text/csv' }));
    await user.click(within(form).getByRole('button', { name: 'Nạp lịch nghỉ' }));
    expect(await within(form).findByText(/có lỗi ở dòng 2 nên chưa được nạp/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/admin/calendar/official/2027')[0].body).toEqual({ format: 'csv', content: CSV, reference: 'Thông báo 1234/TB-BNV' });

    refuse = false;
    await user.click(within(form).getByRole('button', { name: 'Nạp lịch nghỉ' }));
    expect(await screen.findByText('Đã nạp lịch nghỉ chính thức năm 2027: 3 hồ sơ được tính lại hạn.')).toBeInTheDocument();
  });
});
