import { tmpdir } from 'node:os';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, UnitOfWork } from '@motcua/persistence';
import { loadAppConfig } from '@config/app-config';
import { computeIndicators, customPeriod, Period, quarterPeriod } from '@motcua/indicators';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from '../../apps/api/src/database/entities';
import { AgencyIdentity } from '../../apps/api/src/catalogue/agency-identity';
import { DossierEntity } from '../../apps/api/src/dossiers/dossier.entity';
import { IndicatorsService } from '../../apps/api/src/indicators/indicators.service';
import { LONG_RUNNING_DAYS } from '../../apps/api/src/indicators/indicator-sql';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The report's SQL splits the scope into index ranges (ended in the period; ended after it,
 * up to LONG_RUNNING_DAYS later; later still, through the partial index of long runs;
 * still open) and evaluates each rule only where it can vary. This proves the figures
 * equal the reference implementation over the same facts (read with the plain scope
 * predicate) for dossiers placed on every edge: a millisecond before, at and after the
 * period start and end and the long-running horizon, open past due at the period end,
 * paused before or at the end, legacy rows without an outcome, never received.
 */
describe('Indicator report over the scope ranges equals the reference (edges)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let service: IndicatorsService;
  const quarter = quarterPeriod(2026, 1);
  const DAY = 86_400_000;
  const horizon = quarter.to.getTime() + LONG_RUNNING_DAYS * DAY;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadAppConfig({ DATABASE_URL: db.url, DATA_DIR: tmpdir() });
    ds = new DataSource(buildDataSourceOptions(config.database, { entities: ENTITIES, migrations: MIGRATIONS }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.getRepository(DossierEntity).insert(edgeDossiers());
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

  function edgeDossiers(): Array<Partial<DossierEntity>> {
    const next = random(766);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    const from = quarter.from.getTime();
    const to = quarter.to.getTime();
    const around = (t: number) => [t - 1, t, t + 1];
    const receipts = [from - 200 * DAY, from - 61 * DAY, ...around(from), from + 10 * DAY, to - DAY, to - 1, to, to + DAY];
    const ends = [...around(from), from + 20 * DAY, ...around(to), to + 30 * DAY, ...around(horizon), horizon + 200 * DAY];
    const rows: Array<Partial<DossierEntity>> = [];
    for (let i = 0; i < 600; i++) {
      const received = next() < 0.03 ? null : pick(receipts);
      const start = received ?? from - 5 * DAY;
      // Never before receipt; a third stay open. An ended dossier never keeps a pause (libs/deadlines).
      const endChoices = ends.filter((t) => t >= start);
      const ended = next() < 0.33 || endChoices.length === 0 ? null : pick(endChoices);
      const due = next() < 0.1 ? null : pick([start + 10 * DAY, to - 1, to, to + 1, from + 45 * DAY]);
      const paused = ended === null && next() < 0.4 ? pick([to - 2 * DAY, to - 1, to, to + DAY, ...(due === null ? [] : [due, due + 1])]) : null;
      const at = (t: number | null) => (t === null ? null : new Date(t));
      rows.push({
        id: `edge-${i}`,
        code: `EDGE-${i}`,
        procedureVersionId: 'v',
        procedureCode: pick(['P1', 'P2', 'P3']),
        channel: pick(['direct', 'online', 'postal'] as const),
        state: ended === null ? pick(['processing', 'awaiting_supplement'] as const) : pick(['returned', 'result_issued', 'refused', 'withdrawn', 'stopped'] as const),
        snapshot: {} as DossierEntity['snapshot'],
        machineVersion: 1,
        version: 1,
        applicantName: 'x',
        applicantIdNumber: '0',
        submittedAt: new Date(start),
        receivedAt: at(received),
        dueAt: at(due),
        pausedAt: at(paused),
        supplementRequests: pick([0, 0, 1, 2]),
        processingEndedAt: at(ended),
        outcome: ended === null ? null : pick([null, 'early', 'on_time', 'late'] as const),
        processingWorkingMinutes: ended === null || next() < 0.2 ? null : Math.floor(next() * 10_000),
        digitised: next() < 0.6,
        reusedComponent: next() < 0.3,
        eResult: next() < 0.5,
        paperResult: next() < 0.6,
        feeApplies: next() < 0.4,
        paymentMethod: pick([null, null, 'national_portal', 'provincial_portal', 'online_unspecified', 'counter'] as const),
        rating: pick([null, null, 'very_satisfied', 'satisfied', 'dissatisfied'] as const),
        hasComplaint: next() < 0.1,
        imported: next() < 0.5,
        createdBy: 'test',
        createdAt: new Date(start),
        updatedAt: new Date(start),
      });
    }
    return rows;
  }

  async function expectReferenceFigures(period: Period) {
    const sql = await service.report(period);
    const reference = computeIndicators(await service.factsFor(period), period, service.config);
    expect(sql.counts.ratios).toEqual(reference.counts.ratios);
    expect(sql.counts.satisfactionParts).toEqual(reference.counts.satisfactionParts);
    expect(sql.counts.processingTime.byProcedure).toEqual(reference.counts.processingTime.byProcedure);
  }

  it('covers every scope range with the generated dossiers', async () => {
    const facts = await service.factsFor(quarter);
    const endedAt = (t: number) => facts.filter((f) => f.processingEndedAt?.getTime() === t).length;
    expect(facts.filter((f) => f.processingEndedAt === null).length).toBeGreaterThan(0);
    expect(endedAt(quarter.from.getTime())).toBeGreaterThan(0);
    expect(endedAt(quarter.to.getTime())).toBeGreaterThan(0);
    expect(endedAt(horizon - 1)).toBeGreaterThan(0);
    expect(endedAt(horizon)).toBeGreaterThan(0);
    expect(endedAt(horizon + 200 * DAY)).toBeGreaterThan(0);
  });

  it.each([
    ['the quarter the edges are placed on', quarter],
    ['a month inside it', customPeriod('2026-02-01', '2026-02-28')],
    ['the next quarter', quarterPeriod(2026, 2)],
    ['a single day at the quarter end', customPeriod('2026-03-31', '2026-03-31')],
  ])('gives the reference figures for %s', async (_name, period) => {
    await expectReferenceFigures(period);
  });

  it('gives the reference figures with a filter', async () => {
    const period = quarter;
    const sql = await service.report(period, { procedureCode: 'P2', channel: 'online' });
    const facts = (await service.factsFor(period)).filter((f) => f.procedureCode === 'P2' && f.channel === 'online');
    expect(sql.counts.ratios).toEqual(computeIndicators(facts, period, service.config).counts.ratios);
  });
});
