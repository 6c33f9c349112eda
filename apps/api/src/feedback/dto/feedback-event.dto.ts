import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Max, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { MAX_INT32 } from '../../common/page.query';
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_EVENT_FIELDS,
  FEEDBACK_EVENT_TYPES,
  FEEDBACK_VERDICTS,
  FeedbackCategory,
  FeedbackEvent,
  FeedbackEventType,
  FeedbackVerdict,
  MAX_ANSWER_LENGTH,
} from '@motcua/workflow';
import { eventFromBody } from '../../workflow-records/event-body';

/**
 * One body for every feedback event, the same contract as dossier events: `type`,
 * `expectedVersion` (stale → 409 VERSION_CONFLICT) and the event's own fields; a field the
 * event does not take is refused, not ignored.
 */
export class FeedbackEventDto {
  @ApiProperty({ enum: FEEDBACK_EVENT_TYPES })
  @IsIn(FEEDBACK_EVENT_TYPES as FeedbackEventType[])
  type!: FeedbackEventType;

  @ApiProperty({ description: 'The feedback version the client saw' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  expectedVersion!: number;

  @ApiPropertyOptional({ enum: FEEDBACK_CATEGORIES, description: 'CLASSIFY' })
  @IsOptional()
  @IsIn(FEEDBACK_CATEGORIES as FeedbackCategory[])
  category?: FeedbackCategory;

  @ApiPropertyOptional({ description: 'CLASSIFY: the department that will handle it' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  departmentCode?: string;

  @ApiPropertyOptional({ description: 'REJECT, REQUEST_SUPPLEMENT, CLOSE' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'SUPPLEMENT_RECEIVED, START_HANDLING' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'ANSWER' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ANSWER_LENGTH)
  answer?: string;

  @ApiPropertyOptional({ enum: FEEDBACK_VERDICTS, description: 'RATE (the citizen, public endpoint)' })
  @IsOptional()
  @IsIn(FEEDBACK_VERDICTS as FeedbackVerdict[])
  verdict?: FeedbackVerdict;
}

/** What the citizen may do on the public page: rate the answer, or send the supplement asked for. */
export class PublicFeedbackEventDto {
  @ApiProperty()
  @IsString()
  @Length(1, 128)
  secret!: string;

  @ApiProperty({ enum: ['RATE', 'SUPPLEMENT_RECEIVED'] })
  @IsIn(['RATE', 'SUPPLEMENT_RECEIVED'])
  type!: 'RATE' | 'SUPPLEMENT_RECEIVED';

  @ApiPropertyOptional({ description: 'The version the citizen saw; omitted = the current one' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  expectedVersion?: number;

  @ApiPropertyOptional({ enum: FEEDBACK_VERDICTS, description: 'RATE' })
  @IsOptional()
  @IsIn(FEEDBACK_VERDICTS as FeedbackVerdict[])
  verdict?: FeedbackVerdict;

  @ApiPropertyOptional({ description: 'SUPPLEMENT_RECEIVED: what is supplied' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The workflow event of a body, refusing fields the event does not take (FEEDBACK_EVENT_FIELDS). */
export function toFeedbackEvent(body: { type: FeedbackEventType }): FeedbackEvent {
  return eventFromBody<FeedbackEvent>(body, ['category', 'departmentCode', 'reason', 'note', 'answer', 'verdict'], FEEDBACK_EVENT_FIELDS[body.type]);
}
