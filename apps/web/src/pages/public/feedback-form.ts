import type { FeedbackSubmission } from '../../api/feedback';

/** What the citizen typed on the feedback form (kept as typed; cleaned by `toSubmission`). */
export interface FeedbackDraft {
  title: string;
  content: string;
  fullName: string;
  phone: string;
  email: string;
  address: string;
  dossierCode: string;
  dossierSecret: string;
}

export const EMPTY_FEEDBACK: FeedbackDraft = { title: '', content: '', fullName: '', phone: '', email: '', address: '', dossierCode: '', dossierSecret: '' };

/** Field paths as the API names them (`author.fullName`…), so server messages land on the same boxes. */
export type FeedbackField = 'title' | 'content' | 'author.fullName' | 'author.phone' | 'author.email' | 'author.address' | 'dossierCode' | 'dossierSecret';

const length = (text: string) => Array.from(text.trim()).length;

/** The server's limits (apps/api feedback DTOs), checked before sending; Vietnamese messages by field. */
export function validateFeedback(d: FeedbackDraft): Partial<Record<FeedbackField, string>> {
  const problems: Partial<Record<FeedbackField, string>> = {};
  if (!d.title.trim()) problems.title = 'Vui lòng nhập tiêu đề phản ánh, kiến nghị.';
  else if (length(d.title) > 200) problems.title = 'Tối đa 200 ký tự.';
  if (!d.content.trim()) problems.content = 'Vui lòng nhập nội dung phản ánh, kiến nghị.';
  else if (length(d.content) > 5000) problems.content = 'Tối đa 5000 ký tự.';
  if (!d.fullName.trim()) problems['author.fullName'] = 'Vui lòng nhập họ và tên.';
  else if (length(d.fullName) > 120) problems['author.fullName'] = 'Tối đa 120 ký tự.';
  const phone = d.phone.replace(/\s+/g, '');
  if (phone && !/^\+?[0-9.-]{6,20}$/.test(phone)) problems['author.phone'] = 'Số điện thoại gồm 6–20 chữ số.';
  const email = d.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email)) problems['author.email'] = 'Địa chỉ thư điện tử không hợp lệ.';
  if (length(d.address) > 500) problems['author.address'] = 'Tối đa 500 ký tự.';
  const code = d.dossierCode.trim();
  const secret = d.dossierSecret.trim();
  if (code && !secret) problems.dossierSecret = 'Vui lòng nhập mã tra cứu của hồ sơ (in trên giấy tiếp nhận).';
  if (secret && !code) problems.dossierCode = 'Vui lòng nhập mã hồ sơ.';
  if (length(code) > 48) problems.dossierCode = 'Mã hồ sơ không quá 48 ký tự.';
  if (length(secret) > 128) problems.dossierSecret = 'Mã tra cứu không quá 128 ký tự.';
  return problems;
}

/** The request body: trimmed, spaces out of the phone number, empty optional fields left out. */
export function toSubmission(d: FeedbackDraft): FeedbackSubmission {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const phone = d.phone.replace(/\s+/g, '');
  return {
    title: d.title.trim(),
    content: d.content.trim(),
    author: {
      fullName: d.fullName.trim(),
      ...(phone ? { phone } : {}),
      ...(optional(d.email) ? { email: optional(d.email) } : {}),
      ...(optional(d.address) ? { address: optional(d.address) } : {}),
    },
    ...(optional(d.dossierCode) ? { dossierCode: optional(d.dossierCode), dossierSecret: optional(d.dossierSecret) } : {}),
  };
}
