/** Invariants over random facts, periods and configurations (fast-check). */
import fc from 'fast-check';
import { makeIndicatorConfig, type IndicatorConfig } from './config';
import { countFacts, type IndicatorCounts } from './counts';
import { computeIndicators, selectDossiers, selectFeedback } from './compute';
import type { DossierFact, FeedbackFact } from './facts';
import { viaRecord } from './indicators.fixtures';
import { customPeriod, judgePeriod, localDay, monthPeriod, quarterPeriod, yearPeriod, type Period } from './period';
import { planShortfall } from './plan';
import { DOSSIER_RATIO_KEYS, FEEDBACK_RATIO_KEYS, RATIO_KEYS, inOnTimeDenominator, isReceivedBy } from './predicates';
import type { RecordSource } from './project-record';
import { reconcile, type VersionedFact } from './reconcile';
import { countsFromRollup, irregularMayCount, isRollupRegular, mergeRollup, midnightOf, onlineProcedures, rollupChange, rollupEntries, rollupServes, splitForRollup, type RollupEntry } from './rollup';
import { windowSums } from './rollup-windows';
import { scoreIndicators } from './score';

const MIN = Date.parse('2024-10-01T00:00:00+07:00');
const MAX = Date.parse('2025-08-01T00:00:00+07:00');
const HOUR = 3_600_000;

/** An instant, often exactly on a period boundary (month starts, where off-by-one errors live). */
const instant = fc.oneof(
  fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms)),
  fc.record({ y: fc.constantFrom(2024, 2025), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: -1, max: 1 }) }).map(
    ({ y, m, d }) => new Date(monthPeriod(y, m).from.getTime() + d),
  ),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

/**
 * What the system stores about a dossier, at random: channels, pauses (pending or completed,
 * one or several), apologies, results with or without a link, fees and payments, components,
 * imports, open at the period end. The facts the rules see are read back from its portal record.
 */
