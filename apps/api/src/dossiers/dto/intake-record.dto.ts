import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { RECEIVED_FORMS, type ReceivedForm } from '../intake-record';

/** One component as the clerk found it at the counter. */
export class ReceivedComponentDto {
  @ApiProperty({ description: 'Component key of the procedure version' })
  @IsString()
  @MaxLength(64)
  key!: string;

  @ApiProperty({ enum: RECEIVED_FORMS, description: 'original (bản chính), certified_copy (bản sao chứng thực), copy (bản sao), electronic (bản điện tử), not_submitted' })
  @IsIn([...RECEIVED_FORMS])
  form!: ReceivedForm;

  @ApiPropertyOptional({ description: 'Number of copies of that form received (default 1; 0 when not submitted)', minimum: 0, maximum: 99 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(99)
  count?: number;
}

/** The log-book reference (Sổ theo dõi hồ sơ: quyển số, số thứ tự). */
export class LogBookRefDto {
  @ApiProperty({ example: '01/2026' })
  @IsString()
  @Matches(/^[0-9A-Za-z/.-]{1,16}$/, { message: 'volume must be 1–16 letters, digits, dots, dashes or slashes' })
  volume!: string;

  @ApiProperty({ example: 125 })
  @IsInt()
  @Min(1)
  @Max(999999)
  entry!: number;
}

/** What was actually received at intake, printed on Mẫu 01 as recorded. */
export class IntakeRecordDto {
  @ApiProperty({ type: [ReceivedComponentDto], description: 'Every component of the procedure, each at most once; a component left out was not submitted' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ReceivedComponentDto)
  components!: ReceivedComponentDto[];

  @ApiPropertyOptional({ description: 'Number of sets (bộ hồ sơ), default 1', minimum: 1, maximum: 99 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  sets?: number;

  @ApiPropertyOptional({ type: LogBookRefDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LogBookRefDto)
  logBook?: LogBookRefDto;
}
