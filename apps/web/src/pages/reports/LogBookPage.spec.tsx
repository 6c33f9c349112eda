import '@testing-library/jest-dom';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../../api/client';
import { resetCatalogueCache } from '../../hooks/useCatalogue';
import { installBlobUrls, installFakeApi } from '../../testing/fake-api';
import { DEPARTMENTS, PROCEDURES } from '../../testing/fixtures';
import { LogBookPage } from './LogBookPage';

beforeEach(() => {
  setAuthHooks({ token: () => 'token', unauthorized: () => undefined });
  resetCatalogueCache();
});

describe('LogBookPage', () => {
  it('checks the period typed dd/mm/yyyy, then downloads the book of that period and procedure', async () => {
    const api = installFakeApi()
      .on('GET', '/api/procedures', { body: PROCEDURES })
      .on('GET', '/api/departments', { body: DEPARTMENTS })
      .on('GET', '/api/reports/log-book', { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', blob: new Blob(['xlsx']) });
    const urls = installBlobUrls();
    const user = userEvent.setup();
    render(<LogBookPage />);
    const from = screen.getByLabelText(/Từ ngày/);
    const to = screen.getByLabelText(/Đến ngày/);
    await user.clear(from);
    await user.type(from, '15/12/2026');
    await user.clear(to);
    await user.type(to, '01/12/2026');
    expect(screen.getByText('Ngày kết thúc không được trước ngày bắt đầu.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tải sổ (Excel)' })).not.toBeInTheDocument();

    await user.clear(to);
    await user.type(to, '31/12/2026');
    await user.selectOptions(await screen.findByLabelText('Thủ tục'), PROCEDURES[0].code);
    await user.click(screen.getByRole('button', { name: 'Tải sổ (Excel)' }));
    await waitFor(() => expect(urls.opened[0]?.url).toBe('blob:fake/1'));
    const call = api.callsTo('GET', '/api/reports/log-book')[0];
    expect(new URLSearchParams(call.path.split('?')[1]).toString()).toBe(`from=2026-12-15&to=2026-12-31&format=xlsx&procedureCode=${PROCEDURES[0].code}`);
  });
});
