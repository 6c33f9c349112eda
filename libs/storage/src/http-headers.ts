/**
 * Header values the library produces or forwards. HTTP header values are Latin-1 at best; a
 * stray Unicode character or line break would either make Node throw mid-request or, worse,
 * let a user-chosen file name inject headers. So names go through RFC 5987 encoding and
 * content types must already be plain ASCII.
 */

/** Largest content type accepted; real ones are far shorter. */
const MAX_CONTENT_TYPE_LENGTH = 255;

/** Throws a TypeError unless `contentType` is non-empty printable ASCII (it becomes an HTTP header). */
export function assertHeaderSafeContentType(contentType: string): void {
  if (typeof contentType !== 'string' || !/^[\x20-\x7e]{1,255}$/.test(contentType) || contentType.trim() === '') {
    throw new TypeError(`contentType must be 1-${MAX_CONTENT_TYPE_LENGTH} printable ASCII characters`);
  }
}

/**
 * `Content-Disposition: attachment` for a download named `fileName` (any Unicode, e.g.
 * `Giấy đề nghị.pdf`), per RFC 6266: an ASCII `filename` for old clients (diacritics removed,
 * anything else replaced by `_`) and the exact name as UTF-8 in `filename*` (RFC 5987).
 * Path separators and control characters are replaced, so the result is always one safe header line.
 */
export function attachmentContentDisposition(fileName: string): string {
  const name = fileName
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[/\\]/g, '_')
    .trim();
  const fallback = asciiFallback(name) || 'download';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name || fallback)}`;
}

/** Vietnamese letters lose their diacritics (`Hồ sơ` → `Ho so`, `Đ` → `D`); any other non-ASCII becomes `_`. */
function asciiFallback(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
}

/** RFC 5987 `value-chars`: percent-encoded UTF-8; encodeURIComponent leaves `'()*` which attr-char excludes. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
