import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, QueryBoolean } from '../../common/page.query';
import { FEEDBACK_CATEGORIES, FEEDBACK_STATES, FeedbackCategory, FeedbackState } from '@motcua/workflow';

export class ListFeedbackQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FEEDBACK_STATES })
  @IsOptional()
  @IsIn(FEEDBACK_STATES as FeedbackState[])
  state?: FeedbackState;

  @ApiPropertyOptional({ enum: FEEDBACK_CATEGORIES })
  @IsOptional()
  @IsIn(FEEDBACK_CATEGORIES as FeedbackCategory[])
  category?: FeedbackCategory;

  @ApiPropertyOptional({ description: 'Department handling it' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  departmentCode?: string;

  @ApiPropertyOptional({ description: 'Only feedback still being handled past its handling due time' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;
}
