import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SCHEDULE_FILE_FORMATS, SUPPORTED_YEARS, type ScheduleFileFormat } from '@motcua/calendar';
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

export class OfficialScheduleDto {
  @ApiProperty({ enum: SCHEDULE_FILE_FORMATS, description: 'csv: `date,kind,name` lines (config/holidays/README.md); json: a config/holidays/YYYY.json file' })
  @IsIn(SCHEDULE_FILE_FORMATS as ScheduleFileFormat[])
  format!: ScheduleFileFormat;

  @ApiProperty({ description: "The file's text (UTF-8)", maxLength: 200_000 })
  @IsString()
  @MaxLength(200_000)
  content!: string;

  @ApiProperty({ example: 'Thông báo 1234/TB-BNV ngày 15/10/2026', description: 'The notice the file transcribes (a JSON file cites its own sources)' })
  @NameText(255)
  reference!: string;
}
