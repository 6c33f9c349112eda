import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OnlineProcedure } from '../../api/types';
import { apiError, installFakeApi } from '../../testing/fake-api';
import { OnlineSubmissionPage, validateApplicant } from './OnlineSubmissionPage';

const PROCEDURE: OnlineProcedure = {
  code: '1.014393',
  name: 'Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ',
  field: 'Hoạt động khoa học và công nghệ',
  onlineLevel: 'toan_trinh',
  processingTime: { amount: 5, unit: 'working_days' },
  fee: { amountVnd: 150000, text: null },
  components: [
    { key: 'to-khai', name: 'Tờ khai đăng ký', required: true },
    { key: 'bao-cao', name: 'Báo cáo tổng hợp', required: true },
    { key: 'phu-luc', name: 'Phụ lục', required: false },
  ],
};

const pdf = (name: string) => new File(['%PDF-1.4 …'], name, { type: 'application/pdf' });

describe('online submission (no login)', () => {
  it('checks the applicant like the server (libs/text contact-rules): a CCCD of 12 digits, a Vietnamese phone, and a way to reach them', () => {
    const ok = { fullName: 'Lò Văn Páo', idNumber: '012 345 678 901', phone: '0912345678', email: '', address: '' };
    expect(validateApplicant('1.014393', ok)).toEqual({});
    expect(validateApplicant('', ok).procedureCode).toBeDefined();
    expect(validateApplicant('x', { ...ok, idNumber: '12345' }).idNumber).toMatch(/CCCD gồm 12 chữ số/);
    expect(validateApplicant('x', { ...ok, idNumber: 'ABCDEF' }).idNumber).toBeDefined();
    expect(validateApplicant('x', { ...ok, phone: '000000' }).phone).toMatch(/Số điện thoại không hợp lệ/);
    expect(validateApplicant('x', { ...ok, email: 'a@b.c' }).email).toBeDefined();
    expect(validateApplicant('x', { ...ok, phone: '' }).phone).toMatch(/số điện thoại hoặc thư điện tử/);
  });

  it('start → one upload per component with progress → confirm shows the reference and the secret the API gave', async () => {
    const api = installFakeApi();
    api.progressSteps = [0.5];
    api.on('GET', '/api/public/procedures', { body: [PROCEDURE] });
    api.on('POST', '/api/public/submissions', { status: 201, body: { id: 'd-1', token: 'tok', expiresAt: '2026-12-08T02:00:00.000Z', procedure: PROCEDURE } });
    api.on('POST', '/api/public/submissions/d-1/files', (call) => ({ status: 201, body: { componentKey: (call.body as Record<string, string>).componentKey, fileName: 'x.pdf', size: 10, sha256: 'a', uploadedAt: '' } }));
    api.on('POST', '/api/public/submissions/d-1/confirm', { status: 201, body: { reference: 'TN-ANY-FORMAT-7', secret: 'bi-mat', lookupUrl: null, state: 'submitted', submittedAt: '2026-12-07T02:00:00.000Z', procedureName: PROCEDURE.name, replayed: false } });
    const user = userEvent.setup();
    render(<OnlineSubmissionPage />);

    await user.selectOptions(await screen.findByLabelText(/Thủ tục hành chính/), PROCEDURE.code);
    expect(screen.getByTestId('procedure-facts')).toHaveTextContent('150.000 đ');
    await user.type(screen.getByLabelText(/Họ và tên người nộp/), 'Lò Văn Páo');
    await user.type(screen.getByLabelText(/Số định danh cá nhân/), '12345');
    await user.type(screen.getByLabelText('Số điện thoại'), '0912345678');
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(await screen.findByText(/Số định danh không hợp lệ/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/public/submissions')).toHaveLength(0);
    await user.clear(screen.getByLabelText(/Số định danh cá nhân/));
    await user.type(screen.getByLabelText(/Số định danh cá nhân/), '012345678901');
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(api.callsTo('POST', '/api/public/submissions')[0].body).toMatchObject({ procedureCode: PROCEDURE.code, applicant: { fullName: 'Lò Văn Páo', idNumber: '012345678901', phone: '0912345678' } });

    // Confirming with a required component missing is stopped on the page.
    await user.upload(await screen.findByLabelText(/Tờ khai đăng ký/), pdf('to-khai.pdf'));
    expect(await screen.findByText('Đã tải lên «to-khai.pdf».')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));
    expect(await screen.findByText(/Còn thành phần bắt buộc chưa có tệp: Báo cáo tổng hợp/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/public/submissions/d-1/confirm')).toHaveLength(0);

    await user.upload(screen.getByLabelText(/Báo cáo tổng hợp/), pdf('bao-cao.pdf'));
    await screen.findByText('Đã tải lên «bao-cao.pdf».');
    const uploads = api.callsTo('POST', '/api/public/submissions/d-1/files');
    expect(uploads.map((c) => c.fieldOrder)).toEqual([
      ['token', 'componentKey', 'file'],
      ['token', 'componentKey', 'file'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));
    const done = await screen.findByTestId('submission-confirmed');
    expect(within(done).getByTestId('submission-reference')).toHaveTextContent('TN-ANY-FORMAT-7');
    expect(within(done).getByTestId('submission-secret')).toHaveTextContent('bi-mat');
    expect(within(done).getByRole('link', { name: 'Xem tình trạng hồ sơ' })).toHaveAttribute('href', '#/tra-cuu/TN-ANY-FORMAT-7/bi-mat');
  });

  it("shows the server's refusal of an upload next to its component", async () => {
    const api = installFakeApi();
    api.on('GET', '/api/public/procedures', { body: [PROCEDURE] });
    api.on('POST', '/api/public/submissions', { status: 201, body: { id: 'd-1', token: 'tok', expiresAt: '2026-12-08T02:00:00.000Z', procedure: PROCEDURE } });
    api.on('POST', '/api/public/submissions/d-1/files', apiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Only PDF'));
    const user = userEvent.setup();
    render(<OnlineSubmissionPage />);
    await user.selectOptions(await screen.findByLabelText(/Thủ tục hành chính/), PROCEDURE.code);
    await user.type(screen.getByLabelText(/Họ và tên người nộp/), 'Lò Văn Páo');
    await user.type(screen.getByLabelText(/Số định danh cá nhân/), '012345678901');
    await user.type(screen.getByLabelText('Thư điện tử'), 'pao@example.vn');
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await user.upload(await screen.findByLabelText(/Tờ khai đăng ký/), pdf('to-khai.pdf'));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Chỉ nhận tệp PDF, JPEG hoặc PNG'));
  });
});

describe('online submission signed in with the identity provider (VNeID)', () => {
  /** A token as the API's callback gives it (the page only reads it; the API verifies it). */
  const citizenToken = (payload: Record<string, unknown>) => `eyJhbGciOiJIUzI1NiJ9.${btoa(unescape(encodeURIComponent(JSON.stringify(payload)))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.sig`;

  it('offers the sign-in link only when the API says it is on', async () => {
    const api = installFakeApi();
    api.on('GET', '/api/public/procedures', { body: [PROCEDURE] });
    api.on('GET', '/api/public/identity', { body: { enabled: true } });
    const { unmount } = render(<OnlineSubmissionPage />);
    const link = await screen.findByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử (VNeID)' });
    expect(link).toHaveAttribute('href', '/api/public/identity/start?returnTo=%2Fnop-truc-tuyen');
    unmount();
    api.on('GET', '/api/public/identity', { body: { enabled: false } });
    render(<OnlineSubmissionPage />);
    await screen.findByLabelText(/Thủ tục hành chính/);
    await waitFor(() => expect(api.callsTo('GET', '/api/public/identity')).toHaveLength(2));
    expect(screen.queryByRole('link', { name: /VNeID/ })).not.toBeInTheDocument();
  });

  it('back with a token: shows "Đã xác thực", prefills the name and ID number, and sends the token with the submission', async () => {
    const api = installFakeApi();
    api.on('GET', '/api/public/procedures', { body: [PROCEDURE] });
    api.on('GET', '/api/public/identity', { body: { enabled: true } });
    api.on('POST', '/api/public/submissions', { status: 201, body: { id: 'd-1', token: 'tok', expiresAt: '2026-12-08T02:00:00.000Z', procedure: PROCEDURE } });
    const token = citizenToken({ sub: 'vneid-1', name: 'Lò Thị Mai', idn: '001099012345', aud: 'citizen-identity' });
    const user = userEvent.setup();
    render(<OnlineSubmissionPage identityToken={token} />);
    expect(await screen.findByTestId('identity-verified')).toHaveTextContent('Đã xác thực bằng tài khoản định danh điện tử: Lò Thị Mai');
    expect(screen.queryByRole('link', { name: /VNeID/ })).not.toBeInTheDocument();
    expect(screen.getByLabelText(/Họ và tên người nộp/)).toHaveValue('Lò Thị Mai');
    expect(screen.getByLabelText(/Số định danh cá nhân/)).toHaveValue('001099012345');
    await user.selectOptions(await screen.findByLabelText(/Thủ tục hành chính/), PROCEDURE.code);
    await user.type(screen.getByLabelText('Số điện thoại'), '0912345678');
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/public/submissions')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/public/submissions')[0].body).toMatchObject({ identityToken: token, applicant: { fullName: 'Lò Thị Mai', idNumber: '001099012345' } });
  });
});
