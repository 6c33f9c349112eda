import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../../api/client';
import type { IndicatorReport, IndicatorResult, ReportPeriod } from '../../api/types';
import { resetCatalogueCache } from '../../hooks/useCatalogue';
import { installBlobUrls, installFakeApi, type FakeApi } from '../../testing/fake-api';
import { DEPARTMENTS, PROCEDURES } from '../../testing/fixtures';
import { DashboardPage } from './DashboardPage';
import { currentChoice, parseVnDate, rangeOf } from './period';

beforeEach(() => {
  setAuthHooks({ token: () => 'token', unauthorized: () => undefined });
  resetCatalogueCache();
});

const PERIOD: ReportPeriod = { kind: 'custom', from: '2026-10-31T17:00:00.000Z', to: '2026-11-30T17:00:00.000Z', label: '2026-11-01..2026-11-30', labelVi: 'Từ 01/11/2026 đến 30/11/2026' };

/** The raw counts behind the rates: the dashboard does not read them. */
const COUNTS_NOT_READ = {} as IndicatorReport['counts'];

function report(rate21: number | null = 75, provisional = false): IndicatorReport {
  const ratio = (key: IndicatorResult['key'], group: IndicatorResult['group'], name: string, numerator: number, denominator: number, rate: number | null, score: number | null, maxPoints: number | null): IndicatorResult => ({
    key, group, kind: 'ratio', nameVi: name, formulaVi: '…', scored: maxPoints !== null, applicable: rate !== null,
    naReasonVi: rate === null ? 'Không có hồ sơ thuộc mẫu số trong kỳ (mẫu số bằng 0).' : null, numerator, denominator, rate, score, maxPoints, unverified: [],
    breakdown: null, notesVi: [], source: '766/QĐ-TTg', threshold: null,
  });
  return {
    counts: COUNTS_NOT_READ,
    naPolicy: 'exclude',
    unverified: [],
    period: provisional ? { ...PERIOD, to: '2026-11-26T02:00:00.000Z', provisional: true } : PERIOD,
    provisional,
    indicators: [
      ratio('2.1', 2, 'Tỷ lệ hồ sơ giải quyết đúng hạn', 3, 4, rate21, 15, 20),
      { key: '2.2', group: 2, kind: 'average_time', nameVi: 'Thời gian giải quyết trung bình của thủ tục hành chính', formulaVi: '…', scored: false, applicable: false, naReasonVi: null, score: null, maxPoints: null, unverified: [], average: null, unit: null, completed: 0, byProcedure: [], notesVi: [], selectedProcedure: null, source: '766/QĐ-TTg', threshold: null },
      ratio('3.6', 3, 'Tỷ lệ hồ sơ thanh toán trực tuyến', 0, 0, null, null, 10),
      ratio('4.2', 4, 'Tỷ lệ số hóa hồ sơ', 2, 4, 50, 3.67, 7.33),
      ratio('5.4', 5, 'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính', 3, 4, 75, 4.5, 6),
    ],
    measures: [{ key: 'digitised_at_receipt', nameVi: 'Tỷ lệ hồ sơ được số hóa thành phần hồ sơ khi tiếp nhận', formulaVi: '…', numerator: 4, denominator: 4, rate: 100, applicable: true, source: '766/QĐ-TTg' }],
    groups: [
      { no: 1, nameVi: 'Công khai, minh bạch', score: null, maxPoints: 18, measuredMaxPoints: 0, implemented: false, indicatorKeys: [], notImplementedVi: [], source: '766/QĐ-TTg' },
      { no: 2, nameVi: 'Tiến độ, kết quả giải quyết', score: 15, maxPoints: 20, measuredMaxPoints: 20, implemented: true, indicatorKeys: ['2.1', '2.2'], notImplementedVi: [], source: '766/QĐ-TTg' },
      { no: 3, nameVi: 'Cung cấp dịch vụ trực tuyến', score: null, maxPoints: 22, measuredMaxPoints: 0, implemented: true, indicatorKeys: ['3.6'], notImplementedVi: [], source: '766/QĐ-TTg' },
    ],
    total: { score: 23.17, maxPoints: 58, nominalMaxPoints: 82, percent: 39.95, bandVi: null, naPolicyVi: 'Chỉ số không đo được (N/A) không được điểm và không tính vào điểm tối đa.' },
  };
}

