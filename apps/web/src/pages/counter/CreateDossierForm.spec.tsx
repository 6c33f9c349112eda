import { CONTACT_PROBLEMS_VI } from '@motcua/text/contact-rules';
import '@testing-library/jest-dom';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../../api/client';
import { apiError, installFakeApi } from '../../testing/fake-api';
import { DEPARTMENTS, dossier, PROCEDURES } from '../../testing/fixtures';
import { CreateDossierForm } from './CreateDossierForm';

beforeEach(() => setAuthHooks({ token: () => 'token', unauthorized: () => undefined }));

const LABELS = [
  /Tìm thủ tục theo tên hoặc mã/,
  /Thủ tục hành chính/,
  /Hình thức nộp/,
  /Số định danh/,
  /Họ và tên/,
  /Số điện thoại/,
  /Thư điện tử/,
  /Địa chỉ/,
];

function renderForm() {
  const onCreated = jest.fn();
  render(<CreateDossierForm procedures={PROCEDURES} departments={DEPARTMENTS} onCreated={onCreated} />);
  return { onCreated };
}

const created = dossier({ state: 'received', stateLabel: 'Đã tiếp nhận', version: 1, currentStep: null, allowedEvents: ['COMPLETE_DIGITISATION', 'WITHDRAW'] });

