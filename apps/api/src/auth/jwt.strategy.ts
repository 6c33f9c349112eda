import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthUser } from '../common/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { AccessTokenPayload } from './auth.service';

/**
 * Stateless bearer tokens: the user is rebuilt from the token, with no database read
 * per request. A deactivated user keeps access until the token expires (JWT_EXPIRES_IN_SECONDS).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it
      // as a public key on every request, about a third of a transition's CPU (bench/, PROFILE=1).
      secretOrKey: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')) as unknown as string,
      algorithms: ['HS256'],
    });
  }

  validate(payload: AccessTokenPayload): AuthUser {
    return {
      id: payload.sub,
      username: payload.username,
      fullName: payload.name,
      roles: payload.roles,
      departmentCode: payload.dept,
      ...(payload.pwc ? { mustChangePassword: true } : {}),
    };
  }
}
