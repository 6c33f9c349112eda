import { decodeJwtPayload, isExpired, tokenExpiry } from './token';
import { fakeJwt } from '../testing/jwt';

describe('token', () => {
  it('reads exp and Vietnamese names from the payload', () => {
    const token = fakeJwt({ name: 'Nguyễn Thị Hồng Nhung', exp: 1795688468 });
    expect(decodeJwtPayload(token)).toEqual({ name: 'Nguyễn Thị Hồng Nhung', exp: 1795688468 });
    expect(tokenExpiry(token)).toBe(1795688468000);
  });

  it('treats garbage as unreadable', () => {
    expect(decodeJwtPayload('not-a-token')).toBeNull();
    expect(decodeJwtPayload('a.%%%.c')).toBeNull();
    expect(tokenExpiry(fakeJwt({ sub: 'x' }))).toBeNull();
  });

  it('expires a few seconds early so no request leaves with a dying token', () => {
    const session = { token: 't', user: { id: '1', username: 'u', fullName: 'U', roles: [], departmentCode: null }, expiresAt: 100_000 };
    expect(isExpired(session, 90_000)).toBe(false);
    expect(isExpired(session, 96_000)).toBe(true);
    expect(isExpired({ ...session, expiresAt: null }, 1e15)).toBe(false);
  });
});
