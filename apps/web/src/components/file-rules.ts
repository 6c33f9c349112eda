import { formatBytes } from '../format/labels';

/** The API's default limit (MAX_UPLOAD_BYTES); the server checks again and decides. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const SCAN_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
export const PDF_ACCEPT = '.pdf,application/pdf';

const EXTENSIONS: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

function typeOf(file: File): string {
  if (file.type) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return EXTENSIONS[ext] ?? '';
}

/**
 * Checks a chosen file before sending it (the server sniffs the bytes and checks again):
 * a Vietnamese message, or null when it may go.
 */
export function checkFile(file: File, allowed: readonly string[] = SCAN_TYPES, maxBytes = MAX_UPLOAD_BYTES): string | null {
  const type = typeOf(file);
  if (!allowed.includes(type)) {
    return allowed.length === 1 && allowed[0] === 'application/pdf'
      ? `Tệp «${file.name}» không phải tệp PDF. Kết quả giải quyết phải là tệp PDF.`
      : `Tệp «${file.name}» không đúng định dạng. Chỉ nhận tệp PDF, JPEG hoặc PNG.`;
  }
  if (file.size === 0) return `Tệp «${file.name}» rỗng (0 byte). Vui lòng chọn lại tệp.`;
  if (file.size > maxBytes) return `Tệp «${file.name}» quá lớn (${formatBytes(file.size)}); dung lượng tối đa là ${formatBytes(maxBytes)}.`;
  return null;
}
