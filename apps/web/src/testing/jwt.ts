/** An unsigned JWT-shaped token with the given payload (the web app never verifies signatures). */
export function fakeJwt(payload: Record<string, unknown>): string {
  const utf8 = (text: string) => encodeURIComponent(text).replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const b64 = (value: object) => btoa(utf8(JSON.stringify(value))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.c2ln`;
}
