import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { OUTBOX_CHANNELS, OUTBOX_STATUSES, type OutboxChannel, type OutboxStatus } from './outbox.types';

export class ListOutboxQuery {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES as OutboxStatus[])
  status?: OutboxStatus;

  @ApiPropertyOptional({ description: 'e.g. dossier.received, dossier.changed, deadline.overdue' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  topic?: string;

  @ApiPropertyOptional({ enum: OUTBOX_CHANNELS })
  @IsOptional()
  @IsIn(OUTBOX_CHANNELS as OutboxChannel[])
  channel?: OutboxChannel;

  @ApiPropertyOptional({ description: 'Messages of one dossier (its id)' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  aggregateId?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
