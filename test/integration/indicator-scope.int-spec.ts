import { tmpdir } from 'node:os';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, UnitOfWork } from '@motcua/persistence';
import { loadAppConfig } from '@config/app-config';
import { computeIndicators, customPeriod, judgePeriod, monthPeriod, Period, projectRecord, quarterPeriod, readRecord, rollupServes, yearPeriod, type DossierFact, type RecordSource } from '@motcua/indicators';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from '../../apps/api/src/database/entities';
import { AgencyIdentity } from '../../apps/api/src/catalogue/agency-identity';
import { IndicatorsService } from '../../apps/api/src/indicators/indicators.service';
import { LONG_RUNNING_DAYS } from '../../apps/api/src/indicators/indicator-sql';
import { factColumnsOf, recordRow } from '../../apps/api/src/portal-records/fact-columns';
import { rebuildRollup, verifyRollup } from '../../apps/api/src/indicator-rollup/rollup-build';
import { rollupFirstDelivery, rollupRecordChange } from '../../apps/api/src/indicator-rollup/rollup-store';
import { IndicatorRollupDayEntity, IndicatorRollupIrregularEntity, IndicatorRollupMonthEntity, IndicatorRollupStateEntity } from '../../apps/api/src/indicator-rollup/rollup.entities';
import { PortalDeliveryEntity } from '../../apps/api/src/portal-records/portal-delivery.entity';
import { PortalRecordEntity } from '../../apps/api/src/portal-records/portal-record.entity';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The report's SQL reads the stored portal records through index ranges (ended in the period;
 * ended after it, up to LONG_RUNNING_DAYS later; later still, through the partial index of long
 * runs; still open) and evaluates each rule only where it can vary. This proves its figures equal
 * the rules of libs/indicators applied to the records themselves (read back from their JSON), for
 * dossier histories placed on every edge: a millisecond before, at and after the period start and
 * end and the long-running horizon; supplementation requested and completed around the period
 * end and around the end of processing; one, two or three requests; appointments at the boundary,
 * apologies, results with and without a link, fees all zero, payments, components; some records
 * delivered to the portal (1.4), some never received.
 */
