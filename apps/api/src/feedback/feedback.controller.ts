import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { CounterFeedbackDto } from './dto/submit-feedback.dto';
import { FeedbackEventDto } from './dto/feedback-event.dto';
import { ListFeedbackQuery } from './dto/list-feedback.query';
import { FeedbackCommands } from './feedback-commands.service';
import { FeedbackQueries } from './feedback-queries.service';

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new BadInputError('id must be a UUID') });

/** Staff side of feedback and petitions (PAKN): the same event contract as dossiers. */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller('feedback')
export class FeedbackController {
  constructor(
    private readonly commands: FeedbackCommands,
    private readonly queries: FeedbackQueries,
  ) {}

  @Post()
  @Roles('clerk')
  @ApiCreatedResponse({ description: 'Feedback recorded at the counter; the view carries the citizen’s lookup secret' })
  receive(@CurrentUser() user: AuthUser, @Body() dto: CounterFeedbackDto) {
    return this.commands.submitAtCounter(user, dto);
  }

  @Get()
  @Roles(...ALL_STAFF)
  list(@CurrentUser() user: AuthUser, @Query() query: ListFeedbackQuery) {
    return this.queries.list(user, query);
  }

  @Get(':id')
  @Roles(...ALL_STAFF)
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.queries.get(user, id);
  }

  @Get(':id/history')
  @Roles(...ALL_STAFF)
  history(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.queries.history(user, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @Roles('clerk', 'specialist', 'leader')
  @ApiOkResponse({ description: 'The feedback after the transition' })
  @ApiConflictResponse({ description: 'INVALID_TRANSITION (with allowedEvents) or VERSION_CONFLICT' })
  sendEvent(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: FeedbackEventDto) {
    return this.commands.applyStaffEvent(user, id, dto);
  }
}
