import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { DOSSIER_RATIO_KEYS, MAX_TREND_MONTHS, type DossierRatioKey } from '@motcua/indicators';
import { QueryBoolean, QueryInteger } from '../common/page.query';
import { GROUP_BY, GroupBy } from './indicators.service';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year', 'custom'] as const;
export type PeriodKindQuery = (typeof PERIOD_KINDS)[number];

/** What a report counts: one procedure, department, field or channel (all when absent). */
export class IndicatorFilterQuery {
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

const isCustom = (q: IndicatorQuery) => q.period === undefined || q.period === 'custom';

/**
 * The period of a report: a calendar month, quarter, half or year (`period`, `year`, `number`), or
 * custom days (`from`, `to`); `statistical=true` shifts a calendar period to the national
 * statistical cut-off (STATISTICAL_CUTOFF_DAY). A period not yet ended is judged as of now and
 * the answer says `provisional: true`.
 */
export class IndicatorQuery extends IndicatorFilterQuery {
  @ApiPropertyOptional({ enum: PERIOD_KINDS, description: 'Kind of period; custom (from/to) when absent' })
  @IsOptional()
  @IsIn(PERIOD_KINDS)
  period?: PeriodKindQuery;

  @ApiPropertyOptional({ example: 2026 })
  @ValidateIf((q: IndicatorQuery) => !isCustom(q))
  @QueryInteger()
  @IsInt()
  @Min(2000)
  @Max(2199)
  year?: number;

  @ApiPropertyOptional({ example: 12, description: 'Month 1–12, quarter 1–4 or half 1–2; not for a year' })
  @ValidateIf((q: IndicatorQuery) => q.period === 'month' || q.period === 'quarter' || q.period === 'half')
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(12)
  number?: number;

  @ApiPropertyOptional({ description: 'Use the national statistical cut-off (15th to 14th by default)' })
  @IsOptional()
  @QueryBoolean()
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

/** The trend: `months` calendar months ending with month `month` of `year`, each one report. */
export class TrendQuery extends IndicatorFilterQuery {
  @ApiProperty({ example: 2026 })
  @QueryInteger()
  @IsInt()
  @Min(2000)
  @Max(2199)
  year!: number;

  @ApiProperty({ example: 11, description: 'The last month of the trend, 1–12' })
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(12)
  month!: number;

  @ApiPropertyOptional({ example: 12, description: `How many months, 1–${MAX_TREND_MONTHS} (default 12)` })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_TREND_MONTHS)
  months?: number;
}