const recordSource: fc.Arbitrary<RecordSource> = fc
  .record({
    code: fc.string({ minLength: 1, maxLength: 4 }),
    procedureCode: fc.constantFrom('P1', 'P2', 'P3'),
    field: fc.constantFrom('F1', 'F2'),
    departmentCode: fc.constantFrom('D1', 'D2', 'D3'),
    channel: fc.constantFrom('direct' as const, 'online' as const, 'postal' as const),
    receivedAt: maybe(instant),
    dueAfterHours: maybe(fc.integer({ min: 0, max: 24 * 90 })),
    apologyAfterHours: maybe(fc.integer({ min: 0, max: 24 * 120 })),
    endAfterHours: maybe(fc.integer({ min: 0, max: 24 * 120 })),
    endState: fc.constantFrom('result_issued' as const, 'returned' as const, 'refused' as const, 'stopped' as const, 'withdrawn' as const),
    pauses: fc.array(fc.tuple(fc.integer({ min: 0, max: 24 * 100 }), maybe(fc.integer({ min: 0, max: 24 * 20 }))), { maxLength: 3 }),
    result: fc.constantFrom('none' as const, 'linked' as const, 'code_only' as const),
    paperResult: fc.boolean(),
    feeBearing: fc.boolean(),
    fee: maybe(fc.constantFrom(0, 50_000, 200_000)),
    paidOnline: maybe(fc.constantFrom('national' as const, 'provincial' as const)),
    components: fc.array(fc.record({ required: fc.boolean(), digitised: fc.boolean(), reused: fc.boolean(), fromCitizenStore: fc.boolean() }), { maxLength: 3 }),
    resultPushedToStore: fc.boolean(),
    timeUnit: fc.constantFrom('working_days' as const, 'working_hours' as const, 'calendar_days' as const),
    workingMinutes: fc.integer({ min: 0, max: 480 * 60 }),
    rating: maybe(fc.constantFrom('very_satisfied' as const, 'satisfied' as const, 'dissatisfied' as const)),
    hasComplaint: fc.boolean(),
    imported: fc.boolean(),
  })
  .map((r): RecordSource => {
    const base = r.receivedAt ?? new Date(MIN);
    const plus = (h: number | null) => (h === null ? null : new Date(base.getTime() + h * HOUR));
    const received = r.receivedAt !== null;
    const endAt = received ? plus(r.endAfterHours) : new Date(MIN);
    // Pauses in order, each after the previous one; only the last may still be open.
    let cursor = base.getTime();
    const supplements = received
      ? r.pauses.map(([start, length], i) => {
          const requestedAt = new Date(cursor + start * HOUR);
          const open = length === null && i === r.pauses.length - 1;
          const completedAt = open ? null : new Date(requestedAt.getTime() + (length ?? 1) * HOUR);
          cursor = (completedAt ?? requestedAt).getTime() + HOUR;
          return { requestedAt, completedAt };
        })
      : [];
    const ended = endAt === null ? null : { at: endAt, state: received ? r.endState : ('rejected' as const) };
    const hasResult = ended !== null && (ended.state === 'result_issued' || ended.state === 'returned');
    return {
      code: r.code,
      procedureCode: r.procedureCode,
      nationalProcedureCode: null,
      field: r.field,
      departmentCode: r.departmentCode,
      version: 1,
      state: ended?.state ?? 'processing',
      stateLabelVi: 'x',
      channel: r.channel,
      submittedAt: base,
      receivedAt: r.receivedAt,
      appointmentAt: received ? plus(r.dueAfterHours) : null,
      apologyAppointmentAt: received ? plus(r.apologyAfterHours) : null,
      ended,
      returnedAt: ended?.state === 'returned' ? new Date(ended.at.getTime() + HOUR) : null,
      supplements,
      result: hasResult && r.result !== 'none' ? { code: `KQ-${r.code}`, link: r.result === 'linked' ? `https://x/kq/${r.code}` : '' } : null,
      resultPushedToStore: hasResult && r.resultPushedToStore,
      paperResult: r.paperResult,
      feeBearing: r.feeBearing,
      fees: r.feeBearing && r.fee !== null ? [{ name: 'Lệ phí', amountVnd: r.fee }] : [],
      paidOnline: r.feeBearing ? r.paidOnline : null,
      components: r.components.map((c, i) => ({ key: `c${i}`, name: `Thành phần ${i}`, ...c })),
      vneid: false,
      timeUnit: r.timeUnit,
      processingWorkingMinutes: ended ? r.workingMinutes : null,
      rating: r.rating,
      hasComplaint: r.hasComplaint,
      imported: r.imported,
      updatedAt: base,
    };
  });

const dossierFact: fc.Arbitrary<DossierFact> = fc.tuple(recordSource, fc.boolean()).map(([s, synced]) => viaRecord(s, synced));

const feedbackFact: fc.Arbitrary<FeedbackFact> = fc
  .record({
    category: fc.constantFrom('regulation' as const, 'conduct' as const),
    receivedAt: instant,
    handledAfterHours: maybe(fc.integer({ min: 0, max: 24 * 60 })),
    dueAfterHours: maybe(fc.integer({ min: 0, max: 24 * 30 })),
    onTime: maybe(fc.boolean()),
    citizenVerdict: maybe(fc.constantFrom('satisfied' as const, 'dissatisfied' as const, 'recomplained' as const)),
    departmentCode: maybe(fc.constantFrom('D1', 'D2')),
  })
  .map((r) => {
    const plus = (h: number | null) => (h === null ? null : new Date(r.receivedAt.getTime() + h * HOUR));
    const handledAt = plus(r.handledAfterHours);
    return {
      category: r.category,
      receivedAt: r.receivedAt,
      handledAt,
      dueAt: plus(r.dueAfterHours),
      onTime: handledAt === null ? null : r.onTime,
      citizenVerdict: handledAt === null ? null : r.citizenVerdict,
      departmentCode: r.departmentCode,
    };
  });

