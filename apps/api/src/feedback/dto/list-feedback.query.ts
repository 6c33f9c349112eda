import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FEEDBACK_CATEGORIES, FEEDBACK_STATES, FeedbackCategory, FeedbackState } from '@motcua/workflow';

export class ListFeedbackQuery {
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
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
