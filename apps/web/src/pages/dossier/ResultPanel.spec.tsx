import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../../api/client';
import type { SignatureEntry } from '../../api/types';
import { CHANGE_KIND_LABELS, SIGNATURE_REASON_LABELS, SIGNATURE_WARNING_LABELS } from '../../format/labels';
import { apiError, installBlobUrls, installFakeApi } from '../../testing/fake-api';
import { DOSSIER_ID, resultFile, VALID_SIGNATURE } from '../../testing/fixtures';
import { ResultPanel } from './ResultPanel';

beforeEach(() => setAuthHooks({ token: () => 'token', unauthorized: () => undefined }));

const RESULT = `/api/dossiers/${DOSSIER_ID}/result`;
const ALL_REASONS = ['NO_SIGNATURE', 'BYTE_RANGE_INVALID', 'NOT_WHOLE_FILE', 'DIGEST_MISMATCH', 'SIGNATURE_INVALID', 'UNTRUSTED_CHAIN', 'CERT_NOT_VALID_AT_SIGNING_TIME', 'MALFORMED'];
const entry = (overrides: Partial<SignatureEntry>): SignatureEntry => ({
  index: 1,
  kind: 'approval',
  fieldName: 'Signature1',
  valid: true,
  reasons: [],
  messages: [],
  certificateSerial: '01',
  signatureAlgorithm: 'sha256WithRSAEncryption',
  warnings: [],
  signerName: 'Trần Thị Chuyên Viên',
  certificateIssuer: 'CN=CA phục vụ các cơ quan Nhà nước G2',
  claimedSigningTime: '2026-12-02T02:00:00.000Z',
  trustedTime: '2026-12-02T03:00:00.000Z',
  trustedTimeSource: 'upload',
  timestampAuthority: null,
  revision: 1,
  coversWholeFile: false,
  changesAfter: [{ kind: 'signature', description: 'signature field added', allowed: true }],
  digestAlgorithm: 'sha256',
  docMdp: null,
  chain: [{ subject: 'Trần Thị Chuyên Viên', sha256: 'a'.repeat(64), notAfter: '2027-01-01T00:00:00.000Z' }],
  revocation: [{ certificate: 'Trần Thị Chuyên Viên', status: 'good', source: 'online', revokedAt: null, detail: 'OCSP' }],
  ...overrides,
});
const TWO_SIGNATURES = [
  entry({ valid: false, reasons: ['DIGEST_MISMATCH', 'MODIFIED_AFTER_SIGNING'], changesAfter: [{ kind: 'other', description: 'page 1 changed', allowed: false }] }),
  entry({ index: 2, signerName: 'Phạm Quang Huy', coversWholeFile: true, revision: 2, changesAfter: [], warnings: ['NO_TIMESTAMP'] }),
];
const pdf = (name = 'quyet-dinh.pdf') => new File(['%PDF-1.7\n%%EOF\n'], name, { type: 'application/pdf' });

