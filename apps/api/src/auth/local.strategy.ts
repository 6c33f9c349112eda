import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { AuthUser } from '../common/auth.decorators';
import { AuthService } from './auth.service';

export const INVALID_CREDENTIALS = 'Invalid username or password';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password' });
  }

  async validate(username: string, password: string): Promise<AuthUser> {
    const user = await this.auth.validateCredentials(username, password);
    if (!user) throw new UnauthorizedException({ error: 'INVALID_CREDENTIALS', message: INVALID_CREDENTIALS });
    return user;
  }
}
