import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthGuard } from '@nestjs/passport';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { ALL_STAFF, AllowPendingPasswordChange, AuthUser, CurrentUser, Public, Roles } from '../common/auth.decorators';
import { ChangePasswordDto } from '../users/user-admin.dto';
import { OwnPasswordService } from '../users/own-password.service';
import { ValidateBody } from '../common/validate-body.guard';
import { AuthService } from './auth.service';
import { LoginDto } from './login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: OwnPasswordService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  // The DTO is validated first, then Passport checks the credentials.
  @UseGuards(ThrottlerGuard, ValidateBody(LoginDto), AuthGuard('local'))
  @SkipThrottle({ public: true })
  @ApiOkResponse({ description: '{accessToken, tokenType, user}' })
  @ApiUnauthorizedResponse({ description: 'Unknown user or wrong password (one message for both)' })
  @ApiTooManyRequestsResponse({ description: 'More than LOGIN_RATE_LIMIT_PER_MINUTE attempts from this address, or LOGIN_BACKOFF: too many failures for this account (Retry-After)' })
  login(@Body() _body: LoginDto, @CurrentUser() user: AuthUser) {
    return this.auth.issueToken(user);
  }

  @Get('me')
  @Roles(...ALL_STAFF)
  @AllowPendingPasswordChange()
  @ApiBearerAuth()
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }

  /** Replaces one's own password (required after a temporary one); answers with a fresh token. */
  @Post('password')
  @HttpCode(200)
  @Roles(...ALL_STAFF)
  @AllowPendingPasswordChange()
  @ApiBearerAuth()
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto) {
    await this.passwords.change(user, dto.currentPassword, dto.newPassword);
    const { mustChangePassword: _done, ...rest } = user;
    return this.auth.issueToken(rest);
  }
}
