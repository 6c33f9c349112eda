import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { ListOutboxQuery } from './outbox-admin.dto';
import { OutboxAdminService } from './outbox-admin.service';

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new BadInputError('id must be a UUID') });

/** The outbox for administrators: what waits, what was delivered, what is dead, and retrying it. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxAdminController {
  constructor(private readonly admin: OutboxAdminService) {}

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
  retry(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.admin.retry(user, id);
  }

  @Post(':id/discard')
  @HttpCode(200)
  @Roles('admin')
  @ApiConflictResponse({ description: 'OUTBOX_STATE_CONFLICT: only a pending or dead message can be discarded' })
  discard(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.admin.discard(user, id);
  }
}
