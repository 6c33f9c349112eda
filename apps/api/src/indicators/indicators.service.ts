import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import {
  DEFAULT_INDICATOR_CONFIG,
  DossierFact,
  emptyCounts,
  IndicatorConfig,
  IndicatorCounts,
  IndicatorReport,
  Period,
  PLAN_2025_TARGETS,
  planReport,
  PlanLine,
  PlanTarget,
  scoreIndicators,
  selectDossiers,
} from '@motcua/indicators';
import { existsSync, readFileSync } from 'node:fs';
import { AgencyIdentity } from '../catalogue/agency-identity';
import { configPath } from '../common/repo-paths';
import { DossierEntity } from '../dossiers/dossier.entity';
import { loadFeedbackFacts, withFeedbackCounts } from './feedback-facts';
import { countColumns, IN_PERIOD_SCOPE, ON_TIME, scopeParameters, scopeParts } from './indicator-sql';

export type GroupBy = 'agency' | 'department' | 'procedure' | 'field' | 'channel';
export const GROUP_BY: readonly GroupBy[] = ['agency', 'department', 'procedure', 'field', 'channel'];

export interface IndicatorFilter {
  procedureCode?: string;
  departmentCode?: string;
  field?: string;
  channel?: string;
}

const GROUP_COLUMN: Record<Exclude<GroupBy, 'agency'>, string> = {
  department: 'd.department_code',
  procedure: 'd.procedure_code',
  field: 'd.field',
  channel: 'd.channel',
};

/**
 * Indicators straight from the stored facts: one aggregate scan for the ratios, one
 * grouped query for 2.2, then the pure scoring of libs/indicators. Nothing is
 * pre-aggregated, so nothing can drift.
 */