const period: fc.Arbitrary<Period> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((m) => monthPeriod(2025, m)),
  fc.integer({ min: 1, max: 4 }).map((q) => quarterPeriod(2025, q)),
  fc.constant(yearPeriod(2025)),
  // A month still running, judged as of "now" (provisional), or computed some time after its end (asOf).
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 60 * 24 })).map(([m, h]) => judgePeriod(monthPeriod(2025, m), new Date(monthPeriod(2025, m).from.getTime() + h * HOUR))),
  fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 60 })).map(([start, len]) => {
    const day = (n: number) => new Date(Date.UTC(2024, 11, 1 + n)).toISOString().slice(0, 10);
    return customPeriod(day(start), day(start + len));
  }),
);

const config: fc.Arbitrary<IndicatorConfig> = fc
  .record({
    naPolicy: fc.constantFrom('exclude' as const, 'zero' as const),
    importedDossiers: fc.constantFrom('include' as const, 'exclude' as const),
    threshold33: fc.integer({ min: 1, max: 100 }),
    points41: maybe(fc.integer({ min: 0, max: 22 })),
  })
  .map((r) =>
    makeIndicatorConfig({
      naPolicy: r.naPolicy,
      importedDossiers: r.importedDossiers,
      thresholds: { '3.3': r.threshold33 },
      indicatorPoints: r.points41 === null ? {} : { '4.1': r.points41 },
    }),
  );

const facts = fc.array(dossierFact, { maxLength: 40 });
const feedbacks = fc.array(feedbackFact, { maxLength: 15 });
const RUNS = { numRuns: 300 };

