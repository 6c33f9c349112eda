import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../common/auth.decorators';
import { LookupQuery } from '../public/public-dossiers.controller';
import { PublicFeedbackDto } from './dto/submit-feedback.dto';
import { PublicFeedbackEventDto } from './dto/feedback-event.dto';
import { FeedbackCommands } from './feedback-commands.service';
import { FeedbackQueries } from './feedback-queries.service';

/** For citizens, without login: rate-limited per address; following up needs the feedback's secret. */
@ApiTags('public')
@Controller('public/feedback')
@Public()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ login: true })
export class PublicFeedbackController {
  constructor(
    private readonly commands: FeedbackCommands,
    private readonly queries: FeedbackQueries,
  ) {}

  @Post()
  @ApiCreatedResponse({ description: 'The feedback’s code and the secret to follow it up (shown once)' })
  submit(@Body() dto: PublicFeedbackDto) {
    return this.commands.submitPublic(dto);
  }

  @Get(':code')
  lookup(@Param('code') code: string, @Query() q: LookupQuery) {
    return this.queries.lookup(code, q.secret);
  }

  @Post(':code/events')
  @HttpCode(200)
  act(@Param('code') code: string, @Body() dto: PublicFeedbackEventDto) {
    return this.commands.applyCitizenEvent(code, dto);
  }
}
