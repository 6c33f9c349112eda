import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../common/auth.decorators';
import { PasswordResetLinks } from './password-reset-links.service';
import { ResetLinkTokenDto, UseResetLinkDto } from './user-admin.dto';

/**
 * The user's side of a one-time reset link, without login (rate-limited per address). The token
 * travels in the body, never in a URL, so no request log can hold it.
 */
@ApiTags('auth')
@Controller('auth/password-reset')
@Public()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ login: true })
export class PasswordResetController {
  constructor(private readonly links: PasswordResetLinks) {}

  @Post('inspect')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Whom the link is for and until when it works' })
  @ApiNotFoundResponse({ description: 'RESET_LINK_INVALID' })
  @ApiGoneResponse({ description: 'RESET_LINK_USED, RESET_LINK_REVOKED or RESET_LINK_EXPIRED' })
  inspect(@Body() dto: ResetLinkTokenDto) {
    return this.links.inspect(dto.token);
  }

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ description: 'The password is set; the link no longer works' })
  @ApiGoneResponse({ description: 'RESET_LINK_USED, RESET_LINK_REVOKED or RESET_LINK_EXPIRED' })
  use(@Body() dto: UseResetLinkDto) {
    return this.links.use(dto.token, dto.newPassword);
  }
}
