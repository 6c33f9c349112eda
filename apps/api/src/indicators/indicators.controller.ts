import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { customPeriod, Period } from '@motcua/indicators';
import { Roles } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { indicatorsCsv, indicatorsWorkbook } from './indicators-export';
import { DossiersBehindQuery, ExportQuery, IndicatorQuery } from './indicators.dto';
import { IndicatorFilter, IndicatorsService } from './indicators.service';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  /** The Decision 766 indicators, group and total scores (and per-group reports with `groupBy`). */
  @Get()
  @Roles('reporter', 'leader', 'admin')
  async report(@Query() q: IndicatorQuery) {
    const period = periodOf(q);
    if (q.groupBy) return { period, groupBy: q.groupBy, groups: await this.indicators.reportByGroup(period, filterOf(q), q.groupBy) };
    return this.indicators.report(period, filterOf(q));
  }

  /** Actual vs the plan's targets, with the shortfall in dossiers (PAR-index self-assessment). */
  @Get('plan')
  @Roles('reporter', 'leader', 'admin')
  async plan(@Query() q: IndicatorQuery) {
    const report = await this.indicators.report(periodOf(q), filterOf(q));
    return { period: report.period, lines: await this.indicators.plan(report, filterOf(q)) };
  }

  /** The dossiers behind a number: codes in the denominator, in the numerator, and those not in it. */
  @Get('dossiers')
  @Roles('reporter', 'leader', 'admin')
  dossiers(@Query() q: DossiersBehindQuery) {
    return this.indicators.dossiersBehind(periodOf(q), filterOf(q), q.indicator);
  }

  @Get('late')
  @Roles('reporter', 'leader', 'admin')
  late(@Query() q: IndicatorQuery) {
    return this.indicators.lateDossiers(periodOf(q), filterOf(q));
  }

  @Get('export')
  @Roles('reporter', 'leader', 'admin')
  async export(@Query() q: ExportQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const period = periodOf(q);
    const report = await this.indicators.report(period, filterOf(q));
    const name = `chi-so-766_${q.from}_${q.to}`;
    if (q.format === 'csv') {
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`);
      return indicatorsCsv(report);
    }
    const workbook = await indicatorsWorkbook(report, await this.indicators.plan(report, filterOf(q)), await this.indicators.lateDossiers(period, filterOf(q)));
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}.xlsx"`);
    return workbook;
  }
}

function periodOf(q: IndicatorQuery): Period {
  try {
    return customPeriod(q.from, q.to);
  } catch (error) {
    throw new BadInputError(error instanceof Error ? error.message : 'Invalid period');
  }
}

function filterOf(q: IndicatorQuery): IndicatorFilter {
  const f: IndicatorFilter = {};
  if (q.procedureCode) f.procedureCode = q.procedureCode;
  if (q.departmentCode) f.departmentCode = q.departmentCode;
  if (q.field) f.field = q.field;
  if (q.channel) f.channel = q.channel;
  return f;
}
