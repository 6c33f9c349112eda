import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { GROUP_BY, GroupBy } from './indicators.service';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class IndicatorQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First day of the period (Asia/Ho_Chi_Minh)' })
  @Matches(DAY, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-03-31', description: 'Last day of the period, included' })
  @Matches(DAY, { message: 'to must be YYYY-MM-DD' })
  to!: string;

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
  @ApiProperty({ example: '2.1' })
  @IsIn(['2.1', '3.3', '3.6', '4.1', '4.2', '4.3', '5.4', 'digitised_at_receipt'])
  indicator!: string;
}