describe('Indicator report over the stored records equals the rules over the records (edges)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let service: IndicatorsService;
  const quarter = quarterPeriod(2026, 1);
  const DAY = 86_400_000;
  const HOUR = 3_600_000;
  const horizon = quarter.to.getTime() + LONG_RUNNING_DAYS * DAY;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadAppConfig({ DATABASE_URL: db.url, DATA_DIR: tmpdir() });
    ds = new DataSource(buildDataSourceOptions(config.database, { entities: ENTITIES, migrations: MIGRATIONS }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const sources = edgeSources();
    const rows = sources.map((s, i) => recordRow(`edge-${i}`, projectRecord(s), 'TEST', new Date(quarter.from)));
    for (let i = 0; i < rows.length; i += 100) await ds.getRepository(PortalRecordEntity).insert(rows.slice(i, i + 100));
    const delivered = rows.filter((_, i) => i % 3 !== 0).map((r) => ({ dossierId: r.dossierId, code: r.code, deliveredVersion: r.recordVersion, record: r.record, deliveredAt: new Date() }));
    for (let i = 0; i < delivered.length; i += 100) await ds.getRepository(PortalDeliveryEntity).insert(delivered.slice(i, i + 100));
    service = new IndicatorsService(new UnitOfWork(ds), new AgencyIdentity('TEST', 'test'));
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  /** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
  function random(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function edgeSources(): RecordSource[] {
    const next = random(766);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    const from = quarter.from.getTime();
    const to = quarter.to.getTime();
    const around = (t: number) => [t - 1, t, t + 1];
    const receipts = [from - 200 * DAY, from - 61 * DAY, ...around(from), from + 10 * DAY, to - DAY, to - 1, to, to + DAY];
    const ends = [...around(from), from + 20 * DAY, ...around(to), to + 30 * DAY, ...around(horizon), horizon + 200 * DAY];
    const out: RecordSource[] = [];
    for (let i = 0; i < 700; i++) {
      const received = next() < 0.03 ? null : pick(receipts);
      const start = received ?? from - 5 * DAY;
      const endChoices = ends.filter((t) => t > start);
      const endAt = next() < 0.33 || endChoices.length === 0 ? null : pick(endChoices);
      const due = received === null || next() < 0.1 ? null : pick([start + 10 * DAY, to - 1, to, to + 1, from + 45 * DAY]);
      // Supplementation around the period end and the end of processing; a request still pending at the end ends it.
      const judged = endAt ?? to;
      const requests = received === null ? 0 : pick([0, 0, 1, 1, 2, 3]);
      const supplements: Array<{ requestedAt: Date; completedAt: Date | null }> = [];
      let cursor = start + HOUR;
      for (let k = 0; k < requests; k++) {
        const requestedAt = Math.max(cursor, pick([start + HOUR, judged - 2 * DAY, to - DAY, to - 1, to, to + HOUR, judged - HOUR]));
        if (endAt !== null && requestedAt >= endAt) break;
        const completedAt = k === requests - 1 && next() < 0.4 ? null : pick([requestedAt + 1, requestedAt + DAY, to, judged - 1, judged, judged + 1].filter((t) => t > requestedAt));
        if (endAt !== null && completedAt !== null && completedAt >= endAt) {
          supplements.push({ requestedAt: new Date(requestedAt), completedAt: null });
          break;
        }
        supplements.push({ requestedAt: new Date(requestedAt), completedAt: completedAt === null ? null : new Date(completedAt) });
        if (completedAt === null) break;
        cursor = completedAt + 1;
      }
      const endState = received === null ? 'rejected' : pick(['returned', 'result_issued', 'refused', 'withdrawn', 'stopped'] as const);
      const withResult = endAt !== null && (endState === 'returned' || endState === 'result_issued');
      const feeBearing = next() < 0.4;
      out.push({
        code: `EDGE-${i}`,
        procedureCode: pick(['P1', 'P2', 'P3']),
        nationalProcedureCode: null,
        field: pick(['F1', 'F2']),
        departmentCode: pick(['D1', 'D2']),
        version: pick([1, 2, 3]),
        state: endAt === null ? 'processing' : endState,
        stateLabelVi: 'x',
        channel: pick(['direct', 'online', 'postal'] as const),
        submittedAt: new Date(start),
        receivedAt: received === null ? null : new Date(received),
        appointmentAt: due === null ? null : new Date(due),
        apologyAppointmentAt: due !== null && next() < 0.2 ? new Date(due + 5 * DAY) : null,
        ended: endAt === null ? (received === null ? { at: new Date(start), state: 'rejected' } : null) : { at: new Date(endAt), state: endState },
        returnedAt: endAt !== null && endState === 'returned' ? new Date(endAt + HOUR) : null,
        supplements,
        result: withResult && next() < 0.6 ? { code: `KQ-${i}`, link: next() < 0.9 ? `https://x/kq/${i}` : '' } : null,
        resultPushedToStore: withResult && next() < 0.1,
        paperResult: next() < 0.6,
        feeBearing,
        fees: feeBearing ? pick([[], [{ name: 'Lệ phí', amountVnd: 0 }], [{ name: 'Lệ phí', amountVnd: 100_000 }]]) : [],
        paidOnline: feeBearing ? pick([null, null, 'national', 'provincial'] as const) : null,
        components: [
          { key: 'a', name: 'A', required: true, digitised: next() < 0.7, reused: next() < 0.3, fromCitizenStore: next() < 0.1 },
          { key: 'b', name: 'B', required: false, digitised: next() < 0.5, reused: false, fromCitizenStore: false },
        ],
        vneid: false,
        timeUnit: pick([null, 'working_days', 'working_hours', 'calendar_days'] as const),
        processingWorkingMinutes: endAt === null || next() < 0.2 ? null : Math.floor(next() * 10_000),
        rating: pick([null, null, 'very_satisfied', 'satisfied', 'dissatisfied'] as const),
        hasComplaint: next() < 0.1,
        imported: next() < 0.3,
        updatedAt: new Date(start),
      });
    }
    return out;
  }

  /**
   * Every stored record read back as the rules read it: the reference's input. (Not only the period's
   * scope: a dossier that ended before it was received is out of every scope but still received in a period.)
   */
  async function allFacts(): Promise<DossierFact[]> {
    const synced = new Set((await ds.getRepository(PortalDeliveryEntity).find({ select: ['dossierId'] })).map((d) => d.dossierId));
    return (await ds.getRepository(PortalRecordEntity).find()).map((r) => readRecord(r.record, { agencyCode: 'TEST', synced: synced.has(r.dossierId) }));
  }

  async function expectReferenceFigures(period: Period) {
    const sql = await service.report(period);
    const reference = computeIndicators(await allFacts(), period, service.config, [], await service.catalogueFacts());
    expect(sql.counts.ratios).toEqual(reference.counts.ratios);
    expect(sql.counts.processingTime.byProcedure).toEqual(reference.counts.processingTime.byProcedure);
  }

  it('covers every scope range, pending and completed supplementation, and delivered records', async () => {
    const facts = await service.factsFor(quarter);
    const endedAt = (t: number) => facts.filter((f) => f.processingEndedAt?.getTime() === t).length;
    expect(facts.filter((f) => f.processingEndedAt === null).length).toBeGreaterThan(0);
    expect(endedAt(quarter.from.getTime())).toBeGreaterThan(0);
    expect(endedAt(quarter.to.getTime())).toBeGreaterThan(0);
    expect(endedAt(horizon - 1)).toBeGreaterThan(0);
    expect(endedAt(horizon)).toBeGreaterThan(0);
    expect(facts.filter((f) => f.supplements.length === 1 && f.supplements[0].completedAt !== null).length).toBeGreaterThan(10);
    expect(facts.filter((f) => f.supplements.length === 1 && f.supplements[0].completedAt === null).length).toBeGreaterThan(10);
    expect(facts.filter((f) => f.supplements.length > 1).length).toBeGreaterThan(10);
    const report = await service.report(quarter);
    expect(report.counts.ratios['1.4'].numerator).toBeGreaterThan(0);
    expect(report.counts.ratios['1.4'].numerator).toBeLessThan(report.counts.ratios['1.4'].denominator);
  });

  /** Which path the report takes: the records (buckets not built) or the day and month buckets (built now). */
  async function use(source: 'records' | 'buckets') {
    await ds.getRepository(IndicatorRollupStateEntity).clear();
    if (source === 'buckets') await rebuildRollup(ds);
  }

  const periods: Array<[string, Period]> = [
    ['the quarter the edges are placed on', quarter],
    ['a month inside it', customPeriod('2026-02-01', '2026-02-28')],
    ['the next quarter', quarterPeriod(2026, 2)],
    ['a single day at the quarter end', customPeriod('2026-03-31', '2026-03-31')],
    ['the quarter computed a year later (2.2 counts later completions)', judgePeriod(quarterPeriod(2026, 1), new Date(horizon + 400 * DAY))],
    ['March judged on 20 March (provisional)', judgePeriod(monthPeriod(2026, 3), new Date(quarter.to.getTime() - 11 * DAY - 3 * HOUR))],
    ['March judged a millisecond before its end', judgePeriod(monthPeriod(2026, 3), new Date(quarter.to.getTime() - 1))],
    ['the quarter computed 10 days 5 hours after its end (2.2 counts what ended since that midnight)', judgePeriod(quarter, new Date(quarter.to.getTime() + 10 * DAY + 5 * HOUR))],
    ['the quarter computed a day after the long-run horizon, mid-afternoon', judgePeriod(quarter, new Date(horizon + DAY + 8 * HOUR))],
    ['the year 2026 computed in 2028', judgePeriod(yearPeriod(2026), new Date(Date.parse('2028-01-05T09:00:00+07:00')))],
  ];

  describe.each(['records', 'buckets'] as const)('from the %s', (source) => {
    beforeAll(() => use(source));

    it.each(periods)('gives the reference figures for %s', async (_name, period) => {
      await expectReferenceFigures(period);
    });

    it('gives the reference figures for one procedure, and with a filter the buckets do not keep (channel)', async () => {
      for (const filter of [{ procedureCode: 'P2' }, { procedureCode: 'P2', channel: 'online' }]) {
        const sql = await service.report(quarter, filter);
        const facts = (await service.factsFor(quarter)).filter((f) => f.procedureCode === 'P2' && (!filter.channel || f.channel === filter.channel));
        const reference = computeIndicators(facts, quarter, service.config, [], await service.catalogueFacts(filter));
        expect(sql.counts.ratios).toEqual(reference.counts.ratios);
        expect(sql.counts.processingTime).toEqual(reference.counts.processingTime);
      }
    });
  });

  describe('buckets kept up change by change', () => {
    beforeAll(() => use('buckets'));

    it('a build from the records verifies; a bucket changed by hand is found', async () => {
      expect((await verifyRollup(ds)).differences).toEqual([]);
      const [row] = await ds.getRepository(IndicatorRollupDayEntity).find({ take: 1, order: { day: 'ASC' } });
      const key = { series: row.series, day: row.day, receivedDay: row.receivedDay, procedureCode: row.procedureCode, imported: row.imported, counter: row.counter };
      const reference = await service.report(quarter);
      await ds.getRepository(IndicatorRollupDayEntity).update(key, { value: Number(row.value) + 1 });
      const { differences } = await verifyRollup(ds);
      expect(differences).toEqual([{ table: 'day', key: JSON.stringify([row.series, row.day, row.receivedDay, row.procedureCode, row.imported, row.counter]), stored: Number(row.value) + 1, expected: Number(row.value) }]);
      // The report reads the buckets: a changed bucket of a period changes its figures.
      const [changedRow] = await ds.getRepository(IndicatorRollupMonthEntity).find({ where: { series: 'received', month: '2026-01', counter: 'reused' }, take: 1 });
      const { value, ...monthKey } = changedRow;
      await ds.getRepository(IndicatorRollupMonthEntity).update(monthKey, { value: Number(value) - 1 });
      expect((await service.report(quarter)).counts.ratios['4.3'].numerator).toBe(reference.counts.ratios['4.3'].numerator - 1);
      await use('buckets');
    });

    it('records changed one by one (as PortalRecords.refresh does) and first deliveries leave the buckets equal to a rebuild, and the report equal to the reference', async () => {
      const ids = (await ds.getRepository(PortalRecordEntity).find({ select: ['dossierId'], order: { dossierId: 'ASC' } })).map((r) => r.dossierId);
      const donors = edgeSources();
      const next = random(17);
      const delivered = new Set((await ds.getRepository(PortalDeliveryEntity).find({ select: ['dossierId'] })).map((d) => d.dossierId));
      for (let i = 0; i < 150; i++) {
        const dossierId = ids[Math.floor(next() * ids.length)];
        const donor = donors[Math.floor(next() * donors.length)];
        await ds.transaction(async (m) => {
          const current = await m.findOneByOrFail(PortalRecordEntity, { dossierId });
          // Another history on this dossier's record: any, also a receipt taken back; now and then an irregular
          // one (an imported dossier that ended before it was received).
          const irregular = donor.receivedAt !== null && next() < 0.15;
          const source: RecordSource = irregular ? { ...donor, code: current.code, ended: { at: new Date(donor.receivedAt!.getTime() - HOUR), state: 'returned' } } : { ...donor, code: current.code };
          const changed = recordRow(dossierId, projectRecord({ ...source, version: current.recordVersion + 1 }), 'TEST', new Date());
          await m.update(PortalRecordEntity, { dossierId }, changed);
          await rollupRecordChange(m, dossierId, { code: current.code, columns: factColumnsOf(current) }, { code: changed.code, columns: factColumnsOf(changed) });
          if (!delivered.has(dossierId) && next() < 0.3) {
            await rollupFirstDelivery(m, dossierId);
            await m.insert(PortalDeliveryEntity, { dossierId, code: current.code, deliveredVersion: 1, record: current.record, deliveredAt: new Date() });
            delivered.add(dossierId);
          }
        });
      }
      expect((await verifyRollup(ds)).differences).toEqual([]);
      expect(await ds.getRepository(IndicatorRollupIrregularEntity).count()).toBeGreaterThan(0);
      for (const [, period] of periods.filter(([, p]) => rollupServes(p))) await expectReferenceFigures(period);
    });
  });
});
