import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const LOG_BOOK_FORMATS = ['pdf', 'xlsx'] as const;
export type LogBookFormat = (typeof LOG_BOOK_FORMATS)[number];

/** Sổ theo dõi hồ sơ for a period: the dossiers received from `from` to `to` (days in Vietnam, both included). */
export class LogBookQuery {
  @ApiProperty({ example: '2026-12-01' })
  @Matches(DAY, { message: 'from must be a day written YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-12-31' })
  @Matches(DAY, { message: 'to must be a day written YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({ description: 'Only the dossiers of this procedure (its code in the catalogue)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  procedureCode?: string;

  @ApiPropertyOptional({ enum: LOG_BOOK_FORMATS, default: 'pdf' })
  @IsOptional()
  @IsIn([...LOG_BOOK_FORMATS])
  format?: LogBookFormat;
}
