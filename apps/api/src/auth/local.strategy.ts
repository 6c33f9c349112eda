import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors';
import { AuthService } from './auth.service';
import { LoginBackoff } from './login-backoff';

export const INVALID_CREDENTIALS = 'Invalid username or password';

export class LoginBackoffError extends AppError {
  readonly status = 429;
  readonly code = 'LOGIN_BACKOFF';
}

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(
    private readonly auth: AuthService,
    private readonly backoff: LoginBackoff,
    private readonly clock: Clock,
  ) {
    super({ usernameField: 'username', passwordField: 'password' });
  }

  async validate(username: string, password: string): Promise<AuthUser> {
    // Checked before the password: a waiting account gets no verdict, right or wrong.
    const wait = this.backoff.retryAfterSeconds(username, this.clock.now());
    if (wait > 0) {
      throw new LoginBackoffError(`Too many failed logins for this account; try again in ${wait} s`, { retryAfterSeconds: wait });
    }
    const user = await this.auth.validateCredentials(username, password);
    if (!user) {
      this.backoff.recordFailure(username, this.clock.now());
      throw new UnauthorizedException({ error: 'INVALID_CREDENTIALS', message: INVALID_CREDENTIALS });
    }
    this.backoff.recordSuccess(username);
    return user;
  }
}
