import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { trailingMonths, type Period } from '@motcua/indicators';
import { Roles } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { indicatorsCsv, indicatorsWorkbook } from './indicators-export';
import { DossiersBehindQuery, ExportQuery, IndicatorFilterQuery, IndicatorQuery, TrendQuery } from './indicators.dto';
import { IndicatorFilter, IndicatorsService } from './indicators.service';
import { reportPeriod } from './report-period';
import { statisticsFormWorkbook } from './statistics-form-workbook';
import { AgencyIdentity } from '../catalogue/agency-identity';
import { CatalogueService } from '../catalogue/catalogue.service';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly time: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalogue: CatalogueService,
    private readonly agency: AgencyIdentity,
  ) {}

  /** The Decision 766 indicators, group and total scores (and per-group reports with `groupBy`); `provisional` while the period runs. */
  @Get()
  @Roles('reporter', 'leader', 'admin')
  async report(@Query() q: IndicatorQuery) {
    const period = this.periodOf(q);
    if (q.groupBy) return { period, provisional: period.provisional === true, groupBy: q.groupBy, groups: await this.indicators.reportByGroup(period, filterOf(q), q.groupBy) };
    return this.indicators.report(period, filterOf(q));
  }

  /** The trend: one set of rates per month, for `months` months ending with `year`/`month` (default 12). */
  @Get('trend')
  @Roles('reporter', 'leader', 'admin')
  async trend(@Query() q: TrendQuery) {
    const months = trailingMonths(q.year, q.month, q.months ?? 12);
    return { months: await this.indicators.trend(months, this.time.now(), filterOf(q)) };
  }

  /** Actual vs the plan's targets, with the shortfall in dossiers (PAR-index self-assessment), and the full-process services behind the share. */
  @Get('plan')
  @Roles('reporter', 'leader', 'admin')
  async plan(@Query() q: IndicatorQuery) {
    const report = await this.indicators.report(this.periodOf(q), filterOf(q));
    const fullProcess = await this.indicators.fullProcessServices(report.period, filterOf(q));
    return { period: report.period, provisional: report.provisional, lines: await this.indicators.plan(report, filterOf(q)), fullProcess };
  }

  /** The dossiers behind a number: codes in the denominator, in the numerator, and those not in it. */
  @Get('dossiers')
  @Roles('reporter', 'leader', 'admin')
  async dossiers(@Query() q: DossiersBehindQuery) {
    const period = this.periodOf(q);
    return { period, provisional: period.provisional === true, indicator: q.indicator, ...(await this.indicators.dossiersBehind(period, filterOf(q), q.indicator)) };
  }

  /** Late dossiers (2.1), with and without an apology letter. */
  @Get('late')
  @Roles('reporter', 'leader', 'admin')
  late(@Query() q: IndicatorQuery) {
    return this.indicators.lateDossiers(this.periodOf(q), filterOf(q));
  }

  /** Our figures beside those the portal computes from the records it acknowledged, and the dossiers that differ. */
  @Get('reconciliation')
  @Roles('reporter', 'leader', 'admin')
  reconciliation(@Query() q: IndicatorQuery) {
    return this.indicators.reconciliation(this.periodOf(q), filterOf(q));
  }

  /** The periodic statistics form Biểu 06/VPCP/KSTT (TT 01/2020/TT-VPCP) as an Excel workbook, per field and procedure. */
  @Get('bieu-06')
  @Roles('reporter', 'leader', 'admin')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async statisticsForm(@Query() q: IndicatorQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const period = this.periodOf(q);
    const form = await this.indicators.statisticsForm(period, filterOf(q));
    const procedureNames = new Map((await this.catalogue.listProcedures()).map((p) => [p.code, p.name]));
    const workbook = await statisticsFormWorkbook(form, { agencyName: this.agency.name, province: this.agency.province, procedureNames, madeAt: this.time.now() });
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="bieu-06_${period.label.replace(/[^A-Za-z0-9.-]/g, '_')}.xlsx"`);
    return workbook;
  }

  @Get('export')
  @Roles('reporter', 'leader', 'admin')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  async export(@Query() q: ExportQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const period = this.periodOf(q);
    const filter = filterOf(q);
    const report = await this.indicators.report(period, filter);
    const name = `chi-so-766_${period.label.replace(/[^A-Za-z0-9.-]/g, '_')}`;
    if (q.format === 'csv') {
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`);
      return indicatorsCsv(report);
    }
    const workbook = await indicatorsWorkbook({
      report,
      plan: await this.indicators.plan(report, filter),
      late: await this.indicators.lateDossiers(period, filter),
      reconciliation: await this.indicators.reconciliation(period, filter),
    });
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}.xlsx"`);
    return workbook;
  }

  private periodOf(q: IndicatorQuery): Period {
    return reportPeriod(q, this.time.now(), this.config.reporting.statisticalCutoffDay);
  }
}

function filterOf(q: IndicatorFilterQuery): IndicatorFilter {
  const f: IndicatorFilter = {};
  if (q.procedureCode) f.procedureCode = q.procedureCode;
  if (q.departmentCode) f.departmentCode = q.departmentCode;
  if (q.field) f.field = q.field;
  if (q.channel) f.channel = q.channel;
  return f;
}
