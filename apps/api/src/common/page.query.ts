import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Far past any list's end; keeps the row offset a small integer on both dialects. */
export const MAX_PAGE = 100_000;

/** Largest value of an integer column (PostgreSQL `integer`): versions, counters. */
export const MAX_INT32 = 2_147_483_647;

/** `?page=&pageSize=` of every list. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

/** `?flag=true|false` → boolean (anything else is left for @IsBoolean to refuse). */
export const QueryBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/** `?n=12` → 12: digits only (anything else is left for @IsInt to refuse, never coerced: `1e3`, `0x10`, ` 12`). */
export const QueryInteger = () => Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value));
