import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../../api/client';
import { apiError, installBlobUrls, installFakeApi } from '../../testing/fake-api';
import { DOSSIER_ID, dossier, dossierFile, PROCEDURES } from '../../testing/fixtures';
import { CreatedDossier } from './CreatedDossier';

beforeEach(() => setAuthHooks({ token: () => 'token', unauthorized: () => undefined }));

const received = dossier({ state: 'received', stateLabel: 'Đã tiếp nhận', version: 1, currentStep: null, allowedEvents: ['COMPLETE_DIGITISATION', 'WITHDRAW'] });

function backend() {
  const api = installFakeApi();
  api.on('GET', `/api/dossiers/${DOSSIER_ID}/files`, { body: [] });
  api.on('GET', /\/api\/applicants\/[^/]+\/files$/, { body: [] });
  return api;
}

describe('CreatedDossier (counter)', () => {
  it('“Hoàn thành số hóa” waits for a file of every required component, then completes digitisation', async () => {
    const api = backend();
    const stored = dossierFile();
    api.on('POST', `/api/dossiers/${DOSSIER_ID}/components/phieu-dang-ky/files`, { status: 201, body: stored });
    api.on('POST', `/api/dossiers/${DOSSIER_ID}/events`, { body: dossier({ version: 2 }) });
    const user = userEvent.setup();
    render(<CreatedDossier dossier={received} procedure={PROCEDURES[0]} onNext={jest.fn()} />);
    const group = screen.getByRole('group', { name: `Số hóa hồ sơ ${received.code}` });
    const complete = within(group).getByRole('button', { name: 'Hoàn thành số hóa' });
    await waitFor(() => expect(complete).toHaveAccessibleDescription(/còn thiếu tệp của 1 thành phần bắt buộc: Phiếu đăng ký thông tin kết quả/));
    expect(complete).toHaveAttribute('aria-disabled', 'true');
    await user.click(complete);
    expect(screen.queryByRole('form', { name: 'Hoàn thành số hóa' })).not.toBeInTheDocument();

    await user.upload(screen.getByLabelText('Tải lên bản quét: Phiếu đăng ký thông tin kết quả'), new File(['%PDF-1.4'], 'phieu.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(complete).not.toHaveAttribute('aria-disabled'));
    await user.click(complete);
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findByText('Đã thực hiện: Hoàn thành số hóa.')).toBeInTheDocument();
    expect(screen.getByTestId('created-state')).toHaveTextContent('Đang xử lý');
    expect(api.callsTo('POST', /\/events$/)[0].body).toEqual({ type: 'COMPLETE_DIGITISATION', expectedVersion: 1 });
  });

  it('prints the receipt: fetched with the token, opened in a new tab as a PDF blob', async () => {
    const api = backend();
    api.on('GET', `/api/dossiers/${DOSSIER_ID}/documents/receipt`, { contentType: 'application/pdf', blob: new Blob(['%PDF-1.7'], { type: 'application/pdf' }) });
    const urls = installBlobUrls();
    const user = userEvent.setup();
    render(<CreatedDossier dossier={received} procedure={PROCEDURES[0]} onNext={jest.fn()} />);
    await user.click(screen.getByRole('button', { name: 'In giấy tiếp nhận' }));
    await waitFor(() => expect(urls.opened[0]?.url).toBe('blob:fake/1'));
    expect(urls.created[0].type).toBe('application/pdf');
    expect(api.callsTo('GET', /\/documents\/receipt$/)[0].headers.authorization).toBe('Bearer token');
  });

  it('a receipt that cannot be made: the tab closes and the reason shows beside the button', async () => {
    backend().on('GET', `/api/dossiers/${DOSSIER_ID}/documents/receipt`, apiError(503, 'STORAGE_UNAVAILABLE'));
    installBlobUrls();
    const user = userEvent.setup();
    render(<CreatedDossier dossier={received} procedure={PROCEDURES[0]} onNext={jest.fn()} />);
    await user.click(screen.getByRole('button', { name: 'In giấy tiếp nhận' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Kho lưu trữ tệp tạm thời không truy cập được');
  });
});
