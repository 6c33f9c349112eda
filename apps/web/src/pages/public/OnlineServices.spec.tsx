import '@testing-library/jest-dom';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PublicDossier } from '../../api/types';
import { installFakeApi } from '../../testing/fake-api';
import { PaymentSection } from './OnlineServices';
import { PublicLookupPage } from './PublicLookupPage';

const CODE = 'H35-ONLINE-1';
const URL_PATH = `/api/public/dossiers/${CODE}`;

function dossier(overrides: Partial<PublicDossier> = {}): PublicDossier {
  return {
    code: CODE,
    procedureName: 'Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ',
    state: 'awaiting_supplement',
    stateLabel: 'Chờ bổ sung',
    channel: 'online',
    receivedAt: '2026-11-26T02:21:12.585Z',
    appointmentAt: '2027-01-08T02:21:12.585Z',
    finishedAt: null,
    outcome: null,
    timeline: [],
    rating: null,
    canRate: false,
    procedureCode: '1.014393',
    receiptCode: CODE,
    submissionRef: 'NOP-261126-AB12-CD34',
    result: null,
    resultLink: null,
    payment: { feeApplies: true, amountVnd: 150000, state: 'unpaid', method: null, paidAt: null },
    supplement: {
      reason: 'Bổ sung báo cáo tổng hợp có chữ ký',
      requestedAt: '2026-11-27T02:00:00.000Z',
      components: [
        { key: 'to-khai', name: 'Tờ khai đăng ký', required: true },
        { key: 'bao-cao', name: 'Báo cáo tổng hợp', required: true },
      ],
      uploaded: [],
    },
    ...overrides,
  };
}

describe('online services on the lookup page', () => {
  it('shows what to supplement and sends the file with the code and the secret, then reloads', async () => {
    const api = installFakeApi();
    let current = dossier();
    api.on('GET', URL_PATH, () => ({ body: current }));
    api.on(`POST`, `${URL_PATH}/supplement-files`, () => {
      current = dossier({ supplement: { ...current.supplement!, uploaded: [{ componentKey: 'bao-cao', fileName: 'bao-cao.pdf', uploadedAt: '2026-11-28T02:00:00.000Z' }] } });
      return { status: 201, body: {} };
    });
    const user = userEvent.setup();
    render(<PublicLookupPage code={CODE} secret="s3cr3t" />);
    expect(await screen.findByTestId('supplement-reason')).toHaveTextContent('Bổ sung báo cáo tổng hợp có chữ ký');
    const loadsBefore = api.callsTo('GET', URL_PATH).length;
    await user.upload(screen.getByLabelText(/Báo cáo tổng hợp/), new File(['%PDF-1.4'], 'bao-cao.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('Đã tải lên «bao-cao.pdf».')).toBeInTheDocument();
    const [call] = api.callsTo('POST', `${URL_PATH}/supplement-files`);
    expect(call.fieldOrder).toEqual(['secret', 'componentKey', 'file']);
    expect(call.body).toMatchObject({ secret: 's3cr3t', componentKey: 'bao-cao' });
    await waitFor(() => expect(api.callsTo('GET', URL_PATH).length).toBe(loadsBefore + 1));
    expect(screen.getByTestId('payment-state')).toHaveTextContent('Chưa thanh toán');
    expect(screen.getByTestId('public-payment')).toHaveTextContent('150.000 đ');
  });

  it('"Thanh toán" asks for the payment request and leaves for the platform with the way back', async () => {
    const api = installFakeApi();
    api.on('POST', `${URL_PATH}/payment-request`, { body: { requestId: 'r-1', amountVnd: 150000, state: 'pending', paidAt: null, payUrl: 'http://127.0.0.1:9/pay?requestId=r-1&amountVnd=150000' } });
    const goTo = jest.fn();
    render(<PaymentSection payment={{ feeApplies: true, amountVnd: 150000, state: 'unpaid', method: null, paidAt: null }} code={CODE} secret="s3cr3t" goTo={goTo} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Thanh toán' }));
    await waitFor(() => expect(goTo).toHaveBeenCalledTimes(1));
    expect(api.callsTo('POST', `${URL_PATH}/payment-request`)[0].body).toEqual({ secret: 's3cr3t' });
    const target = new URL(goTo.mock.calls[0][0] as string);
    expect(target.searchParams.get('requestId')).toBe('r-1');
    expect(target.searchParams.get('returnUrl')).toBe(window.location.href);
  });

  it('once paid and issued: the paid state, and the signed result to download beside its verdict', async () => {
    const api = installFakeApi();
    const result = { validlySigned: true, signedBy: 'Sở Khoa học và Công nghệ tỉnh Lai Châu', signedAt: '2026-12-02T03:00:00.000Z', signatureCount: 1, documentSha256: 'c'.repeat(64), verifiedAt: '2026-12-02T03:00:00.000Z' };
    api.on('GET', URL_PATH, {
      body: dossier({
        state: 'result_issued',
        stateLabel: 'Đã có kết quả',
        supplement: null,
        payment: { feeApplies: true, amountVnd: 150000, state: 'paid', method: 'national_portal', paidAt: '2026-12-01T03:00:00.000Z' },
        result,
        resultLink: 'http://127.0.0.1/api/public/results/abcdefghijklmnopqrstuvwx',
      }),
    });
    render(<PublicLookupPage code={CODE} secret="s3cr3t" />);
    expect(await screen.findByTestId('payment-state')).toHaveTextContent('Đã thanh toán');
    expect(screen.getByTestId('public-payment')).toHaveTextContent('Trực tuyến qua Cổng Dịch vụ công quốc gia');
    expect(screen.queryByRole('button', { name: 'Thanh toán' })).not.toBeInTheDocument();
    expect(screen.getByTestId('result-download')).toHaveAttribute('href', 'http://127.0.0.1/api/public/results/abcdefghijklmnopqrstuvwx');
    expect(screen.getByTestId('public-result')).toHaveTextContent('Kết quả được ký số hợp lệ');
    expect(screen.queryByTestId('public-supplement')).not.toBeInTheDocument();
  });
});
