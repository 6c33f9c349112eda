import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SUPPORTED_YEARS } from '@motcua/calendar';
import { IsInstant, NameText } from '../common/input.decorators';

export class HolidaysQuery {
  @ApiProperty({ example: 2026, minimum: SUPPORTED_YEARS.first, maximum: SUPPORTED_YEARS.last })
  @Type(() => Number)
  @IsInt()
  @Min(SUPPORTED_YEARS.first)
  @Max(SUPPORTED_YEARS.last)
  year!: number;
}

export class DueQuery {
  @ApiProperty({ example: '2026-02-12T09:00:00+07:00' })
  @IsInstant()
  from!: string;

  @ApiPropertyOptional({ description: 'Exactly one of workingDays, workingHours, calendarDays, calendarMonths' })
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

  @ApiPropertyOptional({ description: 'Calendar months (Civil Code 2015 Art 147–148): to the corresponding day of the last month, or its last day' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(120)
  calendarMonths?: number;
}

export class DayOverrideDto {
  @ApiProperty({ enum: ['day_off', 'working_day'] })
  @IsIn(['day_off', 'working_day'])
  kind!: 'day_off' | 'working_day';

  @ApiProperty({ example: 'Nghỉ bù theo Thông báo của Bộ Nội vụ' })
  @NameText(255)
  name!: string;
}

export const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
