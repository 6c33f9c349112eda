import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { AuthUser } from '../common/auth.decorators';
import { UsersService } from '../users/users.service';

export interface AccessTokenPayload {
  sub: string;
  username: string;
  name: string;
  roles: AuthUser['roles'];
  dept: string | null;
  /** Present (true) while a temporary password is still to be replaced. */
  pwc?: true;
}

// Verified against when the username is unknown, so both failures cost the same time
// and the response cannot tell which one happened.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$AXDIzp9UOfSchLJeiD5ZUQ$db/hDlQrJo+h1jDJuFZHYxAv06PkqlgYDpTb5kuxJcI';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  /** Returns the user for valid credentials, null otherwise (one outcome for both failures). */
  async validateCredentials(username: string, password: string): Promise<AuthUser | null> {
    const user = await this.users.findActiveByUsername(username);
    const ok = await argon2.verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!user || !ok) return null;
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      roles: user.roles,
      departmentCode: user.departmentCode,
      ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
    };
  }

  async issueToken(user: AuthUser): Promise<{ accessToken: string; tokenType: 'Bearer'; user: AuthUser }> {
    const payload: AccessTokenPayload = {
      sub: user.id,
      username: user.username,
      name: user.fullName,
      roles: user.roles,
      dept: user.departmentCode,
      ...(user.mustChangePassword ? { pwc: true as const } : {}),
    };
    return { accessToken: await this.jwt.signAsync(payload), tokenType: 'Bearer', user };
  }
}
