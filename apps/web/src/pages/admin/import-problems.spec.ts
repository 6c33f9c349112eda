import { importProblemText } from './import-problems';

describe('historical import problems in Vietnamese', () => {
  // The server's wording (apps/api/src/imports/import-line.ts, import.service.ts), as the preview receives it.
  it.each([
    ['not valid JSON', 'Dòng không phải JSON hợp lệ.'],
    ['must be direct, online or postal', 'Hình thức nộp phải là direct (trực tiếp), online (trực tuyến) hoặc postal (bưu chính).'],
    ['unknown procedure', 'Thủ tục không có trong danh mục.'],
    ['duplicate of line 12', 'Trùng mã hồ sơ với dòng 12.'],
    ['is longer than 65536 bytes', 'Dòng dài quá 65536 byte.'],
    ['differs from the imported dossier it closes (1.014393)', 'Khác thủ tục của hồ sơ đã nhập (1.014393).'],
    ['must be an instant like 2026-02-12T09:00:00+07:00 (time zone required) that exists, in the years the working calendar covers, or null', 'Thời điểm phải có dạng 2026-02-12T09:00:00+07:00 (có múi giờ), hợp lệ, trong các năm lịch làm việc hỗ trợ; hoặc null.'],
    ['must be one of returned, refused, stopped, withdrawn, processing', 'Kết quả phải là returned, refused, stopped, withdrawn hoặc processing.'],
    ['must be null or one of very_satisfied, satisfied, dissatisfied', 'Mức hài lòng phải là null, very_satisfied, satisfied hoặc dissatisfied.'],
  ])('%s', (server, shown) => {
    expect(importProblemText(server)).toBe(shown);
  });

  it('an unknown wording is not shown in English', () => {
    expect(importProblemText('something new')).toBe('Dữ liệu không hợp lệ.');
  });
});
