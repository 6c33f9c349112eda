import '@testing-library/jest-dom';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PublicDossier } from '../../api/types';
import { apiError, installFakeApi } from '../../testing/fake-api';
import { NOT_FOUND_MESSAGE, PublicLookupPage, validateLookup } from './PublicLookupPage';

const CODE = '000.00.20.H35-261126-0001';
const URL_PATH = `/api/public/dossiers/${CODE}`;

function publicDossier(overrides: Partial<PublicDossier> = {}): PublicDossier {
  return {
    code: CODE,
    procedureName: 'Công nhận trung tâm nghiên cứu và phát triển',
    state: 'returned',
    stateLabel: 'Đã trả kết quả',
    channel: 'direct',
    receivedAt: '2026-11-26T02:21:12.585Z',
    appointmentAt: '2027-01-08T02:21:12.585Z',
    finishedAt: '2026-12-02T04:00:00.000Z',
    outcome: 'early',
    timeline: [
      { at: '2026-11-26T02:21:12.585Z', label: 'Tiếp nhận hồ sơ', state: 'received' },
      { at: '2026-12-02T04:00:00.000Z', label: 'Trả kết quả', state: 'returned' },
    ],
    rating: null,
    canRate: true,
    procedureCode: '1.014393',
    receiptCode: CODE,
    submissionRef: null,
    payment: { feeApplies: false, state: 'no_fee', amountVnd: null, method: null, paidAt: null },
    result: null,
    resultLink: null,
    supplement: null,
    ...overrides,
  };
}

describe('public lookup (no login)', () => {
  it('shows that the result is validly signed by the agency, with its SHA-256', async () => {
    const api = installFakeApi();
    const result = { validlySigned: true, signedBy: 'Sở Khoa học và Công nghệ tỉnh Lai Châu', signedAt: '2026-12-02T03:00:00.000Z', signatureCount: 1, documentSha256: 'c'.repeat(64), verifiedAt: '2026-12-02T03:00:00.000Z' };
    api.on('GET', URL_PATH, { body: publicDossier({ result }) });
    render(<PublicLookupPage code={CODE} secret="s3cr3t" />);
    const card = await screen.findByTestId('public-result');
    expect(card).toHaveTextContent('Kết quả được ký số hợp lệ bởi Sở Khoa học và Công nghệ tỉnh Lai Châu.');
    expect(card).toHaveTextContent('02/12/2026 10:00');
    expect(card).toHaveTextContent('c'.repeat(64));
  });

  it('says plainly when the result signature is not valid', async () => {
    const api = installFakeApi();
    const result = { validlySigned: false, signedBy: null, signedAt: null, signatureCount: 2, documentSha256: 'c'.repeat(64), verifiedAt: '2026-12-02T03:00:00.000Z' };
    api.on('GET', URL_PATH, { body: publicDossier({ result }) });
    render(<PublicLookupPage code={CODE} secret="s3cr3t" />);
    expect(await screen.findByTestId('public-result')).toHaveTextContent('Chữ ký số trên kết quả không hợp lệ; vui lòng liên hệ cơ quan giải quyết.');
  });

  it('with code and secret from the QR link: shows state, dates in Vietnam time and the timeline; sends no token', async () => {
    const api = installFakeApi();
    api.on('GET', URL_PATH, { body: publicDossier() });
    render(<PublicLookupPage code={CODE} secret="s3cr3t" />);
    expect(await screen.findByTestId('public-state')).toHaveTextContent('Đã trả kết quả');
    expect(screen.getByText('Trước hạn')).toBeInTheDocument();
    expect(screen.getByText('08/01/2027 09:21')).toBeInTheDocument();
    expect(screen.getByText('Tiếp nhận hồ sơ')).toBeInTheDocument();
    const [call] = api.callsTo('GET', URL_PATH);
    expect(call.path).toBe(`${URL_PATH}?secret=s3cr3t`);
    expect(call.headers.authorization).toBeUndefined();
  });

  it('one neutral message for an unknown code or a wrong secret, and the form to try again', async () => {
    installFakeApi().on('GET', URL_PATH, apiError(404, 'NOT_FOUND', 'No dossier with this code and secret'));
    render(<PublicLookupPage code={CODE} secret="sai" />);
    expect(await screen.findByRole('alert')).toHaveTextContent(NOT_FOUND_MESSAGE);
    expect(screen.queryByText(/No dossier/)).not.toBeInTheDocument();
    expect(screen.getByLabelText(/Mã hồ sơ/)).toHaveValue(CODE);
    // What was tried stays in the form, to correct rather than retype.
    expect(screen.getByLabelText(/Mã tra cứu/)).toHaveValue('sai');
  });

  it('the manual form checks both fields before asking, then looks up', async () => {
    const api = installFakeApi();
    api.on('GET', URL_PATH, { body: publicDossier({ state: 'processing', stateLabel: 'Đang xử lý', canRate: false, finishedAt: null, outcome: null }) });
    const user = userEvent.setup();
    render(<PublicLookupPage />);
    await user.click(screen.getByRole('button', { name: 'Tra cứu' }));
    expect(screen.getByLabelText(/Mã hồ sơ/)).toHaveAccessibleDescription('Vui lòng nhập mã hồ sơ (in trên giấy tiếp nhận).');
    expect(screen.getByLabelText(/Mã tra cứu/)).toHaveAccessibleDescription('Vui lòng nhập mã tra cứu (in trên giấy tiếp nhận, cạnh mã QR).');
    expect(screen.getByLabelText(/Mã hồ sơ/)).toHaveFocus();
    expect(api.calls).toHaveLength(0);
    await user.type(screen.getByLabelText(/Mã hồ sơ/), `  ${CODE} `);
    await user.type(screen.getByLabelText(/Mã tra cứu/), 'x'.repeat(129));
    await user.click(screen.getByRole('button', { name: 'Tra cứu' }));
    expect(screen.getByLabelText(/Mã tra cứu/)).toHaveAccessibleDescription(/Mã tra cứu không hợp lệ/);
    await user.clear(screen.getByLabelText(/Mã tra cứu/));
    // The short code as printed, typed with a space: the server reads it in any case and spacing.
    await user.type(screen.getByLabelText(/Mã tra cứu/), 'k7qm 3xpa{Enter}');
    expect(await screen.findByTestId('public-state')).toHaveTextContent('Đang xử lý');
    expect(api.calls[0].path).toBe(`${URL_PATH}?secret=k7qm+3xpa`);
    expect(screen.queryByRole('form', { name: 'Đánh giá mức độ hài lòng' })).not.toBeInTheDocument();
  });

  it('validateLookup', () => {
    expect(validateLookup('', '')).toEqual({ code: expect.any(String), secret: expect.any(String) });
    expect(validateLookup('H35-1', 'x'.repeat(129)).secret).toMatch(/không hợp lệ/);
    expect(validateLookup('H35-1', 'abc')).toEqual({});
  });
});

