/**
 * The historical import's problems (apps/api/src/imports/import-line.ts, import.service.ts) in
 * Vietnamese: the server's wording is English for operators' logs; the screen shows these.
 */
const RULES: Array<[RegExp, string | ((m: RegExpExecArray) => string)]> = [
  [/^not valid JSON$/, 'Dòng không phải JSON hợp lệ.'],
  [/^must be a JSON object$/, 'Dòng phải là một đối tượng JSON.'],
  [/^unknown field$/, 'Trường không có trong mẫu dữ liệu.'],
  [/^must be 3–48 letters/, 'Mã hồ sơ gồm 3–48 chữ cái, chữ số, dấu chấm hoặc gạch ngang.'],
  [/^has the form of the codes this service issues/, 'Mã hồ sơ trùng dạng mã của hệ thống này; hãy giữ tiền tố của hệ thống cũ.'],
  [/^unknown procedure$/, 'Thủ tục không có trong danh mục.'],
  [/^must be direct, online or postal$/, 'Hình thức nộp phải là direct (trực tiếp), online (trực tuyến) hoặc postal (bưu chính).'],
  [/^must be an instant like .*, or null$/, 'Thời điểm phải có dạng 2026-02-12T09:00:00+07:00 (có múi giờ), hợp lệ, trong các năm lịch làm việc hỗ trợ; hoặc null.'],
  [/^must be an instant like/, 'Thời điểm phải có dạng 2026-02-12T09:00:00+07:00 (có múi giờ), hợp lệ, trong các năm lịch làm việc hỗ trợ.'],
  [/^must be one of /, 'Kết quả phải là returned, refused, stopped, withdrawn hoặc processing.'],
  [/^is required when the outcome is not processing$/, 'Bắt buộc khi hồ sơ đã có kết quả.'],
  [/^must be absent while processing$/, 'Hồ sơ đang giải quyết thì không có thời điểm kết thúc.'],
  [/^is before receivedAt$/, 'Sớm hơn thời điểm tiếp nhận.'],
  [/^is more than ten years after receivedAt$/, 'Cách thời điểm tiếp nhận hơn mười năm.'],
  [/^is before requestedAt$/, 'Sớm hơn thời điểm yêu cầu bổ sung.'],
  [/^only the last supplementation may still be open$/, 'Chỉ lần bổ sung cuối cùng mới được chưa hoàn thành.'],
  [/^must be an array/, 'Phải là một danh sách (có thể rỗng).'],
  [/^must list at most (\d+)/, (m) => `Tối đa ${m[1]} lần yêu cầu bổ sung.`],
  [/^must be an object$/, 'Phải là một đối tượng.'],
  [/^must be true or false$/, 'Phải là true hoặc false.'],
  [/^must be true, false, 'national'/, "Phải là true, false, 'national', 'provincial' hoặc null."],
  [/^must be 1–64 characters$/, 'Gồm 1–64 ký tự.'],
  [/^must be an http\(s\) URL/, 'Phải là địa chỉ http(s), tối đa 1000 ký tự.'],
  [/^resultCode and resultLink go together$/, 'Mã và đường dẫn kết quả điện tử phải có cùng nhau.'],
  [/^must be null or one of /, 'Mức hài lòng phải là null, very_satisfied, satisfied hoặc dissatisfied.'],
  [/^a dossier with this code already exists$/, 'Đã có hồ sơ với mã này.'],
  [/^the imported dossier with this code is still in processing/, 'Hồ sơ đã nhập với mã này đang giải quyết: dòng mới phải cho biết kết quả.'],
  [/^differs from the imported dossier it closes \((.*)\)$/, (m) => `Khác thủ tục của hồ sơ đã nhập (${m[1]}).`],
  [/^duplicate of line (\d+)$/, (m) => `Trùng mã hồ sơ với dòng ${m[1]}.`],
  [/^is longer than (\d+) bytes$/, (m) => `Dòng dài quá ${m[1]} byte.`],
];

export function importProblemText(message: string): string {
  for (const [pattern, text] of RULES) {
    const m = pattern.exec(message);
    if (m) return typeof text === 'string' ? text : text(m);
  }
  return 'Dữ liệu không hợp lệ.';
}
