import '@testing-library/jest-dom';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../../api/client';
import type { DossierFile } from '../../api/types';
import { apiError, installFakeApi, type FakeApi } from '../../testing/fake-api';
import { DOSSIER_ID, dossierFile, PROCEDURES } from '../../testing/fixtures';
import { ComponentChecklist } from './ComponentChecklist';

beforeEach(() => setAuthHooks({ token: () => 'token', unauthorized: () => undefined }));

const COMPONENTS = PROCEDURES[0].components; // phieu-dang-ky (required), bao-cao (optional)
const DOSSIER = { id: DOSSIER_ID, code: '000.00.20.H35-261126-0001', applicant: { idNumber: '012345678901' } };
const UPLOAD = `/api/dossiers/${DOSSIER_ID}/components/phieu-dang-ky/files`;

function pdf(name = 'ban-quet.pdf', size?: number): File {
  const file = new File(['%PDF-1.4\n%%EOF\n'], name, { type: 'application/pdf' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  return file;
}

function backend(store: DossierFile[] = []): FakeApi {
  const api = installFakeApi();
  api.on('GET', '/api/applicants/012345678901/files', { body: store });
  return api;
}

async function renderList(files: DossierFile[] = [], editable = true) {
  const onAdded = jest.fn();
  const utils = render(<ComponentChecklist dossier={DOSSIER} components={COMPONENTS} files={files} editable={editable} onAdded={onAdded} />);
  // Let the data-store lookup settle.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  return { ...utils, onAdded };
}

const row = (name: RegExp) => screen.getByRole('listitem', { name });

describe('ComponentChecklist', () => {
  it('lists every component with its own labelled file input and says what is missing', async () => {
    backend();
    await renderList();
    expect(screen.getByText('Đã có tệp cho 0/1 thành phần bắt buộc.')).toBeInTheDocument();
    const required = row(/Phiếu đăng ký thông tin kết quả/);
    expect(within(required).getByText('Bắt buộc')).toBeInTheDocument();
    expect(within(required).getByText('Chưa có tệp')).toBeInTheDocument();
    const input = screen.getByLabelText('Tải lên bản quét: Phiếu đăng ký thông tin kết quả');
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', expect.stringContaining('application/pdf'));
    expect(screen.getByLabelText('Tải lên bản quét: Báo cáo tổng hợp kết quả')).toBeInTheDocument();
  });

  it('keyboard: Tab reaches each file input in order', async () => {
    backend();
    const user = userEvent.setup();
    await renderList();
    await user.tab();
    expect(screen.getByLabelText('Tải lên bản quét: Phiếu đăng ký thông tin kết quả')).toHaveFocus();
    await user.tab();
    expect(screen.getByLabelText('Tải lên bản quét: Báo cáo tổng hợp kết quả')).toHaveFocus();
  });

  it('refuses a wrong type, an empty and an oversized file before sending, next to the component', async () => {
    const api = backend();
    const user = userEvent.setup({ applyAccept: false });
    await renderList();
    const input = screen.getByLabelText('Tải lên bản quét: Phiếu đăng ký thông tin kết quả');
    await user.upload(input, new File(['xin chào'], 'ghi-chu.txt', { type: 'text/plain' }));
    expect(within(row(/Phiếu đăng ký/)).getByRole('alert')).toHaveTextContent('Tệp «ghi-chu.txt» không đúng định dạng. Chỉ nhận tệp PDF, JPEG hoặc PNG.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/không đúng định dạng/);
    await user.upload(input, pdf('to.pdf', 60 * 1024 * 1024));
    expect(within(row(/Phiếu đăng ký/)).getByRole('alert')).toHaveTextContent('Tệp «to.pdf» quá lớn (60 MB); dung lượng tối đa là 50 MB.');
    await user.upload(input, pdf('rong.pdf', 0));
    expect(within(row(/Phiếu đăng ký/)).getByRole('alert')).toHaveTextContent('Tệp «rong.pdf» rỗng');
    expect(api.callsTo('POST', UPLOAD)).toHaveLength(0);
    // The other component is untouched.
    expect(within(row(/Báo cáo tổng hợp/)).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('uploads with a progress bar, as multipart field "file", and hands the stored file up', async () => {
    const api = backend();
    const stored = dossierFile({ fileName: 'ban-quet.pdf' });
    let release!: () => void;
    api.on('POST', UPLOAD, () => new Promise((resolve) => (release = () => resolve({ status: 201, body: stored }))));
    const user = userEvent.setup();
    const { onAdded } = await renderList();
    await user.upload(screen.getByLabelText('Tải lên bản quét: Phiếu đăng ký thông tin kết quả'), pdf());
    const bar = await screen.findByRole('progressbar', { name: 'Tiến độ tải lên «ban-quet.pdf»' });
    await waitFor(() => expect(bar).toHaveAttribute('value', '50'));
    release();
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(stored));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    const [call] = api.callsTo('POST', UPLOAD);
    expect(call.headers.authorization).toBe('Bearer token');
    expect(call.fieldOrder).toEqual(['file']);
    expect((call.body as { file: File }).file.name).toBe('ban-quet.pdf');
  });

  it.each([
    [415, 'UNSUPPORTED_MEDIA_TYPE', 'Tệp không đúng định dạng. Chỉ nhận tệp PDF, JPEG hoặc PNG.'],
    [413, 'PAYLOAD_TOO_LARGE', 'Tệp quá lớn: vượt dung lượng tối đa hệ thống cho phép.'],
    [503, 'STORAGE_UNAVAILABLE', 'Kho lưu trữ tệp tạm thời không truy cập được nên tệp chưa được lưu.'],
  ])('shows the server’s %i %s in Vietnamese next to that component', async (status, code, text) => {
    backend().on('POST', UPLOAD, apiError(status, code, 'english message'));
    const user = userEvent.setup();
    const { onAdded } = await renderList();
    await user.upload(screen.getByLabelText('Tải lên bản quét: Phiếu đăng ký thông tin kết quả'), pdf('scan.pdf'));
    const alert = await within(row(/Phiếu đăng ký/)).findByRole('alert');
    expect(alert).toHaveTextContent(`«scan.pdf»: ${text}`);
    expect(alert).not.toHaveTextContent('english');
    expect(onAdded).not.toHaveBeenCalled();
  });

  it('shows the files already there, ticks the component and counts it', async () => {
    backend();
    await renderList([dossierFile()]);
    expect(screen.getByText('Đã có tệp cho 1/1 thành phần bắt buộc.')).toBeInTheDocument();
    expect(within(row(/Phiếu đăng ký/)).getByText('✓ Đã có 1 tệp')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Xem tệp phieu-dang-ky.pdf' })).toBeInTheDocument();
  });

  it('offers files from the applicant’s data store and reuses one', async () => {
    const earlier = dossierFile({ id: '7d9e0a4c-1111-4222-8333-944445555666', dossierId: 'other-dossier', fileName: 'phieu-2025.pdf' });
    const result = dossierFile({ id: 'r-old', dossierId: 'other-dossier', purpose: 'result', componentKey: null, fileName: 'giay-xac-nhan-2025.pdf' });
    const own = dossierFile({ id: 'own', fileName: 'cua-ho-so-nay.pdf' }); // this dossier's own upload is not offered
    const api = backend([earlier, result, own]);
    const reused = dossierFile({ id: 'new', reusedFrom: earlier.id, fileName: 'phieu-2025.pdf' });
    api.on('POST', `/api/dossiers/${DOSSIER_ID}/components/phieu-dang-ky/reuse`, { status: 201, body: reused });
    const user = userEvent.setup();
    const { onAdded } = await renderList();
    const item = row(/Phiếu đăng ký/);
    await within(item).findByText('Có sẵn trong kho dữ liệu của công dân:');
    expect(within(item).queryByText('cua-ho-so-nay.pdf')).not.toBeInTheDocument();
    expect(within(item).getByText('Chọn tệp khác trong kho dữ liệu của công dân (1)')).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Dùng lại tệp phieu-2025.pdf cho: Phiếu đăng ký thông tin kết quả' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(reused));
    expect(api.callsTo('POST', /\/reuse$/)[0].body).toEqual({ fileId: earlier.id });
  });

  it('read only: no upload once the dossier no longer takes components', async () => {
    backend();
    await renderList([dossierFile()], false);
    expect(screen.queryByLabelText(/Tải lên bản quét/)).not.toBeInTheDocument();
  });
});
