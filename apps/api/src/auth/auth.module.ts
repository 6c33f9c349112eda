import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard, RolesGuard } from './guards';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { LoginBackoff } from './login-backoff';

@Module({
  imports: [
    UsersModule,
    PassportModule,
    // In-memory counters, per instance: with N instances the effective limit is N × this.
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => [
        { name: 'login', ttl: 60_000, limit: config.rateLimitPerMinute.login },
        { name: 'public', ttl: 60_000, limit: config.rateLimitPerMinute.public },
      ],
    }),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwt.secret,
        signOptions: { expiresIn: config.jwt.expiresInSeconds, algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController],
  exports: [ThrottlerModule],
  providers: [
    AuthService,
    LocalStrategy,
    { provide: LoginBackoff, useFactory: () => new LoginBackoff() },
    JwtStrategy,
    // Order matters: authenticate first, then check roles.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class AuthModule {}
