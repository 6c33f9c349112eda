import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../../api/client';
import { resetCatalogueCache } from '../../hooks/useCatalogue';
import { installFakeApi } from '../../testing/fake-api';
import { DEPARTMENTS, feedbackItem, PROCEDURES } from '../../testing/fixtures';
import { FeedbackFollowPage } from '../public/FeedbackFollowPage';
import { DOSSIER_NOT_FOUND, FeedbackSubmitPage } from '../public/FeedbackSubmitPage';
import { toSubmission, validateFeedback, EMPTY_FEEDBACK } from '../public/feedback-form';
import { FeedbackInboxPage } from './FeedbackInboxPage';
import { FeedbackPage } from './FeedbackPage';
import { phaseStatus } from './PhaseClocks';

beforeEach(() => {
  window.location.hash = '';
  setAuthHooks({ token: () => 'token', unauthorized: () => undefined });
  resetCatalogueCache();
});

describe('the public feedback form', () => {
  it('checks the fields like the server and cleans the body', () => {
    expect(validateFeedback(EMPTY_FEEDBACK)).toEqual({
      title: 'Vui lòng nhập tiêu đề phản ánh, kiến nghị.',
      content: 'Vui lòng nhập nội dung phản ánh, kiến nghị.',
      'author.fullName': 'Vui lòng nhập họ và tên.',
    });
    const draft = { ...EMPTY_FEEDBACK, title: ' T ', content: 'C', fullName: 'Trần Thị Bình', phone: '0912 345 678', email: 'a@b', dossierCode: 'H35-1' };
    expect(validateFeedback(draft)).toEqual({ 'author.email': 'Địa chỉ thư điện tử không hợp lệ.', dossierSecret: expect.stringContaining('mã tra cứu') });
    expect(toSubmission({ ...draft, email: '', dossierSecret: 's' })).toEqual({
      title: 'T',
      content: 'C',
      author: { fullName: 'Trần Thị Bình', phone: '0912345678' },
      dossierCode: 'H35-1',
      dossierSecret: 's',
    });
  });

  it('sends, then shows the code and the secret with a link to follow it up', async () => {
    const user = userEvent.setup();
    const api = installFakeApi().on('POST', '/api/public/feedback', {
      status: 201,
      body: { code: 'PAKN-1', secret: 's3cr3t', feedback: { receivedAt: '2026-12-01T02:00:00Z', dueAt: '2026-12-22T02:00:00Z' } },
    });
    render(<FeedbackSubmitPage />);
    await user.click(screen.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }));
    expect(screen.getByLabelText(/Tiêu đề/)).toHaveFocus();
    expect(api.calls).toHaveLength(0);
    await user.type(screen.getByLabelText(/Tiêu đề/), 'Niêm yết sai');
    await user.type(screen.getByLabelText(/Nội dung phản ánh/), 'Chi tiết');
    await user.type(screen.getByLabelText(/Họ và tên/), 'Trần Thị Bình');
    await user.click(screen.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }));
    expect(await screen.findByTestId('feedback-code')).toHaveTextContent('PAKN-1');
    expect(screen.getByTestId('feedback-secret')).toHaveTextContent('s3cr3t');
    expect(screen.getByText('22/12/2026 09:00')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Theo dõi phản ánh, kiến nghị này' })).toHaveAttribute('href', '#/theo-doi-phan-anh/PAKN-1/s3cr3t');
    expect(api.callsTo('POST', '/api/public/feedback')[0].body).toEqual({ title: 'Niêm yết sai', content: 'Chi tiết', author: { fullName: 'Trần Thị Bình' } });
  });

  it('a dossier code and secret that do not match are marked on the dossier field', async () => {
    const user = userEvent.setup();
    installFakeApi().on('POST', '/api/public/feedback', { status: 404, body: { error: 'NOT_FOUND', message: 'No dossier with this code and secret' } });
    render(<FeedbackSubmitPage />);
    await user.type(screen.getByLabelText(/Tiêu đề/), 'T');
    await user.type(screen.getByLabelText(/Nội dung phản ánh/), 'C');
    await user.type(screen.getByLabelText(/Họ và tên/), 'Trần Thị Bình');
    await user.type(screen.getByLabelText('Mã hồ sơ'), 'H35-1');
    await user.type(screen.getByLabelText('Mã tra cứu của hồ sơ'), 'sai');
    await user.click(screen.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(DOSSIER_NOT_FOUND);
    expect(screen.getByLabelText('Mã hồ sơ')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('the citizen follow-up page', () => {
  it('shows the answer and records one rating', async () => {
    const user = userEvent.setup();
    const seen = { code: 'PAKN-1', title: 'Niêm yết sai', state: 'published', stateLabel: 'Đã công khai', version: 5, receivedAt: '2026-12-01T02:00:00Z', dueAt: null, answer: 'Sở đã điều chỉnh.', publishedAt: '2026-12-03T02:00:00Z', verdict: null, verdictLabel: null, canRate: true, awaitingSupplement: false, timeline: [{ at: '2026-12-01T02:00:00Z', label: 'Tiếp nhận phản ánh, kiến nghị' }] };
    const api = installFakeApi()
      .on('GET', '/api/public/feedback/PAKN-1', { body: seen })
      .on('POST', '/api/public/feedback/PAKN-1/events', { body: { ...seen, version: 6, verdict: 'satisfied', verdictLabel: 'Hài lòng', canRate: false } });
    render(<FeedbackFollowPage code="PAKN-1" secret="s3cr3t" />);
    expect(await screen.findByTestId('feedback-answer')).toHaveTextContent('Sở đã điều chỉnh.');
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(screen.getByText('Vui lòng chọn một mức đánh giá.')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Hài lòng'));
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByTestId('feedback-verdict')).toHaveTextContent('Hài lòng');
    expect(screen.queryByRole('form', { name: 'Đánh giá kết quả trả lời' })).not.toBeInTheDocument();
    expect(api.callsTo('POST', '/api/public/feedback/PAKN-1/events')[0].body).toEqual({ type: 'RATE', secret: 's3cr3t', verdict: 'satisfied', expectedVersion: 5 });
  });

  it('says the same for an unknown code and a wrong secret', async () => {
    installFakeApi().on('GET', /\/api\/public\/feedback\//, { status: 404, body: { error: 'NOT_FOUND', message: 'No feedback with this code and secret' } });
    render(<FeedbackFollowPage code="PAKN-1" secret="x" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Không tìm thấy phản ánh, kiến nghị hoặc mã tra cứu không đúng.');
    expect(screen.getByLabelText(/Mã phản ánh, kiến nghị/)).toHaveValue('PAKN-1');
  });
});

describe('staff screens', () => {
  const staffApi = () => installFakeApi().on('GET', '/api/departments', { body: DEPARTMENTS }).on('GET', '/api/procedures', { body: PROCEDURES });

  it('phase clocks say time left, overdue, paused, and how a phase ended', () => {
    const [ended, open] = feedbackItem().phases;
    expect(phaseStatus(open)).toEqual({ text: 'còn 3 ngày 1 giờ', late: false });
    expect(phaseStatus({ ...open, workingMinutesLeft: -600 })).toEqual({ text: 'quá hạn 1 ngày 2 giờ', late: true });
    expect(phaseStatus({ ...open, pausedAt: '2026-12-02T02:00:00Z' }).text).toBe('Tạm dừng chờ bổ sung (còn 3 ngày 1 giờ)');
    expect(phaseStatus(ended).text).toBe('Không còn tính');
    expect(phaseStatus({ ...ended, completed: true, late: true })).toEqual({ text: 'Đã xong, trễ hạn', late: true });
  });

  it('the inbox lists feedback with the open phases and filters by state and overdue', async () => {
    const user = userEvent.setup();
    const api = staffApi().on('GET', '/api/feedback', { body: { items: [feedbackItem()], total: 1, page: 1, pageSize: 20 } });
    render(<FeedbackInboxPage />);
    const row = (await screen.findByText('Trần Thị Bình')).closest('tr')!;
    expect(within(row).getByRole('link', { name: 'PAKN-000.00.20.H35-261201-0001' })).toHaveAttribute('href', '#/phan-anh-kien-nghi/7d1f0c2e-3b7a-4c55-9a43-2a9f0e6b1c11');
    expect(within(row).getByText('Hạn xử lý: 22/12/2026 09:00 — còn 3 ngày 1 giờ')).toBeInTheDocument();
    expect(within(row).queryByText(/Hạn từ chối tiếp nhận/)).not.toBeInTheDocument(); // ended phases are not listed
    await user.selectOptions(screen.getByLabelText('Trạng thái'), 'in_handling');
    await user.click(screen.getByLabelText('Chỉ phản ánh, kiến nghị quá hạn xử lý'));
    expect(api.callsTo('GET', '/api/feedback').at(-1)!.path).toBe('/api/feedback?state=in_handling&overdue=true&page=1&pageSize=20');
  });

  it('an action asks for its fields and a confirmation, sends the version seen, and reloads on a conflict', async () => {
    const user = userEvent.setup();
    let version = 2;
    const api = staffApi()
      .on('GET', /\/api\/feedback\/[^/]+$/, () => ({ body: feedbackItem({ version, state: 'in_handling', stateLabel: 'Đang xử lý', allowedEvents: ['REQUEST_SUPPLEMENT', 'ANSWER'] }) }))
      .on('GET', /\/history$/, { body: [{ version: 1, type: 'CREATE', typeLabel: 'Tiếp nhận phản ánh, kiến nghị', toLabel: 'Đã tiếp nhận', actor: { id: 'citizen:PAKN-1', username: 'citizen', fullName: 'Trần Thị Bình', title: 'Người phản ánh, kiến nghị' }, at: '2026-12-01T02:00:00Z', payload: {} }] })
      .on('POST', /\/events$/, () => {
        version = 3;
        return { status: 409, body: { error: 'VERSION_CONFLICT', message: 'stale' } };
      });
    render(<FeedbackPage id="7d1f0c2e-3b7a-4c55-9a43-2a9f0e6b1c11" />);
    expect(await screen.findByText(/Trần Thị Bình \(Người phản ánh, kiến nghị\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Trả lời phản ánh, kiến nghị' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(screen.getByLabelText(/Nội dung trả lời/)).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', /\/events$/)).toHaveLength(0);
    await user.type(screen.getByLabelText(/Nội dung trả lời/), 'Sở đã điều chỉnh.');
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findByText(/vừa được người khác cập nhật/)).toBeInTheDocument();
    expect(api.callsTo('POST', /\/events$/)[0].body).toEqual({ type: 'ANSWER', expectedVersion: 2, answer: 'Sở đã điều chỉnh.' });
    // Reloaded, and what was typed is still there for the next try.
    expect(api.callsTo('GET', /\/api\/feedback\/[^/]+$/).length).toBeGreaterThan(1);
    expect(screen.getByLabelText(/Nội dung trả lời/)).toHaveValue('Sở đã điều chỉnh.');
  });
});
