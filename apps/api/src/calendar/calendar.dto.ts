import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class HolidaysQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(1800)
  @Max(2199)
  year!: number;
}

export class DueQuery {
  @ApiProperty({ example: '2026-02-12T09:00:00+07:00' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiPropertyOptional({ description: 'Exactly one of workingDays, workingHours, calendarDays' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  workingDays?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100000)
  workingHours?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  calendarDays?: number;
}

export class DayOverrideDto {
  @ApiProperty({ enum: ['day_off', 'working_day'] })
  @IsIn(['day_off', 'working_day'])
  kind!: 'day_off' | 'working_day';

  @ApiProperty({ example: 'Nghỉ bù theo Thông báo của Bộ Nội vụ' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;
}

export const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
