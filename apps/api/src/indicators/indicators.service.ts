import { Injectable } from '@nestjs/common';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { DossierEventEntity } from '../dossiers/dossier-event.entity';
import { UnitOfWork } from '@motcua/persistence';
import {
  DEFAULT_INDICATOR_CONFIG,
  DossierFact,
  emptyCounts,
  fromWireInstantOrNull,
  IndicatorConfig,
  IndicatorCounts,
  IndicatorReport,
  isOnTime,
  judgePeriod,
  Period,
  PLAN_2025_TARGETS,
  planReport,
  PlanLine,
  PlanTarget,
  ratesOf,
  readRecord,
  reconcile,
  Reconciliation,
  scoreIndicators,
  selectDossiers,
  statisticsForm,
  type StatisticsForm,
  type DeliveryState,
  type DossierRatioKey,
  type ProcedureFact,
  countFacts,
  countsFromSums,
  localDay,
  midnightOf,
  onlineProcedures,
  reportInstant,
  rollupServes,
  type FactTimeUnit,
  type VersionedFact,
} from '@motcua/indicators';
import { existsSync, readFileSync } from 'node:fs';
import { AgencyIdentity } from '../catalogue/agency-identity';
import { configPath } from '../common/repo-paths';
import { DossierStepEntity } from '../dossiers/dossier-step.entity';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { PORTAL_RECORD_AGGREGATE } from '../portal-records/portal-delivery';
import { PortalDeliveryEntity } from '../portal-records/portal-delivery.entity';
import { PortalRecordEntity } from '../portal-records/portal-record.entity';
import { FACT_COLUMN_FIELDS, factColumnsOf } from '../portal-records/fact-columns';
import { rollupBuilt } from '../indicator-rollup/rollup-build';
import { readIrregularFacts, readWindowSums, rollupFact, syncedIds } from '../indicator-rollup/rollup-store';
import { IndicatorRollupIrregularEntity } from '../indicator-rollup/rollup.entities';
import { loadCatalogueFacts } from './catalogue-facts';
import { loadFeedbackFacts, withFeedbackCounts } from './feedback-facts';
import { countColumns, IN_PERIOD_SCOPE, processingTimeQuery, scopeParameters, scopeParts } from './indicator-sql';

export type GroupBy = 'agency' | 'department' | 'procedure' | 'field' | 'channel';
export const GROUP_BY: readonly GroupBy[] = ['agency', 'department', 'procedure', 'field', 'channel'];

/** One month of the trend: its rates by indicator key (null: nothing to count), none before it began. */
export interface TrendPoint {
  label: string;
  labelVi: string;
  started: boolean;
  provisional: boolean;
  rates: Record<string, number | null>;
}

export interface IndicatorFilter {
  procedureCode?: string;
  departmentCode?: string;
  field?: string;
  channel?: string;
}

const GROUP_COLUMN: Record<Exclude<GroupBy, 'agency'>, string> = {
  department: 'r.department_code',
  procedure: 'r.procedure_code',
  field: 'r.field',
  channel: 'r.channel',
};

/** A late dossier (2.1, by the method), with whether an apology letter gave the applicant a new appointment. */
export interface LateDossier {
  code: string;
  procedureCode: string;
  /** The legal appointment (NgayHenTra). */
  appointmentAt: Date | null;
  /** The appointment an apology letter proposed; null = no letter. */
  apologyAppointmentAt: Date | null;
  /** When the letter was recorded, and whether later than the lead time before the due time (APOLOGY_LEAD_WORKING_HOURS); null = no letter. */
  apology: { at: Date; late: boolean } | null;
  processingEndedAt: Date | null;
  supplementRequests: number;
  lateSteps: Array<{ name: string; departmentCode: string }>;
}