describe('rating form', () => {
  it('labels the three levels, requires one, sends it with the secret, then shows the rating', async () => {
    const api = installFakeApi();
    api.on('GET', URL_PATH, { body: publicDossier() });
    api.on('POST', `${URL_PATH}/rating`, { status: 201, body: { code: CODE, level: 'satisfied', createdAt: '2026-12-03T01:00:00.000Z' } });
    const user = userEvent.setup();
    render(<PublicLookupPage code={CODE} secret="s3cr3t" />);
    const form = await screen.findByRole('form', { name: 'Đánh giá mức độ hài lòng' });
    expect(screen.getByRole('group', { name: /Ông\/bà đánh giá thế nào/ })).toBeInTheDocument();
    for (const label of ['Rất hài lòng', 'Hài lòng', 'Không hài lòng']) expect(screen.getByLabelText(label, { exact: true })).toHaveAttribute('type', 'radio');
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(screen.getByText('Vui lòng chọn mức độ hài lòng.')).toBeInTheDocument();
    expect(api.callsTo('POST', `${URL_PATH}/rating`)).toHaveLength(0);
    expect(form).toBeInTheDocument();

    api.on('GET', URL_PATH, { body: publicDossier({ canRate: false, rating: { level: 'satisfied', createdAt: '2026-12-03T01:00:00.000Z' } }) });
    await user.click(screen.getByLabelText('Hài lòng', { exact: true }));
    await user.type(screen.getByLabelText(/Góp ý/), 'Cán bộ hướng dẫn tận tình');
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByText('Cảm ơn ông/bà đã đánh giá. Ý kiến đã được ghi nhận.')).toBeInTheDocument();
    expect(await screen.findByTestId('public-rating')).toHaveTextContent('Hài lòng — ngày 03/12/2026 08:00.');
    expect(screen.queryByRole('button', { name: 'Gửi đánh giá' })).not.toBeInTheDocument();
    expect(api.callsTo('POST', `${URL_PATH}/rating`)[0].body).toEqual({ secret: 's3cr3t', level: 'satisfied', comment: 'Cán bộ hướng dẫn tận tình' });
  });

  it('a second rating is refused (409 ALREADY_RATED): says so and shows the rating recorded', async () => {
    const api = installFakeApi();
    api.on('GET', URL_PATH, { body: publicDossier() });
    api.on('POST', `${URL_PATH}/rating`, apiError(409, 'ALREADY_RATED', 'This dossier has already been rated'));
    const user = userEvent.setup();
    render(<PublicLookupPage code={CODE} secret="s3cr3t" />);
    await user.click(await screen.findByLabelText('Rất hài lòng'));
    api.on('GET', URL_PATH, { body: publicDossier({ canRate: false, rating: { level: 'dissatisfied', createdAt: '2026-12-03T01:00:00.000Z' } }) });
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByTestId('rating-notice')).toHaveTextContent('Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.');
    expect(screen.getAllByText('Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.')).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('public-rating')).toHaveTextContent('Không hài lòng'));
  });

  it('rate limiting (429) is explained and the choice is kept', async () => {
    const api = installFakeApi();
    api.on('GET', URL_PATH, { body: publicDossier() });
    api.on('POST', `${URL_PATH}/rating`, apiError(429, 'TOO_MANY_REQUESTS', 'ThrottlerException: Too Many Requests'));
    const user = userEvent.setup();
    render(<PublicLookupPage code={CODE} secret="s3cr3t" />);
    await user.click(await screen.findByLabelText('Không hài lòng'));
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn đã thử quá nhiều lần');
    expect(screen.getByLabelText('Không hài lòng')).toBeChecked();
  });
});
