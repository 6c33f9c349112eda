import { CONTACT_PROBLEMS_VI } from '@motcua/text/contact-rules';
import { ApiError, NETWORK_ERROR } from './client';
import { describeError, translateProblem, unplacedFieldMessages } from './errors';

const err = (status: number, error: string, message = error, details?: Record<string, unknown>) =>
  new ApiError(status, error, message, { statusCode: status, error, message, ...(details ? { details } : {}) });

describe('describeError', () => {
  it('maps validation problems to Vietnamese messages keyed by field', () => {
    const view = describeError(
      err(400, 'VALIDATION_FAILED', 'x', {
        problems: [
          'applicant.fullName should not be empty',
          'applicant.idNumber must be a CCCD (12 digits), an old CMND (9 digits), a passport number or a tax code (10 or 13 digits)',
          'applicant.phone must be a Vietnamese mobile (10 digits) or landline (11 digits) number',
          'applicant.email must be an address like name@example.vn',
          'applicant.address must be shorter than or equal to 500 characters',
          'channel must be one of the following values: direct, online, postal',
        ],
      }),
    );
    expect(view.message).toBe('Thông tin chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.');
    expect(view.fields).toEqual({
      'applicant.fullName': 'Không được để trống.',
      'applicant.idNumber': CONTACT_PROBLEMS_VI.ID_PATTERN,
      'applicant.phone': CONTACT_PROBLEMS_VI.PHONE_PATTERN,
      'applicant.email': CONTACT_PROBLEMS_VI.EMAIL_PATTERN,
      'applicant.address': 'Tối đa 500 ký tự.',
      channel: 'Giá trị đã chọn không hợp lệ.',
    });
  });

  it('maps the workflow payload check (400 BAD_REQUEST) to the reason field', () => {
    const view = describeError(err(400, 'BAD_REQUEST', 'REJECT: reason is required and must not be blank', { state: 'submitted' }));
    expect(view.fields).toEqual({ reason: 'Vui lòng nhập lý do.' });
    const apology = describeError(err(400, 'BAD_REQUEST', 'APOLOGISE: reason is required and must not be blank; newAppointment must be an ISO-8601 instant with a UTC offset, e.g. 2025-03-31T17:00:00+07:00'));
    expect(apology.fields).toEqual({ reason: 'Vui lòng nhập lý do.', newAppointment: 'Ngày giờ không hợp lệ.' });
  });

  it.each([
    ['VERSION_CONFLICT', 409, 'Hồ sơ vừa được người khác cập nhật'],
    ['INVALID_TRANSITION', 409, 'không còn phù hợp với trạng thái hiện tại'],
    ['FORBIDDEN', 403, 'Bạn không có quyền thực hiện thao tác này.'],
    ['INVALID_CREDENTIALS', 401, 'Tên đăng nhập hoặc mật khẩu không đúng.'],
    ['TOO_MANY_REQUESTS', 429, 'quá nhiều lần'],
    ['UNKNOWN_PROCEDURE', 422, 'Thủ tục hành chính không tồn tại'],
    ['SERVICE_UNAVAILABLE', 503, 'tạm thời không truy cập được'],
    ['INTERNAL_ERROR', 500, 'Máy chủ gặp lỗi'],
    ['NOT_FOUND', 404, 'Không tìm thấy hồ sơ'],
  ])('%s → Vietnamese', (code, status, text) => {
    expect(describeError(err(status, code)).message).toContain(text);
  });

  it('explains deadline rules next to the new appointment', () => {
    const view = describeError(err(422, 'DEADLINE_RULE', 'The new appointment must be later than the current one', { rule: 'APOLOGY_DATE_INVALID' }));
    expect(view.message).toBe('Ngày hẹn trả mới phải sau ngày hẹn hiện tại.');
    expect(view.fields.newAppointment).toBe('Ngày hẹn trả mới phải sau ngày hẹn hiện tại.');
    expect(describeError(err(422, 'DEADLINE_RULE', 'x', { rule: 'APOLOGY_TOO_LATE' })).message).toContain('trước hạn giải quyết');
  });

  it('never shows English: network failures, unknown codes, non-API errors', () => {
    expect(describeError(new ApiError(0, NETWORK_ERROR, 'Failed to fetch')).message).toBe('Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.');
    expect(describeError(err(418, 'TEAPOT')).message).toBe('Yêu cầu không thực hiện được (mã lỗi TEAPOT).');
    expect(describeError(new TypeError('x is undefined')).message).toContain('lỗi ngoài dự kiến');
  });

  it('names fields in Vietnamese when they are not shown beside a control', () => {
    const view = describeError(err(400, 'VALIDATION_FAILED', 'x', { problems: ['property foo should not exist', 'applicant.fullName should not be empty'] }));
    expect(unplacedFieldMessages(view, ['applicant.fullName'])).toEqual(['foo: Trường "foo" không được phép gửi.']);
  });

  it('translates single problems', () => {
    expect(translateProblem('reason must be at most 2000 characters')).toEqual(['reason', 'Tối đa 2000 ký tự.']);
    expect(translateProblem('method must be one of counter, post, online')).toEqual(['method', 'Giá trị đã chọn không hợp lệ.']);
  });
});
