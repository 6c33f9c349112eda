import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { DOSSIER_RATIO_KEYS, type DossierRatioKey } from '@motcua/indicators';
import { GROUP_BY, GroupBy } from './indicators.service';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year', 'custom'] as const;
export type PeriodKindQuery = (typeof PERIOD_KINDS)[number];

const isCustom = (q: IndicatorQuery) => q.period === undefined || q.period === 'custom';

/**
 * The period of a report: a calendar month, quarter, half or year (`period`, `year`, `number`), or
 * custom days (`from`, `to`); `statistical=true` shifts a calendar period to the national
 * statistical cut-off (STATISTICAL_CUTOFF_DAY). A period not yet ended is judged as of now and
 * the answer says `provisional: true`.
 */
export class IndicatorQuery {
  @ApiPropertyOptional({ enum: PERIOD_KINDS, description: 'Kind of period; custom (from/to) when absent' })
  @IsOptional()
  @IsIn(PERIOD_KINDS)
  period?: PeriodKindQuery;

  @ApiPropertyOptional({ example: 2026 })
  @ValidateIf((q: IndicatorQuery) => !isCustom(q))
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(2000)
  @Max(2199)
  year?: number;

  @ApiPropertyOptional({ example: 12, description: 'Month 1–12, quarter 1–4 or half 1–2; not for a year' })
  @ValidateIf((q: IndicatorQuery) => q.period === 'month' || q.period === 'quarter' || q.period === 'half')
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(12)
  number?: number;

  @ApiPropertyOptional({ description: 'Use the national statistical cut-off (15th to 14th by default)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  statistical?: boolean;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day of a custom period (Asia/Ho_Chi_Minh)' })
  @ValidateIf(isCustom)
  @Matches(DAY, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Last day of a custom period, included' })
  @ValidateIf(isCustom)
  @Matches(DAY, { message: 'to must be YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: GROUP_BY })
  @IsOptional()
  @IsIn(GROUP_BY as GroupBy[])
  groupBy?: GroupBy;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  procedureCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(32)
  departmentCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(255)
  field?: string;

  @ApiPropertyOptional({ enum: ['direct', 'online', 'postal'] })
  @IsOptional()
  @IsIn(['direct', 'online', 'postal'])
  channel?: string;
}

export class ExportQuery extends IndicatorQuery {
  @ApiProperty({ enum: ['xlsx', 'csv'] })
  @IsIn(['xlsx', 'csv'])
  format!: 'xlsx' | 'csv';
}

export class DossiersBehindQuery extends IndicatorQuery {
  @ApiProperty({ example: '2.1', enum: DOSSIER_RATIO_KEYS })
  @IsIn(DOSSIER_RATIO_KEYS as DossierRatioKey[])
  indicator!: DossierRatioKey;
}
