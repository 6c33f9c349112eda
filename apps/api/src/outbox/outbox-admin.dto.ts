import { ApiPropertyOptional } from '@nestjs/swagger';
import { NameText } from '../common/input.decorators';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
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

/** Which held messages a decision covers; without `ids`, every held message. */
export class HeldMessagesBody {
  @ApiPropertyOptional({ type: [String], description: 'Ids of held messages (UUID); absent = all held messages', maxItems: 5000 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsUUID('4', { each: true })
  ids?: string[];
}

/** Why the administrator retries or discards a message; kept in the message's audit trail. */
export class OutboxDecisionBody {
  @ApiPropertyOptional({ example: 'Máy chủ nhận đã khắc phục sự cố' })
  @IsOptional()
  @NameText(500)
  reason?: string;
}