describe('ResultPanel', () => {
  it('shows a valid verdict with signer, certificate and time (Vietnam time)', () => {
    installFakeApi();
    render(<ResultPanel dossierId={DOSSIER_ID} results={[resultFile()]} canUpload={false} onAdded={jest.fn()} />);
    const verdict = screen.getByTestId('signature-verdict');
    expect(within(verdict).getByText('Chữ ký số hợp lệ')).toBeInTheDocument();
    expect(within(verdict).getByText('Sở Khoa học và Công nghệ tỉnh Lai Châu')).toBeInTheDocument();
    expect(within(verdict).getByText('Phạm Quang Huy')).toBeInTheDocument();
    expect(within(verdict).getByText('02/12/2026 10:00')).toBeInTheDocument();
    expect(within(verdict).getByText('39fd88e86af425c4aded22ec866902c82')).toBeInTheDocument();
    expect(within(verdict).getByText('Chữ ký số nhúng trong tệp PDF')).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('shows an invalid verdict with every reason in Vietnamese', () => {
    installFakeApi();
    render(<ResultPanel dossierId={DOSSIER_ID} results={[resultFile({ signature: { ...VALID_SIGNATURE, valid: false, reasons: ALL_REASONS } })]} canUpload={false} onAdded={jest.fn()} />);
    const verdict = screen.getByTestId('signature-verdict');
    expect(within(verdict).getByText('Chữ ký số không hợp lệ')).toBeInTheDocument();
    const reasons = within(verdict).getByRole('list', { name: 'Lý do chữ ký không hợp lệ' });
    expect(within(reasons).getAllByRole('listitem').map((li) => li.textContent)).toEqual(ALL_REASONS.map((r) => SIGNATURE_REASON_LABELS[r]));
    expect(reasons).not.toHaveTextContent(/[A-Z]{2,}_[A-Z]/); // no codes shown
  });

  it('labels the mode choice and the file input; sends mode before file', async () => {
    const api = installFakeApi();
    const stored = resultFile({ id: 'r-2' });
    api.on('POST', RESULT, { status: 201, body: stored });
    const user = userEvent.setup();
    const onAdded = jest.fn();
    render(<ResultPanel dossierId={DOSSIER_ID} results={[]} canUpload onAdded={onAdded} />);
    expect(screen.getByText('Chưa có tệp kết quả.')).toBeInTheDocument();
    expect(screen.getByLabelText('Hệ thống ký số')).toBeChecked();
    await user.click(screen.getByLabelText('Tệp đã được ký số'));
    expect(screen.getByLabelText('Tệp đã được ký số')).toHaveAccessibleDescription(/USB token/);
    await user.upload(screen.getByLabelText('Tệp kết quả giải quyết (PDF)'), pdf());
    await user.click(screen.getByRole('button', { name: 'Tải lên và kiểm tra chữ ký' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(stored));
    const [call] = api.callsTo('POST', RESULT);
    expect(call.fieldOrder).toEqual(['mode', 'file']);
    expect((call.body as { mode: string }).mode).toBe('signed');
  });

  it('asks for a file, and refuses anything but a PDF before sending', async () => {
    const api = installFakeApi();
    const user = userEvent.setup({ applyAccept: false });
    render(<ResultPanel dossierId={DOSSIER_ID} results={[]} canUpload onAdded={jest.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Tải lên và ký số' }));
    expect(screen.getByText('Vui lòng chọn tệp kết quả (PDF).')).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Tệp kết quả giải quyết (PDF)'), new File(['x'], 'anh.png', { type: 'image/png' }));
    expect(screen.getByText('Tệp «anh.png» không phải tệp PDF. Kết quả giải quyết phải là tệp PDF.')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });

  it('explains a refused signature (422 SIGNATURE_INVALID) with its reasons', async () => {
    const api = installFakeApi();
    api.on('POST', RESULT, apiError(422, 'SIGNATURE_INVALID', 'not acceptable', { reasons: ['DIGEST_MISMATCH', 'UNTRUSTED_CHAIN'] }));
    const user = userEvent.setup();
    const onAdded = jest.fn();
    render(<ResultPanel dossierId={DOSSIER_ID} results={[]} canUpload onAdded={onAdded} />);
    await user.click(screen.getByLabelText('Tệp đã được ký số'));
    await user.upload(screen.getByLabelText('Tệp kết quả giải quyết (PDF)'), pdf('da-ky.pdf'));
    await user.click(screen.getByRole('button', { name: 'Tải lên và kiểm tra chữ ký' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Chữ ký số trên tệp kết quả không hợp lệ nên tệp không được chấp nhận.');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([SIGNATURE_REASON_LABELS.DIGEST_MISMATCH, SIGNATURE_REASON_LABELS.UNTRUSTED_CHAIN]);
    expect(onAdded).not.toHaveBeenCalled();
  });

  it('shows every signature of the file with its own verdict, reasons and notes in Vietnamese', () => {
    installFakeApi();
    const signature = { ...VALID_SIGNATURE, valid: false, reasons: ['DIGEST_MISMATCH'], signatures: TWO_SIGNATURES };
    render(<ResultPanel dossierId={DOSSIER_ID} results={[resultFile({ signature })]} canUpload={false} onAdded={jest.fn()} />);
    const entries = screen.getAllByTestId('signature-entry');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('Chữ ký phê duyệt 1: Trần Thị Chuyên Viên — không hợp lệ');
    const reasons = within(entries[0]).getByRole('list', { name: 'Lý do chữ ký 1 không hợp lệ' });
    expect(within(reasons).getAllByRole('listitem').map((li) => li.textContent)).toEqual([SIGNATURE_REASON_LABELS.DIGEST_MISMATCH, SIGNATURE_REASON_LABELS.MODIFIED_AFTER_SIGNING]);
    expect(entries[0]).toHaveTextContent(`${CHANGE_KIND_LABELS.other} — không được phép`);
    expect(entries[1]).toHaveTextContent('Chữ ký phê duyệt 2: Phạm Quang Huy — hợp lệ');
    expect(entries[1]).toHaveTextContent(SIGNATURE_WARNING_LABELS.NO_TIMESTAMP);
    expect(entries[1]).toHaveTextContent('theo thời điểm tải lên hệ thống');
    for (const e of entries) expect(e).not.toHaveTextContent(/[A-Z]{2,}_[A-Z]/); // no codes shown
  });

  it('a refused upload lists which signature failed', async () => {
    const api = installFakeApi();
    api.on('POST', RESULT, apiError(422, 'SIGNATURE_INVALID', 'not acceptable', { reasons: ['DIGEST_MISMATCH'], signatures: TWO_SIGNATURES }));
    const user = userEvent.setup();
    render(<ResultPanel dossierId={DOSSIER_ID} results={[]} canUpload onAdded={jest.fn()} />);
    await user.click(screen.getByLabelText('Tệp đã được ký số'));
    await user.upload(screen.getByLabelText('Tệp kết quả giải quyết (PDF)'), pdf('da-ky.pdf'));
    await user.click(screen.getByRole('button', { name: 'Tải lên và kiểm tra chữ ký' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getAllByTestId('signature-entry').map((e) => e.querySelector('strong')?.textContent)).toEqual([
      'Chữ ký phê duyệt 1: Trần Thị Chuyên Viên — không hợp lệ',
      'Chữ ký phê duyệt 2: Phạm Quang Huy — hợp lệ',
    ]);
  });

  it('re-verifies a stored result and shows the new verdict beside the first', async () => {
    const api = installFakeApi();
    api.on('GET', '/api/files/r-1/verification', { body: { ...VALID_SIGNATURE, valid: false, reasons: ['CERT_NOT_VALID_AT_SIGNING_TIME'] } });
    const user = userEvent.setup();
    render(<ResultPanel dossierId={DOSSIER_ID} results={[resultFile()]} canUpload={false} onAdded={jest.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Kiểm tra lại chữ ký số của tệp quyet-dinh.pdf' }));
    const verdicts = await screen.findAllByTestId('signature-verdict');
    expect(verdicts).toHaveLength(2);
    expect(verdicts[1]).toHaveTextContent('Chữ ký số không hợp lệ');
    expect(verdicts[1]).toHaveTextContent('kiểm tra lại lúc');
    expect(verdicts[1]).toHaveTextContent(SIGNATURE_REASON_LABELS.CERT_NOT_VALID_AT_SIGNING_TIME);
  });

  it('signing by the service: shows the chosen PDF and signs only after the signer confirms', async () => {
    const stored = resultFile({ id: 'signed-1' });
    const api = installFakeApi().on('POST', RESULT, { status: 201, body: stored });
    const blobs = installBlobUrls();
    const onAdded = jest.fn();
    const user = userEvent.setup();
    render(<ResultPanel dossierId={DOSSIER_ID} results={[]} canUpload onAdded={onAdded} />);
    await user.upload(screen.getByLabelText('Tệp kết quả giải quyết (PDF)'), new File(['%PDF-1.7'], 'quyet-dinh.pdf', { type: 'application/pdf' }));
    expect(screen.getByTitle('Xem trước tệp sẽ ký số: quyet-dinh.pdf')).toHaveAttribute('src', expect.stringMatching(/^blob:/));
    expect((blobs.created.at(-1) as File).name).toBe('quyet-dinh.pdf');
    await user.click(screen.getByRole('button', { name: 'Tải lên và ký số' }));
    expect(screen.getByText('Vui lòng xem nội dung tệp và xác nhận trước khi ký số.')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
    await user.click(screen.getByLabelText(/Tôi đã xem nội dung tệp trên và đồng ý ký số/));
    await user.click(screen.getByRole('button', { name: 'Tải lên và ký số' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(stored));
    expect((api.callsTo('POST', RESULT)[0].body as { mode: string }).mode).toBe('sign');
  });
});