function backend(): FakeApi {
  const api = installFakeApi();
  api.on('GET', '/api/procedures', { body: PROCEDURES });
  api.on('GET', '/api/departments', { body: DEPARTMENTS });
  api.on('GET', '/api/indicators', (call) => ({ body: call.path.includes('from=2026-11-01') ? report(75, true) : report(null) }));
  api.on('GET', '/api/indicators/trend', {
    body: {
      months: Array.from({ length: 12 }, (_, i) => {
        const month = ((11 + i) % 12) + 1;
        const year = i < 1 ? 2025 : 2026;
        const last = i === 11;
        return { label: `${year}-${String(month).padStart(2, '0')}`, labelVi: `Tháng ${month}/${year}`, started: true, provisional: last, rates: last ? { '2.1': 75, '4.2': 50, '5.4': 75 } : { '2.1': null, '4.2': null, '5.4': null } };
      }),
    },
  });
  api.on('GET', '/api/indicators/late', {
    body: [
      { code: 'H35-0001', procedureCode: '1.014393', appointmentAt: '2026-11-20T02:00:00.000Z', apologyAppointmentAt: null, processingEndedAt: null, supplementRequests: 2, lateSteps: [{ name: 'Thẩm định', departmentCode: 'PQLKH' }] },
      { code: 'H35-0002', procedureCode: '1.014393', appointmentAt: '2026-11-10T02:00:00.000Z', apologyAppointmentAt: '2026-11-17T03:00:00.000Z', processingEndedAt: '2026-11-16T02:00:00.000Z', supplementRequests: 0, lateSteps: [] },
    ],
  });
  api.on('GET', '/api/indicators/plan', {
    body: {
      lines: [{ id: 'x', nameVi: 'Tỷ lệ hồ sơ giải quyết đúng hạn, trước hạn', actual: 75, target: 100, met: false, shortfall: 1, sentenceVi: 'nếu có thêm 1 hồ sơ…', direction: 'at_least' }],
      fullProcess: { fullProcessServices: 5, fullProcessServicesWithOnlineDossier: 4, procedures: [] },
    },
  });
  api.on('GET', '/api/indicators/dossiers', {
    body: { indicator: '2.1', denominator: ['H35-0001', 'H35-0003', 'H35-0004', 'H35-0005'], numerator: ['H35-0003', 'H35-0004', 'H35-0005'], notInNumerator: ['H35-0001'], ids: { 'H35-0001': 'id-1', 'H35-0003': 'id-3', 'H35-0004': 'id-4', 'H35-0005': 'id-5' } },
  });
  api.on('GET', '/api/indicators/reconciliation', {
    body: {
      figures: [
        { key: '2.1', nameVi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', ours: 75, portal: 66.67, difference: -8.33 },
        { key: '4.2', nameVi: 'Tỷ lệ số hóa hồ sơ', ours: 50, portal: 50, difference: 0 },
      ],
      differences: [{ code: 'H35-0005', reason: 'not_delivered', ourVersion: 3, deliveredVersion: null, delivery: 'dead', ratios: [{ key: '2.1', ours: 'numerator', portal: 'out' }] }],
      sync: { received: 4, delivered: 3, rate: 75 },
      ids: { 'H35-0005': 'id-5' },
    },
  });
  return api;
}

describe('period', () => {
  it('month, quarter, year and custom dd/MM/yyyy ranges', () => {
    const base = currentChoice(new Date('2026-11-26T02:00:00Z'));
    expect(base).toMatchObject({ kind: 'month', year: 2026, month: 11, quarter: 4, from: '01/11/2026', to: '30/11/2026' });
    expect(rangeOf({ ...base, kind: 'month', month: 2, year: 2028 })).toEqual({ range: { from: '2028-02-01', to: '2028-02-29' } });
    expect(rangeOf({ ...base, kind: 'quarter', quarter: 3 })).toEqual({ range: { from: '2026-07-01', to: '2026-09-30' } });
    expect(rangeOf({ ...base, kind: 'year' })).toEqual({ range: { from: '2026-01-01', to: '2026-12-31' } });
    expect(rangeOf({ ...base, kind: 'custom', from: '5/3/2026', to: '31/03/2026' })).toEqual({ range: { from: '2026-03-05', to: '2026-03-31' } });
    expect(rangeOf({ ...base, kind: 'custom', from: '31/02/2026', to: '' })).toEqual({ errors: { from: expect.stringContaining('dd/mm/yyyy'), to: 'Vui lòng nhập ngày kết thúc (dd/mm/yyyy).' } });
    expect(rangeOf({ ...base, kind: 'custom', from: '02/03/2026', to: '01/03/2026' })).toEqual({ errors: { to: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' } });
    expect(parseVnDate('2026-03-01')).toBeNull();
  });

});

describe('DashboardPage', () => {
  beforeAll(() => {
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'nextTick', 'setImmediate'] });
    jest.setSystemTime(new Date('2026-11-26T02:00:00Z'));
  });
  afterAll(() => jest.useRealTimers());

  it('shows total, groups and indicators; N/A as "Không áp dụng"', async () => {
    backend();
    render(<DashboardPage />);
    expect(await screen.findByTestId('total-score')).toHaveTextContent('23,17 / 58 điểm đã đo được (39,95%)');
    const groups = screen.getByRole('table', { name: 'Điểm theo nhóm chỉ số' });
    const rows = within(groups).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      ['1', 'Công khai, minh bạch', 'Chưa tính được', '—', '18'],
      ['2', 'Tiến độ, kết quả giải quyết', '15', '20', '20'],
      ['3', 'Cung cấp dịch vụ trực tuyến', 'Không áp dụng', '0', '22'],
    ]);
    expect(screen.getByTestId('rate-2.1')).toHaveTextContent('75%');
    expect(screen.getByTestId('ratio-2.1')).toHaveTextContent('3/4');
    expect(screen.getByTestId('rate-3.6')).toHaveTextContent('Không áp dụng');
    expect(screen.getByTestId('rate-2.2')).toHaveTextContent('Không áp dụng');
    expect(screen.getByTestId('rate-4.2')).toHaveTextContent('50%');
    expect(screen.getByText('Kỳ báo cáo: từ 01/11/2026 đến 30/11/2026')).toBeInTheDocument();
  });

  it('draws the 12-month trend from one request, gaps where there was nothing to count', async () => {
    const api = backend();
    render(<DashboardPage />);
    const chart = await screen.findByRole('img', { name: /Tỷ lệ theo tháng, 12\/2025 – 11\/2026/ });
    expect(api.callsTo('GET', '/api/indicators/trend').map((c) => c.path)).toEqual(['/api/indicators/trend?year=2026&month=11&months=12']);
    // Only November has data for 2.1: one marker, no line.
    expect(chart.querySelectorAll('[data-series="2.1"] circle')).toHaveLength(1);
    const table = screen.getByRole('table', { name: /Tỷ lệ theo tháng/ });
    expect(within(table).getAllByText('Không áp dụng').length).toBeGreaterThanOrEqual(11);
  });

  it('says when the trend could not be loaded, and still shows the period', async () => {
    const api = backend();
    api.on('GET', '/api/indicators/trend', { status: 503, body: { statusCode: 503, error: 'SERVICE_UNAVAILABLE', message: 'Database unavailable' } });
    render(<DashboardPage />);
    expect(await screen.findByText(/Không tải được số liệu 12 tháng/)).toBeInTheDocument();
    expect(await screen.findByTestId('rate-2.1')).toHaveTextContent('75%');
  });

  it('lists late dossiers with the late steps and the apology letters, the plan and the full-process share', async () => {
    backend();
    render(<DashboardPage />);
    const late = await screen.findByRole('region', { name: 'Hồ sơ trễ hạn (2)' });
    expect(within(late).getByTestId('late-apology-summary')).toHaveTextContent('1 hồ sơ có văn bản xin lỗi, 1 hồ sơ không có.');
    expect(within(late).getByText('Có, hẹn lại 17/11/2026 10:00')).toBeInTheDocument();
    expect(within(late).getByText('H35-0001')).toBeInTheDocument();
    // Department names come with the catalogue, which may arrive after the list.
    expect(await within(late).findByText('Thẩm định (Phòng Quản lý khoa học)')).toBeInTheDocument();
    expect(within(late).getByText('Chưa xong')).toBeInTheDocument();
    const plan = screen.getByRole('region', { name: 'So sánh với chỉ tiêu kế hoạch' });
    expect(within(plan).getByText('Chưa đạt (thiếu 1)')).toBeInTheDocument();
    expect(within(plan).getByText('≥ 100%')).toBeInTheDocument();
    expect(within(plan).getByTestId('full-process-share')).toHaveTextContent('Dịch vụ công trực tuyến toàn trình có hồ sơ trực tuyến trong kỳ: 4/5 dịch vụ (80%).');
  });

  it('says a running period is provisional', async () => {
    backend();
    render(<DashboardPage />);
    expect(await screen.findByTestId('provisional')).toHaveTextContent('Số liệu tạm tính: kỳ báo cáo chưa kết thúc, số liệu tính đến 26/11/2026 09:00.');
  });

  it('every ratio opens the dossiers behind it, each a link to the dossier', async () => {
    const api = backend();
    const user = userEvent.setup();
    render(<DashboardPage />);
    await user.click(await screen.findByRole('button', { name: '3/4: xem hồ sơ của 2.1 Tỷ lệ hồ sơ giải quyết đúng hạn' }));
    const panel = await screen.findByTestId('dossiers-behind');
    expect(within(panel).getByText('Trễ hạn (1)')).toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: 'H35-0001' })).toHaveAttribute('href', '#/ho-so/id-1');
    expect(within(panel).getByText('Đúng hạn, trước hạn (3)')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/indicators/dossiers')[0].path).toBe('/api/indicators/dossiers?from=2026-11-01&to=2026-11-30&indicator=2.1');
    // N/A numbers (nothing behind them) are plain text.
    expect(within(screen.getByTestId('ratio-3.6')).queryByRole('button')).toBeNull();
  });

  it('reconciles with what the national portal received, naming the dossiers that differ', async () => {
    backend();
    render(<DashboardPage />);
    const section = await screen.findByTestId('reconciliation');
    expect(await within(section).findByTestId('sync-rate')).toHaveTextContent('Tỷ lệ đồng bộ (1.4): 75% — 3/4 hồ sơ tiếp nhận trong kỳ đã có bản ghi trên Cổng.');
    expect(within(section).getByText('Khớp')).toBeInTheDocument();
    const differences = within(section).getByTestId('differences');
    expect(within(differences).getByRole('link', { name: 'H35-0005' })).toHaveAttribute('href', '#/ho-so/id-5');
    expect(within(differences).getByText('Cổng chưa nhận được bản ghi (gửi lỗi, cần quản trị viên xử lý)')).toBeInTheDocument();
  });

  it('custom period: dd/mm/yyyy checked before asking', async () => {
    const api = backend();
    const user = userEvent.setup();
    render(<DashboardPage />);
    await screen.findByTestId('total-score');
    await user.selectOptions(screen.getByLabelText('Loại kỳ'), 'custom');
    await user.clear(screen.getByLabelText('Từ ngày'));
    await user.type(screen.getByLabelText('Từ ngày'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Xem báo cáo' }));
    expect(screen.getByLabelText('Từ ngày')).toHaveAccessibleDescription(/Ngày không hợp lệ; nhập theo dạng dd\/mm\/yyyy/);
    await user.clear(screen.getByLabelText('Từ ngày'));
    await user.type(screen.getByLabelText('Từ ngày'), '15/10/2026');
    await user.click(screen.getByRole('button', { name: 'Xem báo cáo' }));
    await waitFor(() => expect(api.callsTo('GET', '/api/indicators/late').some((c) => c.path.endsWith('from=2026-10-15&to=2026-11-30'))).toBe(true));
  });

  it('exports through a blob download', async () => {
    const api = backend();
    api.on('GET', '/api/indicators/export', { contentType: 'text/csv; charset=utf-8', blob: new Blob(['a;b'], { type: 'text/csv' }), contentDisposition: 'attachment; filename="chi-so-766_2026-11-01_2026-11-30.csv"' });
    const urls = installBlobUrls();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const user = userEvent.setup();
    render(<DashboardPage />);
    await user.click(await screen.findByRole('button', { name: 'Xuất CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.callsTo('GET', '/api/indicators/export')[0].path).toBe('/api/indicators/export?format=csv&from=2026-11-01&to=2026-11-30');
    expect(urls.created).toHaveLength(1);
    api.on('GET', '/api/indicators/bieu-06', { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', blob: new Blob(['x']), contentDisposition: 'attachment; filename="bieu-06.xlsx"' });
    await user.click(screen.getByRole('button', { name: 'Biểu 06/VPCP/KSTT (.xlsx)' }));
    await waitFor(() => expect(urls.created).toHaveLength(2));
    expect(api.callsTo('GET', '/api/indicators/bieu-06')[0].path).toBe('/api/indicators/bieu-06?from=2026-11-01&to=2026-11-30');
    click.mockRestore();
  });
});