describe('indicator invariants', () => {
  it('computeIndicators = scoreIndicators(countFacts(…))', () => {
    fc.assert(
      fc.property(facts, feedbacks, period, config, (fs, fb, p, c) => {
        expect(computeIndicators(fs, p, c, fb)).toEqual(scoreIndicators(countFacts(fs, p, c, fb), c));
      }),
      RUNS,
    );
  });

  it('rates in [0, 100], numerator ≤ denominator, scores within their maxima, no NaN', () => {
    fc.assert(
      fc.property(facts, feedbacks, period, config, (fs, fb, p, c) => {
        const report = computeIndicators(fs, p, c, fb);
        for (const i of report.indicators) {
          if (i.kind === 'ratio') {
            expect(i.numerator).toBeLessThanOrEqual(i.denominator);
            expect(i.rate === null).toBe(i.denominator === 0 || (i.key === '3.3' && i.rate === null));
            if (i.applicable) expect(i.rate).not.toBeNull();
            if (i.rate !== null) expect(i.rate >= 0 && i.rate <= 100).toBe(true);
          } else if (i.average !== null) {
            expect(Number.isFinite(i.average)).toBe(true);
          }
          if (i.score !== null) expect(i.score >= 0 && i.score <= i.maxPoints! + 1e-9).toBe(true);
        }
        for (const m of report.measures) {
          expect(m.numerator).toBeLessThanOrEqual(m.denominator);
          if (m.rate !== null) expect(m.rate >= 0 && m.rate <= 100).toBe(true);
        }
        for (const g of report.groups) if (g.score !== null) expect(g.score >= 0 && g.score <= g.measuredMaxPoints + 0.005 && g.measuredMaxPoints <= g.maxPoints + 0.005).toBe(true);
        if (report.total.percent !== null) expect(report.total.percent >= 0 && report.total.percent <= 100).toBe(true);
        expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
      }),
      RUNS,
    );
  });

  it('counts are additive over disjoint fact sets (what SQL COUNT … FILTER computes)', () => {
    fc.assert(
      fc.property(facts, facts, feedbacks, feedbacks, period, config, (a, b, fa, fb, p, c) => {
        const sum = countFacts([...a, ...b], p, c, [...fa, ...fb]);
        const [x, y] = [countFacts(a, p, c, fa), countFacts(b, p, c, fb)];
        for (const key of RATIO_KEYS) {
          expect(sum.ratios[key]).toEqual({
            numerator: x.ratios[key].numerator + y.ratios[key].numerator,
            denominator: x.ratios[key].denominator + y.ratios[key].denominator,
          });
        }
        expect(totalCenti(sum)).toBe(totalCenti(x) + totalCenti(y));
      }),
      RUNS,
    );
  });

  it('the dossiers behind a number are exactly as many as counted; order does not matter', () => {
    fc.assert(
      fc.property(facts, feedbacks, period, config, (fs, fb, p, c) => {
        const counts = countFacts(fs, p, c, fb);
        for (const key of DOSSIER_RATIO_KEYS) {
          const s = selectDossiers(fs, p, key, c);
          expect([s.numerator.length, s.denominator.length]).toEqual([counts.ratios[key].numerator, counts.ratios[key].denominator]);
          expect(s.numerator.length + s.notInNumerator.length).toBe(s.denominator.length);
        }
        for (const key of FEEDBACK_RATIO_KEYS) {
          const s = selectFeedback(fb, p, key);
          expect([s.numerator.length, s.denominator.length]).toEqual([counts.ratios[key].numerator, counts.ratios[key].denominator]);
        }
        expect(countFacts([...fs].reverse(), p, c, [...fb].reverse()).ratios).toEqual(counts.ratios);
      }),
      RUNS,
    );
  });

  it('2.1 denominator = received_at < to AND (processing_ended_at IS NULL OR processing_ended_at >= from)', () => {
    fc.assert(
      fc.property(dossierFact, period, (f, p) => {
        const sqlForm = isReceivedBy(f, p) && (f.processingEndedAt === null || f.processingEndedAt.getTime() >= p.from.getTime());
        expect(inOnTimeDenominator(f, p)).toBe(sqlForm);
      }),
      { numRuns: 2000 },
    );
  });

  it('reconcile: with every record delivered at its version, the portal computes our figures and no dossier differs', () => {
    fc.assert(
      fc.property(facts, feedbacks, period, config, (fs, fb, p, c) => {
        const ours: VersionedFact[] = fs.map((fact, i) => ({ fact: { ...fact, code: `${fact.code}#${i}`, synced: true }, version: 2 }));
        const r = reconcile({ ours, delivered: ours, deliveryState: new Map(), feedback: fb }, p, c);
        expect(r.differences).toEqual([]);
        expect(r.portal.counts).toEqual(r.ours.counts);
        expect(r.figures.every((f) => f.difference === null || f.difference === 0)).toBe(true);
      }),
      RUNS,
    );
  });

  it('reconcile: the portal side is the rules over the delivered records; every dossier counted differently is listed', () => {
    fc.assert(
      fc.property(facts, fc.array(fc.constantFrom('current' as const, 'older' as const, 'none' as const), { minLength: 40, maxLength: 40 }), period, config, (fs, fates, p, c) => {
        const ours: VersionedFact[] = fs.map((fact, i) => ({ fact: { ...fact, code: `d${i}`, synced: fates[i] !== 'none' }, version: 3 }));
        // An older delivered record: the same dossier before its result, payment and ratings.
        const delivered: VersionedFact[] = ours.flatMap((v, i) =>
          fates[i] === 'none'
            ? []
            : [{ version: fates[i] === 'current' ? 3 : 2, fact: fates[i] === 'current' ? v.fact : { ...v.fact, processingEndedAt: null, endState: null, eResult: false, paidOnline: null, rating: null } }],
        );
        const r = reconcile({ ours, delivered, deliveryState: new Map(), feedback: [] }, p, c);
        const portalCounts = countFacts(delivered.map((d) => ({ ...d.fact, synced: true })), p, c);
        for (const key of RATIO_KEYS) if (key !== '1.4') expect(r.portal.counts.ratios[key]).toEqual(portalCounts.ratios[key]);
        expect(r.portal.counts.ratios['1.4']).toEqual(r.ours.counts.ratios['1.4']);
        // A dossier whose membership differs in some ratio is listed, with the reason its record differs.
        const listed = new Set(r.differences.map((d) => d.code));
        for (const d of r.differences) expect(d.reason).toBe(fates[Number(d.code.slice(1))] === 'none' ? 'not_delivered' : 'outdated');
        for (const key of DOSSIER_RATIO_KEYS.filter((k) => k !== '1.4')) {
          const mine = new Set(selectDossiers(ours.map((o) => o.fact), p, key, c).numerator.map((f) => f.code));
          const theirs = new Set(selectDossiers(delivered.map((o) => o.fact), p, key, c).numerator.map((f) => f.code));
          for (const code of [...mine].filter((x) => !theirs.has(x))) expect(listed.has(code)).toBe(true);
          for (const code of [...theirs].filter((x) => !mine.has(x))) expect(listed.has(code)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('planShortfall is the smallest k reaching the target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }).chain((den) => fc.tuple(fc.constant(den), fc.integer({ min: 0, max: den }))),
        fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
        fc.constantFrom('at_least' as const, 'at_most' as const),
        ([den, num], target, direction) => {
          const k = planShortfall(num, den, target, direction);
          const t = Math.round(target * 100);
          const reaches = (n: number) => (direction === 'at_least' ? n * 10_000 >= t * den : n * 10_000 <= t * den);
          const moved = (j: number) => (direction === 'at_least' ? num + j : num - j);
          expect(k).toBeGreaterThanOrEqual(0);
          expect(reaches(moved(k))).toBe(true);
          if (k > 0) expect(reaches(moved(k - 1))).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

/**
 * Periods the per-day rollup serves: bounded by local midnights, judged at their end or computed
 * later (asOf: the end itself, a later midnight, or any instant after, as `judgePeriod` gives).
 */
const closedPeriod: fc.Arbitrary<Period> = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: 1, max: 12 }).map((m) => monthPeriod(2025, m)),
      fc.integer({ min: 1, max: 4 }).map((q) => quarterPeriod(2025, q)),
      fc.constant(yearPeriod(2025)),
      fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 60 })).map(([start, len]) => {
        const day = (n: number) => new Date(Date.UTC(2024, 11, 1 + n)).toISOString().slice(0, 10);
        return customPeriod(day(start), day(start + len));
      }),
    ),
    fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 }).map((d) => d * 24 * HOUR), fc.integer({ min: 0, max: 120 * 24 * HOUR })),
  )
  .map(([p, after]) => ({ ...p, asOf: new Date(p.to.getTime() + after) }));

/** What the adapter would read besides the buckets: the regular dossiers that ended since the midnight before the report instant. */
function endedSinceAsOfDay(fs: readonly DossierFact[], p: Period): DossierFact[] {
  const asOf = p.asOf ?? p.to;
  const midnight = midnightOf(localDay(asOf)).getTime();
  return fs.filter((f) => f.processingEndedAt !== null && f.processingEndedAt.getTime() >= midnight && f.processingEndedAt.getTime() < asOf.getTime() && isRollupRegular(f));
}

/** Buckets as a comparable table: counters by key, zeros and empty buckets dropped. */
function bucketTable(entries: RollupEntry[]) {
  return Object.fromEntries(
    entries
      .map((e) => [`${e.series}|${e.day}|${e.receivedDay}|${e.procedureCode}|${e.imported}`, Object.fromEntries(Object.entries(e.counters).filter(([, v]) => v !== 0))] as const)
      .filter(([, counters]) => Object.keys(counters).length > 0),
  );
}

const dossierCounts = (c: IndicatorCounts) => ({
  ratios: Object.fromEntries(DOSSIER_RATIO_KEYS.map((k) => [k, c.ratios[k]])),
  processingTime: c.processingTime.byProcedure,
});

describe('per-day rollups of the facts (issue #17)', () => {
  it('a period read from the day buckets (plus the irregular dossiers) gives exactly the reference counts', () => {
    fc.assert(
      fc.property(facts, closedPeriod, config, (fs, p, c) => {
        const { buckets, irregular } = splitForRollup(fs, c);
        const scoped = fs.filter((f) => c.importedDossiers === 'include' || !f.imported);
        // Only the irregular dossiers that may count in the period, as a store reads them.
        const read = irregular.filter((f) => irregularMayCount(f, p));
        expect(dossierCounts(countsFromRollup(buckets, p, c, read, endedSinceAsOfDay(scoped, p)))).toEqual(dossierCounts(countFacts(fs, p, c)));
      }),
      { numRuns: 1000 },
    );
  });

  it('dossiers at a period boundary, and the report computed at, after or long after its end', () => {
    // Many dossiers per run, so that crossing buckets, carried-over dossiers and pending supplements meet.
    fc.assert(
      fc.property(fc.array(dossierFact, { minLength: 60, maxLength: 120 }), closedPeriod, (fs, p) => {
        const c = makeIndicatorConfig({});
        const { buckets, irregular } = splitForRollup(fs, c);
        const read = irregular.filter((f) => irregularMayCount(f, p));
        expect(dossierCounts(countsFromRollup(buckets, p, c, read, endedSinceAsOfDay(fs, p)))).toEqual(dossierCounts(countFacts(fs, p, c)));
      }),
      { numRuns: 200 },
    );
  });

  it('buckets maintained by deltas (a change subtracts what the old facts added, adds the new) equal buckets rebuilt from scratch', () => {
    const regular = dossierFact.filter(isRollupRegular);
    fc.assert(
      fc.property(fc.array(fc.tuple(regular, regular, fc.boolean()), { maxLength: 30 }), (changes) => {
        const negate = (e: RollupEntry): RollupEntry => ({ ...e, counters: Object.fromEntries(Object.entries(e.counters).map(([k, v]) => [k, -v])) });
        const maintained = mergeRollup(changes.flatMap(([before, after, changed]) => [...rollupEntries(before), ...(changed ? [...rollupEntries(before).map(negate), ...rollupEntries(after)] : [])]));
        const rebuilt = mergeRollup(changes.flatMap(([before, after, changed]) => rollupEntries(changed ? after : before)));
        expect(bucketTable(maintained)).toEqual(bucketTable(rebuilt));
      }),
      RUNS,
    );
  });

  it('rollupChange (what the store applies per change) keeps the buckets equal to a rebuild, irregular facts included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dossierFact, dossierFact, fc.boolean()), { maxLength: 30 }), (changes) => {
        const maintained = mergeRollup(changes.flatMap(([before, after, changed]) => [...rollupChange(null, before), ...(changed ? rollupChange(before, after) : [])]));
        const rebuilt = mergeRollup(changes.flatMap(([before, after, changed]) => rollupChange(null, changed ? after : before)));
        expect(bucketTable(maintained)).toEqual(bucketTable(rebuilt));
      }),
      RUNS,
    );
  });

  it('the procedures with an online dossier received in the period (3.2), from the sums and the irregular dossiers', () => {
    fc.assert(
      fc.property(facts, closedPeriod, (fs, p) => {
        const c = makeIndicatorConfig({});
        const { buckets, irregular } = splitForRollup(fs, c);
        const expected = new Set(fs.filter((f) => f.channel === 'online' && f.receivedAt !== null && f.receivedAt >= p.from && f.receivedAt < p.to).map((f) => f.procedureCode));
        expect([...onlineProcedures(windowSums(buckets, p), p, irregular)].sort()).toEqual([...expected].sort());
      }),
      RUNS,
    );
  });

  it('a running period (judged at now) is not served by the buckets', () => {
    const running = judgePeriod(monthPeriod(2025, 3), new Date(Date.parse('2025-03-10T10:00:00+07:00')));
    expect(rollupServes(running)).toBe(false);
    expect(rollupServes(monthPeriod(2025, 3))).toBe(true);
    expect(() => countsFromRollup([], running, makeIndicatorConfig({}))).toThrow(RangeError);
  });
});

function totalCenti(c: IndicatorCounts): number {
  return c.processingTime.byProcedure.reduce((sum, p) => sum + p.totalCenti, 0);
}