/**
 * The indicators from the stored portal records (issue #11): one aggregate scan for the ratios
 * and 2.2, a count for the sync rate 1.4, then the pure scoring of libs/indicators. The records
 * are the ones the portal receives, so our figures and the portal's can differ only by records
 * not yet delivered, which `reconciliation` lists.
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

  /**
   * The trend: one report per month, each judged at `now` like any report (the running month is
   * provisional; a month not yet begun has no figures). One request for the dashboard instead of
   * one per month.
   */
  async trend(months: readonly Period[], now: Date, filter: IndicatorFilter = {}): Promise<TrendPoint[]> {
    const points: TrendPoint[] = [];
    for (const month of months) {
      if (month.from.getTime() >= now.getTime()) {
        points.push({ label: month.label, labelVi: month.labelVi, started: false, provisional: false, rates: {} });
        continue;
      }
      const report = await this.report(judgePeriod(month, now), filter);
      points.push({ label: month.label, labelVi: month.labelVi, started: true, provisional: report.provisional, rates: ratesOf(report) });
    }
    return points;
  }

  /** The catalogue facts of 3.1, 3.2 and 3.5 for a filter (the reference implementation's third input). */
  async catalogueFacts(filter: IndicatorFilter = {}): Promise<ProcedureFact[]> {
    return this.uow.read((m) => loadCatalogueFacts(m, filter));
  }

  async reportByGroup(period: Period, filter: IndicatorFilter, by: GroupBy): Promise<Array<{ key: string; report: IndicatorReport }>> {
    if (by === 'agency') return [{ key: this.agency.id, report: await this.report(period, filter) }];
    const column = GROUP_COLUMN[by];
    const keys: Array<{ k: string | null }> = await this.uow.read((m) =>
      this.scoped(m, period, filter).select(`${column}`, 'k').groupBy(column).orderBy(column, 'ASC').getRawMany(),
    );
    const field = ({ department: 'departmentCode', procedure: 'procedureCode', field: 'field', channel: 'channel' } as const)[by];
    const out = [];
    for (const { k } of keys) out.push({ key: k || '(không xác định)', report: await this.report(period, { ...filter, [field]: k ?? '' }) });
    return out;
  }

  /** Plan targets: config/plan-targets.json over the library's 2025 defaults. */
  readonly planTargets: PlanTarget[] = loadPlanTargets();

  async plan(report: IndicatorReport, filter: IndicatorFilter = {}): Promise<PlanLine[]> {
    return planReport(report, this.planTargets, await this.fullProcessServices(report.period, filter));
  }

  /**
   * The plan's full-process share: the catalogue's full-process online procedures (toàn trình,
   * current versions), and how many of them received an online dossier in the period.
   */
  async fullProcessServices(period: Period, filter: IndicatorFilter = {}) {
    return this.uow.read(async (m) => {
      const rows: Array<{ code: string; online: string | number }> = await m
        .createQueryBuilder()
        .select('p.code', 'code')
        .addSelect(
          (sub) =>
            sub
              .select('COUNT(*)')
              .from(PortalRecordEntity, 'r')
              .where("r.procedure_code = p.code AND r.channel = 'online' AND r.received_at >= :from AND r.received_at < :to", { from: period.from, to: period.to }),
          'online',
        )
        .from('procedure', 'p')
        .innerJoin('procedure_version', 'v', 'v.procedure_code = p.code AND v.version = p.current_version')
        .where("v.online_level = 'toan_trinh'")
        .getRawMany();
      const scoped = filter.procedureCode ? rows.filter((r) => r.code === filter.procedureCode) : rows;
      return {
        fullProcessServices: scoped.length,
        fullProcessServicesWithOnlineDossier: scoped.filter((r) => Number(r.online) > 0).length,
        procedures: scoped.map((r) => ({ code: r.code, onlineDossiers: Number(r.online) })),
      };
    });
  }

  /** The dossiers behind a number: codes in the denominator, in the numerator, and those not in it. */
  async dossiersBehind(period: Period, filter: IndicatorFilter, key: DossierRatioKey) {
    const records = await this.recordsFor(period, filter);
    const selection = selectDossiers(
      records.map((r) => r.fact),
      period,
      key,
      this.config,
    );
    const codes = (list: DossierFact[]) => list.map((f) => f.code);
    return {
      denominator: codes(selection.denominator),
      numerator: codes(selection.numerator),
      notInNumerator: codes(selection.notInNumerator),
      /** Dossier id by code, for links to the dossiers. */
      ids: Object.fromEntries(records.map((r) => [r.fact.code, r.dossierId])),
    };
  }

  /** Every record in the period's scope, read back as the rules read it (the reference implementation's input). */
  async factsFor(period: Period, filter: IndicatorFilter = {}): Promise<DossierFact[]> {
    return (await this.recordsFor(period, filter)).map((r) => r.fact);
  }

  /** Biểu 06/VPCP/KSTT: the period's dossiers by field and procedure, from the same facts as the indicators. */
  async statisticsForm(period: Period, filter: IndicatorFilter = {}): Promise<StatisticsForm> {
    return statisticsForm(await this.factsFor(period, filter), period, this.config);
  }

  /** Late dossiers of the period (2.1), with and without an apology letter, and the steps (departments) that overran. */
  async lateDossiers(period: Period, filter: IndicatorFilter = {}): Promise<LateDossier[]> {
    const late = (await this.recordsFor(period, filter)).filter(({ fact }) => !isOnTime(fact, period)).slice(0, 5000);
    if (late.length === 0) return [];
    const apologies = new Map<string, { at: Date; late: boolean }>();
    const steps = await this.uow.read(async (m) => {
      const out: Array<{ dossier_id: string; step_name: string; department_code: string }> = [];
      for (let i = 0; i < late.length; i += 500) {
        const letters = await m.find(DossierEventEntity, { where: { type: 'APOLOGISE', dossierId: In(late.slice(i, i + 500).map((r) => r.dossierId)) }, order: { version: 'ASC' } });
        // The latest letter counts (the appointment may be moved only once, but a record is a record).
        for (const e of letters) apologies.set(e.dossierId, { at: e.occurredAt, late: (e.details as { apologyLate?: boolean } | null)?.apologyLate === true });
        out.push(
          ...(await m
            .createQueryBuilder(DossierStepEntity, 's')
            .select(['s.dossier_id AS dossier_id', 's.step_name AS step_name', 's.department_code AS department_code'])
            .where('s.late = :yes AND s.dossier_id IN (:...ids)', { yes: true, ids: late.slice(i, i + 500).map((r) => r.dossierId) })
            .getRawMany()),
        );
      }
      return out;
    });
    return late
      .map(({ dossierId, fact, apologyAppointmentAt }) => ({
        code: fact.code,
        procedureCode: fact.procedureCode,
        appointmentAt: fact.appointmentAt,
        apologyAppointmentAt,
        apology: apologies.get(dossierId) ?? null,
        processingEndedAt: fact.processingEndedAt && fact.processingEndedAt.getTime() < period.to.getTime() ? fact.processingEndedAt : null,
        supplementRequests: fact.supplements.filter((s) => s.requestedAt.getTime() < period.to.getTime()).length,
        lateSteps: steps.filter((s) => s.dossier_id === dossierId).map((s) => ({ name: s.step_name, departmentCode: s.department_code })),
      }))
      .sort((a, b) => (a.appointmentAt?.getTime() ?? 0) - (b.appointmentAt?.getTime() ?? 0) || (a.code < b.code ? -1 : 1));
  }

  /**
   * Our figures beside those computed from the records the portal acknowledged, and the dossiers
   * that make the difference (not delivered yet, dead letters, older versions).
   */
  async reconciliation(period: Period, filter: IndicatorFilter = {}): Promise<Reconciliation & { ids: Record<string, string> }> {
    const records = await this.recordsFor(period, filter);
    const { delivered, states, feedback, catalogue } = await this.uow.read(async (m) => {
      const delivered: PortalDeliveryEntity[] = [];
      const states = new Map<string, DeliveryState>();
      const ids = records.map((r) => r.dossierId);
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        delivered.push(...(await m.createQueryBuilder(PortalDeliveryEntity, 'p').where('p.dossier_id IN (:...ids)', { ids: chunk }).getMany()));
        const messages: Array<{ id: string; version: number; status: string }> = await m
          .createQueryBuilder(OutboxMessageEntity, 'o')
          .select(['o.aggregate_id AS id', 'o.aggregate_version AS version', 'o.status AS status'])
          .where("o.channel = 'portal-sync' AND o.aggregate_type = :type AND o.aggregate_id IN (:...ids)", { type: PORTAL_RECORD_AGGREGATE, ids: chunk })
          .getRawMany();
        for (const r of records.slice(i, i + 500)) {
          const newest = messages.filter((msg) => msg.id === r.dossierId && Number(msg.version) === r.version)[0];
          states.set(r.fact.code, newest ? deliveryState(newest.status) : 'not_queued');
        }
      }
      return { delivered, states, feedback: await loadFeedbackFacts(m, period, filter), catalogue: await loadCatalogueFacts(m, filter) };
    });
    const theirs: VersionedFact[] = [];
    for (const d of delivered) {
      try {
        theirs.push({ fact: readRecord(d.record, { agencyCode: this.agency.id, synced: true }), version: d.deliveredVersion });
      } catch {
        // A record the rules cannot read counts as not delivered: the portal could not count it either.
      }
    }
    const result = reconcile({ ours: records.map((r) => ({ fact: r.fact, version: r.version })), delivered: theirs, deliveryState: states, feedback, catalogue }, period, this.config);
    const idOf = new Map(records.map((r) => [r.fact.code, r.dossierId]));
    // Dossier ids of the dossiers that differ, for links to them.
    return { ...result, ids: Object.fromEntries(result.differences.map((d) => [d.code, idOf.get(d.code)!])) };
  }

  /**
   * One aggregate over the scope's index ranges (indicator-sql.ts) for every ratio, one grouped
   * query for 2.2, and a count for the sync rate 1.4.
   */
  private async counts(m: EntityManager, period: Period, filter: IndicatorFilter): Promise<IndicatorCounts> {
    if (await this.rollupServes(m, period, filter)) return this.countsFromRollup(m, period, filter);
    return this.countsFromRecords(m, period, filter);
  }

  /**
   * The day and month buckets serve a closed period (bounded by local midnights, judged at or
   * after its end) for the whole agency or one procedure, once they were built; a running period
   * and the department, field and channel filters read the records.
   */
  private async rollupServes(m: EntityManager, period: Period, filter: IndicatorFilter): Promise<boolean> {
    const byBucketKey = filter.departmentCode === undefined && filter.field === undefined && filter.channel === undefined;
    return byBucketKey && rollupServes(period) && (await rollupBuilt(m));
  }

  /**
   * A closed period from the buckets (issue #17): a few hundred bucket rows whatever the history,
   * plus the irregular dossiers that may count in it (from the facts kept with them) and those that
   * ended since the midnight before the report instant (from their records).
   */
  private async countsFromRollup(m: EntityManager, period: Period, filter: IndicatorFilter): Promise<IndicatorCounts> {
    const bucketFilter = { procedureCode: filter.procedureCode, excludeImported: this.config.importedDossiers === 'exclude' };
    const sums = await readWindowSums(m, period, bucketFilter);
    const irregular = await readIrregularFacts(m, period, bucketFilter);
    const asOf = reportInstant(period);
    const midnight = midnightOf(localDay(asOf));
    const endedSince =
      asOf.getTime() > midnight.getTime()
        ? await this.rollupFacts(
            m,
            this.filtered(m, filter)
              .leftJoin(IndicatorRollupIrregularEntity, 'i', 'i.dossier_id = r.dossier_id')
              .andWhere('i.dossier_id IS NULL AND r.processing_ended_at >= :midnight AND r.processing_ended_at < :asOf AND r.received_at >= :from AND r.received_at < :to', {
                midnight,
                asOf,
                from: period.from,
                to: period.to,
              }),
          )
        : [];
    const counts = countsFromSums(sums, period, this.config, irregular, endedSince);
    counts.processingTime.selectedProcedure = filter.procedureCode ?? null;
    await this.catalogueCounts(m, counts, period, filter, onlineProcedures(sums, period, irregular));
    return counts;
  }

  /** The facts of the records a query selects, as the buckets read them (fact columns, synchronised or not). */
  private async rollupFacts(m: EntityManager, qb: SelectQueryBuilder<PortalRecordEntity>): Promise<DossierFact[]> {
    const rows = await qb.select(['r.dossierId', 'r.code', ...FACT_COLUMN_FIELDS.map((f) => `r.${f}`)]).getMany();
    const synced = await syncedIds(m, rows.map((r) => r.dossierId));
    return rows.map((r) => rollupFact({ code: r.code, columns: factColumnsOf(r), synced: synced.has(r.dossierId) }));
  }

  /** One aggregate over the scope's index ranges of the records. */
  private async countsFromRecords(m: EntityManager, period: Period, filter: IndicatorFilter): Promise<IndicatorCounts> {
    const counts = emptyCounts(period);
    const dialect = pg(m) ? 'postgres' : 'sqlite';
    const { where, parameters } = this.filterSql(filter);
    const all = { ...this.params(m, period), ...scopeParameters(period), ...parameters };
    const row =
      (await m
        .createQueryBuilder()
        .select(Object.entries(countColumns(dialect)).map(([alias, expr]) => `${expr} AS ${alias}`))
        .from(`(${scopeParts(dialect, where)})`, 'r')
        .setParameters(all)
        .getRawOne<Record<string, string | number | null>>()) ?? {};
    const n = (k: string) => Number(row[k] ?? 0);
    const d21 = n('d_21');
    const recv = n('d_recv');
    const received = (numerator: string) => ({ numerator: n(numerator), denominator: recv });
    counts.ratios['1.4'] = { numerator: await this.syncedCount(m, period, filter), denominator: recv };
    counts.ratios['2.1'] = { numerator: n('n_21'), denominator: d21 };
    counts.ratios['3.3'] = received('n_33');
    counts.ratios['3.6'] = { numerator: n('n_36'), denominator: n('d_36') };
    counts.ratios['4.1'] = { numerator: n('n_41'), denominator: n('d_41') };
    counts.ratios['4.2'] = received('n_42');
    counts.ratios['4.3'] = received('n_43');
    counts.ratios['4.4'] = received('n_44');
    counts.ratios.digitised_at_receipt = received('n_dig');
    counts.ratios.channel_online = received('n_online');
    counts.ratios.channel_direct = received('n_direct');
    counts.ratios.channel_postal = received('n_postal');
    counts.ratios.dissatisfied_or_complained = { numerator: n('n_dissatisfied'), denominator: d21 };
    counts.ratios.rated_or_complained = { numerator: n('n_rated'), denominator: d21 };
    await this.catalogueCounts(m, counts, period, filter, await this.onlineProcedures(m, where, all));
    const [sql, values] = m.connection.driver.escapeQueryWithParameters(processingTimeQuery(where), all, {});
    const times: Array<{ procedure_code: string; time_unit: string; completed: string | number; centi: string | number }> = await m.query(sql, values);
    counts.processingTime = {
      selectedProcedure: filter.procedureCode ?? null,
      byProcedure: times.map((r) => ({ procedureCode: r.procedure_code, unit: r.time_unit as FactTimeUnit, completed: Number(r.completed), totalCenti: Number(r.centi) })),
    };
    return counts;
  }

  /** Procedures with an online dossier received in the period, from the records (`where`: the filter as SQL). */
  private async onlineProcedures(m: EntityManager, where: string, parameters: Record<string, unknown>): Promise<Set<string>> {
    const [sql, values] = m.connection.driver.escapeQueryWithParameters(
      `SELECT DISTINCT r.procedure_code AS code FROM portal_record r WHERE r.channel = 'online' AND r.received_at >= :from AND r.received_at < :to${where}`,
      parameters,
      {},
    );
    return new Set(((await m.query(sql, values)) as Array<{ code: string }>).map((r) => r.code));
  }

  /** 3.1, 3.2, 3.5: the catalogue's procedures, and which of them received an online dossier in the period. */
  private async catalogueCounts(m: EntityManager, counts: IndicatorCounts, period: Period, filter: IndicatorFilter, online: Set<string>) {
    const catalogue = await loadCatalogueFacts(m, filter);
    const fromCatalogue = countFacts([], period, this.config, [], catalogue);
    // 3.2's numerator needs the records: the procedures the query found.
    for (const key of ['3.1', '3.5'] as const) counts.ratios[key] = fromCatalogue.ratios[key];
    const services = catalogue.filter((p) => p.onlineLevel !== null);
    counts.ratios['3.2'] = { numerator: services.filter((p) => online.has(p.procedureCode)).length, denominator: services.length };
  }

  /** 1.4 numerator: dossiers received in the period of which the portal acknowledged a record. */
  private async syncedCount(m: EntityManager, period: Period, filter: IndicatorFilter): Promise<number> {
    const qb = this.filtered(m, filter)
      .innerJoin(PortalDeliveryEntity, 'p', 'p.dossier_id = r.dossier_id')
      .andWhere('r.received_at >= :from AND r.received_at < :to', { from: period.from, to: period.to });
    return qb.getCount();
  }

  /** The period's records with what the reports need beside the facts. */
  private async recordsFor(period: Period, filter: IndicatorFilter): Promise<Array<{ dossierId: string; version: number; fact: DossierFact; apologyAppointmentAt: Date | null }>> {
    return this.uow.read(async (m) => {
      const rows = await this.scoped(m, period, filter).getMany();
      const synced = new Set(
        (
          await this.scoped(m, period, filter)
            .innerJoin(PortalDeliveryEntity, 'p', 'p.dossier_id = r.dossier_id')
            .select('r.dossier_id', 'id')
            .getRawMany<{ id: string }>()
        ).map((r) => r.id),
      );
      return rows.map((r) => ({
        dossierId: r.dossierId,
        version: r.recordVersion,
        fact: readRecord(r.record, { agencyCode: this.agency.id, synced: synced.has(r.dossierId) }),
        apologyAppointmentAt: fromWireInstantOrNull(r.record.NgayHenTraMoi),
      }));
    });
  }

  private scoped(m: EntityManager, period: Period, filter: IndicatorFilter): SelectQueryBuilder<PortalRecordEntity> {
    return this.filtered(m, filter).andWhere(IN_PERIOD_SCOPE, this.params(m, period));
  }

  /** The filter as SQL on the bare record table (for the scope parts). */
  private filterSql(filter: IndicatorFilter): { where: string; parameters: Record<string, unknown> } {
    const parts: string[] = [];
    const parameters: Record<string, unknown> = {};
    for (const [column, name, value] of this.filterTerms(filter)) {
      parts.push(` AND r.${column} = :${name}`);
      parameters[name] = value;
    }
    if (this.config.importedDossiers === 'exclude') parts.push(' AND r.imported = :no');
    return { where: parts.join(''), parameters };
  }

  private filtered(m: EntityManager, filter: IndicatorFilter): SelectQueryBuilder<PortalRecordEntity> {
    const qb = m.createQueryBuilder(PortalRecordEntity, 'r').where('1 = 1');
    for (const [column, name, value] of this.filterTerms(filter)) qb.andWhere(`r.${column} = :${name}`, { [name]: value });
    if (this.config.importedDossiers === 'exclude') qb.andWhere('r.imported = :no', { no: pg(m) ? false : 0 });
    return qb;
  }

  private filterTerms(filter: IndicatorFilter): Array<[string, string, string]> {
    const terms: Array<[string, string, string | undefined]> = [
      ['procedure_code', 'fProcedure', filter.procedureCode],
      ['department_code', 'fDepartment', filter.departmentCode],
      ['field', 'fField', filter.field],
      ['channel', 'fChannel', filter.channel],
    ];
    return terms.filter((t): t is [string, string, string] => t[2] !== undefined);
  }

  private params(m: EntityManager, period: Period) {
    // better-sqlite3 binds no booleans: SQLite stores them as 0/1.
    return { from: period.from, to: period.to, yes: pg(m) ? true : 1, no: pg(m) ? false : 0 };
  }
}

function deliveryState(status: string): DeliveryState {
  return status === 'dead' ? 'dead' : status === 'discarded' ? 'discarded' : 'pending';
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