@Injectable()
export class IndicatorsService {
  readonly config: IndicatorConfig = DEFAULT_INDICATOR_CONFIG;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly agency: AgencyIdentity,
  ) {}

  async report(period: Period, filter: IndicatorFilter = {}): Promise<IndicatorReport> {
    const counts = await this.uow.read(async (m) =>
      withFeedbackCounts(await this.counts(m, period, filter), await loadFeedbackFacts(m, period, filter), this.config),
    );
    return scoreIndicators(counts, this.config);
  }

  async reportByGroup(period: Period, filter: IndicatorFilter, by: GroupBy): Promise<Array<{ key: string; report: IndicatorReport }>> {
    if (by === 'agency') return [{ key: this.agency.id, report: await this.report(period, filter) }];
    const column = GROUP_COLUMN[by];
    const keys: Array<{ k: string | null }> = await this.uow.read((m) =>
      this.scoped(m, period, filter).select(`${column}`, 'k').groupBy(column).orderBy(column, 'ASC').getRawMany(),
    );
    const out = [];
    for (const { k } of keys) {
      const sub: IndicatorFilter = { ...filter, ...{ [({ department: 'departmentCode', procedure: 'procedureCode', field: 'field', channel: 'channel' } as const)[by]]: k ?? '' } };
      out.push({ key: k ?? '(không xác định)', report: await this.report(period, sub) });
    }
    return out;
  }

  /** Plan targets: config/plan-targets.json over the library's 2025 defaults. */
  readonly planTargets: PlanTarget[] = loadPlanTargets();

  async plan(report: IndicatorReport, filter: IndicatorFilter = {}): Promise<PlanLine[]> {
    return planReport(report, this.planTargets, await this.fullProcessServices(report.period, filter));
  }

  /** Full-process online procedures (catalogue) and how many of them received an online dossier in the period. */
  private async fullProcessServices(period: Period, filter: IndicatorFilter) {
    return this.uow.read(async (m) => {
      const rows: Array<{ code: string; online: string | number }> = await m.query(
        `SELECT p.code AS code,
                (SELECT COUNT(*) FROM dossier d WHERE d.procedure_code = p.code AND d.channel = 'online'
                   AND d.received_at >= ${m.connection.driver.options.type === 'postgres' ? '$1' : '?'}
                   AND d.received_at < ${m.connection.driver.options.type === 'postgres' ? '$2' : '?'}) AS online
           FROM procedure p JOIN procedure_version v ON v.procedure_code = p.code AND v.version = p.current_version
          WHERE v.online_level = 'toan_trinh'`,
        m.connection.driver.options.type === 'postgres' ? [period.from, period.to] : [sqliteTime(period.from), sqliteTime(period.to)],
      );
      const scoped = filter.procedureCode ? rows.filter((r) => r.code === filter.procedureCode) : rows;
      return { fullProcessServices: scoped.length, fullProcessServicesWithOnlineDossier: scoped.filter((r) => Number(r.online) > 0).length };
    });
  }

  /** The dossiers behind a number: in the denominator, in the numerator, and the rest. */
  async dossiersBehind(period: Period, filter: IndicatorFilter, key: string) {
    const facts = await this.uow.read((m) => this.facts(m, period, filter));
    return selectDossiers(facts, period, key as Parameters<typeof selectDossiers>[2], this.config);
  }

  /** Every in-scope dossier of the period as a DossierFact (the reference implementation's input). */
  async factsFor(period: Period, filter: IndicatorFilter = {}): Promise<DossierFact[]> {
    return this.uow.read((m) => this.facts(m, period, filter));
  }

  /** Late dossiers of the period with the steps (and departments) that overran. */
  async lateDossiers(period: Period, filter: IndicatorFilter = {}) {
    return this.uow.read(async (m) => {
      const rows = await this.scoped(m, period, filter)
        .andWhere(`NOT (${ON_TIME})`)
        .select(['d.id AS id', 'd.code AS code', 'd.procedure_code AS procedure_code', 'd.due_at AS due_at', 'd.processing_ended_at AS ended_at', 'd.supplement_requests AS supplements'])
        .orderBy('d.due_at', 'ASC')
        .limit(5000)
        .getRawMany<{ id: string; code: string; procedure_code: string; due_at: Date | string; ended_at: Date | string | null; supplements: number }>();
      if (rows.length === 0) return [];
      const steps: Array<{ dossier_id: string; step_name: string; department_code: string }> = await m
        .createQueryBuilder()
        .select(['s.dossier_id AS dossier_id', 's.step_name AS step_name', 's.department_code AS department_code'])
        .from('dossier_step', 's')
        .where('s.late = :yes AND s.dossier_id IN (:...ids)', { yes: true, ids: rows.map((r) => r.id) })
        .getRawMany();
      return rows.map((r) => ({
        code: r.code,
        procedureCode: r.procedure_code,
        dueAt: toDate(r.due_at),
        processingEndedAt: r.ended_at ? toDate(r.ended_at) : null,
        supplementRequests: Number(r.supplements),
        lateSteps: steps.filter((s) => s.dossier_id === r.id).map((s) => ({ name: s.step_name, departmentCode: s.department_code })),
      }));
    });
  }

  /**
   * One aggregate over the scope's index ranges (indicator-sql.ts), grouped by procedure:
   * the per-procedure rows give 2.2 (dossiers open at the period end are one group without
   * a procedure, never in 2.2), the sums of all rows every ratio.
   */
  private async counts(m: EntityManager, period: Period, filter: IndicatorFilter): Promise<IndicatorCounts> {
    const counts = emptyCounts(period);
    const { where, parameters } = this.filterSql(filter);
    const rows = await m
      .createQueryBuilder()
      .select(['d.procedure_code AS procedure_code', ...Object.entries(countColumns(pg(m) ? 'postgres' : 'sqlite')).map(([alias, expr]) => `${expr} AS ${alias}`)])
      .from(`(${scopeParts(pg(m) ? 'postgres' : 'sqlite', where)})`, 'd')
      .groupBy('d.procedure_code')
      .orderBy('d.procedure_code', 'ASC')
      .setParameters({ ...this.params(m, period), ...scopeParameters(period), ...parameters })
      .getRawMany<Record<string, string | number | null>>();
    const n = (k: string) => rows.reduce((sum, r) => sum + Number(r[k] ?? 0), 0);
    const d21 = n('d_21');
    const recv = n('d_recv');
    counts.ratios['2.1'] = { numerator: n('n_21'), denominator: d21 };
    counts.ratios['3.3'] = { numerator: n('n_33'), denominator: recv };
    counts.ratios['3.6'] = { numerator: n('n_36'), denominator: n('d_36') };
    counts.ratios['4.1'] = { numerator: n('n_41'), denominator: n('d_41') };
    counts.ratios['4.2'] = { numerator: n('n_42'), denominator: recv };
    counts.ratios['4.3'] = { numerator: n('n_43'), denominator: recv };
    counts.ratios['digitised_at_receipt'] = { numerator: n('n_dig'), denominator: recv };
    counts.ratios['5.4'] = { numerator: n('n_54'), denominator: d21 };
    counts.satisfactionParts = { overdue: d21 - n('n_21'), dissatisfiedOrComplained: n('dissatisfied') };
    counts.processingTime = {
      selectedProcedure: filter.procedureCode ?? null,
      byProcedure: rows
        .filter((r) => Number(r.n_22) > 0)
        .map((r) => ({ procedureCode: String(r.procedure_code), completed: Number(r.n_22), totalWorkingMinutes: Number(r.minutes_22) })),
    };
    return counts;
  }

  private async facts(m: EntityManager, period: Period, filter: IndicatorFilter): Promise<DossierFact[]> {
    const rows = await this.scoped(m, period, filter).getMany();
    return rows.map((r) => toFact(r, this.agency.id));
  }

  private scoped(m: EntityManager, period: Period, filter: IndicatorFilter): SelectQueryBuilder<DossierEntity> {
    return this.scopedBase(m, filter).andWhere(IN_PERIOD_SCOPE, this.params(m, period));
  }

  /** The filter as SQL on the bare dossier table (for the scope parts). */
  private filterSql(filter: IndicatorFilter): { where: string; parameters: Record<string, unknown> } {
    const parts: string[] = [];
    const parameters: Record<string, unknown> = {};
    const add = (column: string, name: string, value: string | undefined) => {
      if (value === undefined) return;
      parts.push(` AND ${column} = :${name}`);
      parameters[name] = value;
    };
    add('procedure_code', 'fProcedure', filter.procedureCode);
    add('department_code', 'fDepartment', filter.departmentCode);
    add('field', 'fField', filter.field);
    add('channel', 'fChannel', filter.channel);
    if (this.config.importedDossiers === 'exclude') parts.push(' AND imported = :no');
    return { where: parts.join(''), parameters };
  }

  private scopedBase(m: EntityManager, filter: IndicatorFilter): SelectQueryBuilder<DossierEntity> {
    const qb = m.createQueryBuilder(DossierEntity, 'd').where('1 = 1');
    if (filter.procedureCode !== undefined) qb.andWhere('d.procedure_code = :fProcedure', { fProcedure: filter.procedureCode });
    if (filter.departmentCode !== undefined) qb.andWhere('d.department_code = :fDepartment', { fDepartment: filter.departmentCode });
    if (filter.field !== undefined) qb.andWhere('d.field = :fField', { fField: filter.field });
    if (filter.channel !== undefined) qb.andWhere('d.channel = :fChannel', { fChannel: filter.channel });
    if (this.config.importedDossiers === 'exclude') qb.andWhere('d.imported = :no', { no: false });
    return qb;
  }

  private params(m: EntityManager, period: Period) {
    const pg = m.connection.driver.options.type === 'postgres';
    // better-sqlite3 binds no booleans: SQLite stores them as 0/1.
    return { from: period.from, to: period.to, yes: pg ? true : 1, no: pg ? false : 0 };
  }
}