describe('CreateDossierForm', () => {
  it('labels every control', () => {
    const { container } = render(<CreateDossierForm procedures={PROCEDURES} departments={DEPARTMENTS} onCreated={jest.fn()} />);
    const controls = container.querySelectorAll('input, select, textarea');
    const labelled = LABELS.map((l) => screen.getByLabelText(l));
    expect(new Set(labelled).size).toBe(LABELS.length);
    expect(controls).toHaveLength(LABELS.length);
    for (const control of Array.from(controls)) expect(labelled).toContain(control);
  });

  it('asks for the ID number before the name', () => {
    renderForm();
    const id = screen.getByLabelText(/Số định danh/);
    const name = screen.getByLabelText(/Họ và tên/);
    expect(id.compareDocumentPosition(name) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('refuses to send without procedure, ID number and name, and says why next to each', async () => {
    const api = installFakeApi();
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('button', { name: 'Tạo hồ sơ' }));
    expect(screen.getByText('Vui lòng chọn thủ tục hành chính.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Số định danh/)).toHaveAccessibleDescription(/Vui lòng nhập số định danh \(CCCD, hộ chiếu hoặc mã số thuế\)\./);
    expect(screen.getByLabelText(/Họ và tên/)).toHaveAccessibleDescription('Vui lòng nhập họ và tên người nộp.');
    expect(screen.getByRole('alert')).toHaveTextContent('Vui lòng kiểm tra các ô được đánh dấu.');
    expect(screen.getByLabelText(/Thủ tục hành chính/)).toHaveFocus();
    expect(api.calls).toHaveLength(0);
  });

  it('checks the ID number, phone and email formats', async () => {
    installFakeApi();
    const user = userEvent.setup();
    renderForm();
    // The examples: an ID "ABCDEF", a phone "000000", an e-mail "a@b.c" the server refuses too.
    await user.type(screen.getByLabelText(/Số định danh/), 'ABCDEF');
    await user.type(screen.getByLabelText(/Số điện thoại/), '000000');
    await user.type(screen.getByLabelText(/Thư điện tử/), 'a@b.c');
    await user.click(screen.getByRole('button', { name: 'Tạo hồ sơ' }));
    expect(screen.getByText(CONTACT_PROBLEMS_VI.ID_PATTERN)).toBeInTheDocument();
    expect(screen.getByText(CONTACT_PROBLEMS_VI.PHONE_PATTERN)).toBeInTheDocument();
    expect(screen.getByText(CONTACT_PROBLEMS_VI.EMAIL_PATTERN)).toBeInTheDocument();
    expect(screen.getByLabelText(/Số định danh/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('warns of a likely duplicate: the same applicant and procedure received today', async () => {
    const api = installFakeApi();
    const today = new Date().toISOString();
    api.on('GET', '/api/dossiers', {
      body: {
        items: [
          dossier({ code: 'H35-0009', submittedAt: today }),
          dossier({ code: 'H35-0001', submittedAt: '2020-01-02T03:00:00Z' }),
          dossier({ code: 'H35-0010', submittedAt: today, applicant: { ...dossier().applicant, idNumber: '012345678901999' } }),
        ],
        total: 3,
        page: 1,
        pageSize: 100,
      },
    });
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText(/Tìm thủ tục/), '1.014393');
    await user.type(screen.getByLabelText(/Số định danh/), '0123 4567 8901');
    expect(await screen.findByTestId('duplicate-warning')).toHaveTextContent('(H35-0009)');
    const query = new URL(api.callsTo('GET', '/api/dossiers').at(-1)!.path, 'http://x').searchParams;
    expect([query.get('text'), query.get('procedureCode')]).toEqual(['012345678901', '1.014393']);
  });

  it('cleans an ID typed with spaces and flags an old 9-digit CMND', async () => {
    const api = installFakeApi();
    api.on('POST', '/api/dossiers', { status: 201, body: created });
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText(/Số định danh/), '123 456 789');
    expect(screen.getByTestId('old-cmnd-flag')).toHaveTextContent('Số CMND cũ (9 chữ số)');
    await user.clear(screen.getByLabelText(/Số định danh/));
    await user.type(screen.getByLabelText(/Tìm thủ tục/), '1.014393');
    await user.type(screen.getByLabelText(/Số định danh/), ' 0123 4567 8901 ');
    await user.type(screen.getByLabelText(/Họ và tên/), 'Lò Văn Pấng');
    await user.type(screen.getByLabelText(/Số điện thoại/), '+84 912 345 678');
    await user.click(screen.getByRole('button', { name: 'Tạo hồ sơ' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/dossiers')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/dossiers')[0].body).toMatchObject({ applicant: { idNumber: '012345678901', phone: '0912345678' } });
  });

  it('finds a procedure by words without tone marks and picks the only match', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText(/Tìm thủ tục/), 'trung tam nghien cuu');
    expect(screen.getByLabelText(/Thủ tục hành chính/)).toHaveValue('1.014393');
    expect(screen.getByRole('heading', { name: /Công nhận trung tâm nghiên cứu/ })).toBeInTheDocument();
    expect(screen.getByText('30 ngày làm việc')).toBeInTheDocument();
    expect(screen.getByText('Đơn đề nghị công nhận')).toBeInTheDocument();
  });

  it('picks the match even when the catalogue arrives after the clerk typed', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<CreateDossierForm procedures={[]} departments={DEPARTMENTS} onCreated={jest.fn()} />);
    await user.type(screen.getByLabelText(/Tìm thủ tục/), '1.014393');
    rerender(<CreateDossierForm procedures={PROCEDURES} departments={DEPARTMENTS} onCreated={jest.fn()} />);
    expect(screen.getByLabelText(/Thủ tục hành chính/)).toHaveValue('1.014393');
  });

  it('keyboard only: tab through, type, press Enter — the dossier is created once', async () => {
    const api = installFakeApi();
    api.on('POST', '/api/dossiers', { status: 201, body: created });
    const user = userEvent.setup();
    const { onCreated } = renderForm();

    await user.tab();
    expect(screen.getByLabelText(/Tìm thủ tục/)).toHaveFocus();
    await user.keyboard('mua bang');
    await user.tab();
    expect(screen.getByLabelText(/Thủ tục hành chính/)).toHaveFocus();
    expect(screen.getByLabelText(/Thủ tục hành chính/)).toHaveValue('dang-ky-thong-tin-kq-mua-bang-nsnn');
    await user.tab();
    expect(screen.getByLabelText(/Hình thức nộp/)).toHaveFocus();
    await user.tab();
    expect(screen.getByLabelText(/Số định danh/)).toHaveFocus();
    await user.keyboard('012345678901');
    await user.tab();
    expect(screen.getByLabelText(/Họ và tên/)).toHaveFocus();
    await user.keyboard('Nguyễn Văn Ánh');
    await user.tab();
    await user.keyboard('0912345678');
    await user.tab();
    await user.keyboard('anh@example.vn');
    await user.tab();
    expect(screen.getByLabelText(/Địa chỉ/)).toHaveFocus();
    await user.keyboard('Phường Đông Phong, tỉnh Lai Châu');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Tạo hồ sơ' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    const posts = api.callsTo('POST', '/api/dossiers');
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toEqual({
      procedureCode: 'dang-ky-thong-tin-kq-mua-bang-nsnn',
      channel: 'direct',
      applicant: { fullName: 'Nguyễn Văn Ánh', idNumber: '012345678901', phone: '0912345678', email: 'anh@example.vn', address: 'Phường Đông Phong, tỉnh Lai Châu' },
    });
    expect(posts[0].headers['Idempotency-Key']).toMatch(/^[\x21-\x7e]{1,128}$/);
  });

  it('keeps everything typed when the server refuses, shows its reasons in Vietnamese, and retries with the same key', async () => {
    const api = installFakeApi();
    api.on('POST', '/api/dossiers', apiError(400, 'VALIDATION_FAILED', 'x', { problems: ['applicant.email must be an email'] }));
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText(/Tìm thủ tục/), '1.014393');
    await user.type(screen.getByLabelText(/Số định danh/), '012345678901');
    await user.type(screen.getByLabelText(/Họ và tên/), 'Lò Văn Pấng');
    await user.type(screen.getByLabelText(/Thư điện tử/), 'pang@localhost.xy');
    await user.click(screen.getByRole('button', { name: 'Tạo hồ sơ' }));
    expect(await screen.findByText(CONTACT_PROBLEMS_VI.EMAIL_PATTERN)).toBeInTheDocument();
    expect(screen.getByLabelText(/Thư điện tử/)).toHaveFocus();
    expect(screen.getByLabelText(/Họ và tên/)).toHaveValue('Lò Văn Pấng');
    expect(screen.getByLabelText(/Số định danh/)).toHaveValue('012345678901');

    // A network failure, then the same submission again: same key, so no second dossier.
    api.on('POST', '/api/dossiers', () => Promise.reject(new TypeError('Failed to fetch')));
    await user.clear(screen.getByLabelText(/Thư điện tử/));
    await user.click(screen.getByRole('button', { name: 'Tạo hồ sơ' }));
    expect(await screen.findByText('Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.')).toBeInTheDocument();
    api.on('POST', '/api/dossiers', { status: 200, body: created });
    await user.click(screen.getByRole('button', { name: 'Tạo hồ sơ' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/dossiers')).toHaveLength(3));
    const [first, second, third] = api.callsTo('POST', '/api/dossiers');
    expect(second.headers['Idempotency-Key']).not.toBe(first.headers['Idempotency-Key']);
    expect(third.headers['Idempotency-Key']).toBe(second.headers['Idempotency-Key']);
  });

  it('a double click sends one request', async () => {
    const api = installFakeApi();
    let release!: () => void;
    api.on('POST', '/api/dossiers', () => new Promise((resolve) => (release = () => resolve({ status: 201, body: created }))));
    const user = userEvent.setup();
    const { onCreated } = renderForm();
    await user.type(screen.getByLabelText(/Tìm thủ tục/), '1.014393');
    await user.type(screen.getByLabelText(/Số định danh/), '012345678901');
    await user.type(screen.getByLabelText(/Họ và tên/), 'Nguyễn Văn Ánh');
    await user.dblClick(screen.getByRole('button', { name: 'Tạo hồ sơ' }));
    expect(screen.getByRole('button', { name: 'Đang tạo hồ sơ…' })).toBeDisabled();
    release();
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(api.callsTo('POST', '/api/dossiers')).toHaveLength(1);
  });

  it('shows an unknown procedure next to the procedure list', async () => {
    installFakeApi().on('POST', '/api/dossiers', apiError(422, 'UNKNOWN_PROCEDURE', 'Procedure x does not exist', { procedureCode: 'x' }));
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText(/Tìm thủ tục/), '1.014393');
    await user.type(screen.getByLabelText(/Số định danh/), '012345678901');
    await user.type(screen.getByLabelText(/Họ và tên/), 'Nguyễn Văn Ánh');
    await user.click(screen.getByRole('button', { name: 'Tạo hồ sơ' }));
    await waitFor(() => expect(screen.getByLabelText(/Thủ tục hành chính/)).toHaveAccessibleDescription(/Thủ tục hành chính không tồn tại/));
  });
});
