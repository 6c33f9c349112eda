import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { HeldMessagesBody, ListOutboxQuery, OutboxDecisionBody } from './outbox-admin.dto';
import { OutboxAdminService } from './outbox-admin.service';

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new BadInputError('id must be a UUID') });

/** The outbox for administrators: what waits, what was delivered, what is dead or held after a restore, and deciding on it. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxAdminController {
  constructor(private readonly admin: OutboxAdminService) {}

  /** Held messages (after a restore) released at once: all of them, or those of `ids`. */
  @Post('release-held')
  @HttpCode(200)
  @Roles('admin')
  releaseHeld(@CurrentUser() user: AuthUser, @Body() body: HeldMessagesBody) {
    return this.admin.releaseHeld(user, body.ids);
  }

  /** Held messages discarded at once (the lost system delivered them): all of them, or those of `ids`. */
  @Post('discard-held')
  @HttpCode(200)
  @Roles('admin')
  discardHeld(@CurrentUser() user: AuthUser, @Body() body: HeldMessagesBody) {
    return this.admin.discardHeld(user, body.ids);
  }

  @Get()
  @Roles('admin')
  list(@Query() query: ListOutboxQuery) {
    return this.admin.list(query);
  }

  @Get(':id')
  @Roles('admin')
  get(@Param('id', uuid) id: string) {
    return this.admin.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles('admin')
  @ApiConflictResponse({ description: 'OUTBOX_STATE_CONFLICT: only a dead message can be retried' })
  retry(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: OutboxDecisionBody) {
    return this.admin.retry(user, id, body.reason);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Roles('admin')
  @ApiConflictResponse({ description: 'OUTBOX_STATE_CONFLICT: only a held message can be released' })
  release(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.admin.release(user, id);
  }

  @Post(':id/discard')
  @HttpCode(200)
  @Roles('admin')
  @ApiConflictResponse({ description: 'OUTBOX_STATE_CONFLICT: only a pending, held or dead message can be discarded' })
  discard(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: OutboxDecisionBody) {
    return this.admin.discard(user, id, body.reason);
  }
}
