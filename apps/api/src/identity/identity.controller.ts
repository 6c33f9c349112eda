import { Controller, Get, HttpCode, Query, Res, UseGuards } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth.decorators';
import { IdentityCallbackDto, IdentityStartDto } from './identity.dto';
import { IdentityService } from './identity.service';

/**
 * The citizen's sign-in with the identity provider (issue #16), public and rate-limited per address
 * like the other public routes. Off (404 on start and callback) unless IDENTITY_ISSUER_URL is set.
 */
@ApiTags('public')
@Controller('public/identity')
@Public()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ login: true })
export class IdentityController {
  constructor(private readonly identity: IdentityService) {}

  /** Whether the online submission page offers the sign-in. */
  @Get()
  @ApiOkResponse({ description: 'Whether citizens can sign in with the identity provider' })
  status(): { enabled: boolean } {
    return { enabled: this.identity.enabled };
  }

  /** Sends the citizen to the identity provider (302); they come back to `returnTo` signed in. */
  @Get('start')
  @HttpCode(302)
  @ApiFoundResponse({ description: "Redirect to the identity provider's authorize endpoint" })
  async start(@Query() q: IdentityStartDto, @Res() reply: FastifyReply) {
    const url = await this.identity.start(q.returnTo);
    void reply.header('cache-control', 'no-store').redirect(url, 302);
  }

  /** Where the identity provider sends the citizen back (302 to the web page, the citizen token in the URL fragment). */
  @Get('callback')
  @HttpCode(302)
  @ApiFoundResponse({ description: 'Redirect to the web page with the citizen token in the URL fragment' })
  async callback(@Query() q: IdentityCallbackDto, @Res() reply: FastifyReply) {
    const url = await this.identity.callback(q.code, q.state);
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(url, 302);
  }
}