export function toFact(r: DossierEntity, agencyCode: string): DossierFact {
  const ended = r.processingEndedAt !== null;
  return {
    code: r.code,
    procedureCode: r.procedureCode,
    field: r.field ?? '',
    agencyCode,
    departmentCode: r.departmentCode ?? '',
    channel: r.channel,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    processingEndedAt: r.processingEndedAt,
    endState: ended ? (r.state as DossierFact['endState']) : null,
    openPauseStartedAt: ended ? null : r.pausedAt,
    supplementRequests: r.supplementRequests,
    outcome: r.outcome,
    processingWorkingMinutes: r.processingWorkingMinutes,
    paperResult: r.paperResult,
    eResult: r.eResult,
    digitised: r.digitised,
    reusedComponent: r.reusedComponent,
    feeApplies: r.feeApplies,
    paidOnline: r.paymentMethod === 'national_portal' ? 'national' : r.paymentMethod === 'provincial_portal' || r.paymentMethod === 'online_unspecified' ? 'provincial' : null,
    rating: r.rating,
    hasComplaint: r.hasComplaint,
    imported: r.imported,
  };
}

function pg(m: EntityManager): boolean {
  return m.connection.driver.options.type === 'postgres';
}

function loadPlanTargets(): PlanTarget[] {
  const file = configPath('plan-targets.json');
  if (!existsSync(file)) return [...PLAN_2025_TARGETS];
  const { targets } = JSON.parse(readFileSync(file, 'utf8')) as { targets: Record<string, number | null> };
  const unknown = Object.keys(targets).filter((id) => !PLAN_2025_TARGETS.some((t) => t.id === id));
  if (unknown.length) throw new Error(`config/plan-targets.json: unknown targets ${unknown.join(', ')}`);
  return PLAN_2025_TARGETS.map((t) => (t.id in targets ? { ...t, target: targets[t.id] } : t));
}

/** TypeORM's text format for instants on SQLite (UTC), for hand-written queries. */
function sqliteTime(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

function toDate(v: Date | string): Date {
  return v instanceof Date ? v : new Date(v.includes('T') ? v : `${v.replace(' ', 'T')}Z`);
}
