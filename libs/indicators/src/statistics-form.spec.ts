/** Biểu 06 (statistics form) on the Q1 2025 fixture, by hand; and its totals are the Index's counts, whatever the facts. */
import fc from 'fast-check';
import { makeIndicatorConfig } from './config';
import { countFacts } from './counts';
import { Q1_FACTS, fact, at } from './indicators.fixtures';
import { quarterPeriod, monthPeriod } from './period';
import { statisticsForm } from './statistics-form';

const Q1 = quarterPeriod(2025, 1);
const config = makeIndicatorConfig();

describe('statisticsForm', () => {
  it('the Q1 fixture, column by column', () => {
    // In the 2.1 scope: A1–A9, A11, A14 (11). Carried over: A9 (received 20/12/2024). New online: A1, A6, A7.
    // Resolved in Q1: A1 (10/01, appointment 15/01: early), A9 (08/01 < 10/01: early), A2 (20/01 16:00, appointment 17:00
    // the same day: on time), A3 (after its appointment) and A4 (two requests): late.
    // In progress at 01/04: A6 (single pending request), A7, A11, A14 within the limit; A5 (past 20/03) and A8 (two requests) overdue.
    const form = statisticsForm(Q1_FACTS, Q1, config);
    expect(form.total).toEqual({
      total: 11,
      newOnline: 3,
      newOther: 7,
      carriedOver: 1,
      resolved: 5,
      resolvedEarly: 2,
      resolvedOnTime: 1,
      resolvedLate: 2,
      inProgress: 6,
      inProgressOnTime: 4,
      inProgressLate: 2,
    });
    expect(form.fields.map((f) => [f.field, f.procedures.map((p) => [p.procedureCode, p.counts.total])])).toEqual([
      [
        'F1',
        [
          ['P1', 9],
          ['P2', 2],
        ],
      ],
    ]);
  });

  it('early means a local day before the appointment’s day', () => {
    const base = { receivedAt: at('2025-03-03 08:00'), appointmentAt: at('2025-03-10 08:00'), endState: 'result_issued' as const };
    const day = (end: string) => statisticsForm([fact('x', { ...base, processingEndedAt: at(end) })], monthPeriod(2025, 3), config).total;
    expect(day('2025-03-09 23:59')).toMatchObject({ resolvedEarly: 1 });
    expect(day('2025-03-10 00:00')).toMatchObject({ resolvedOnTime: 1 });
    expect(day('2025-03-10 08:01')).toMatchObject({ resolvedLate: 1 });
  });

  it('its totals are the Index’s counts: (3) = 2.1 denominator, (8) + (9) + (12) = 2.1 numerator, (4) = online, (4) + (5) = received', () => {
    const instants = fc.integer({ min: Date.parse('2024-12-01'), max: Date.parse('2025-05-01') }).map((t) => new Date(t));
    const facts = fc
      .array(fc.record({ r: instants, due: fc.integer({ min: 0, max: 40 * 24 }), end: fc.option(fc.integer({ min: 0, max: 60 * 24 }), { nil: null }), online: fc.boolean(), field: fc.constantFrom('F1', 'F2') }), {
        maxLength: 30,
      })
      .map((xs) =>
        xs.map((x, i) =>
          fact(`d${i}`, {
          field: x.field,
          channel: x.online ? 'online' : 'direct',
          receivedAt: x.r,
          appointmentAt: new Date(x.r.getTime() + x.due * 3_600_000),
          processingEndedAt: x.end === null ? null : new Date(x.r.getTime() + x.end * 3_600_000),
            endState: x.end === null ? null : 'result_issued',
          }),
        ),
      );
    fc.assert(
      fc.property(facts, (fs) => {
        const form = statisticsForm(fs, Q1, config).total;
        const counts = countFacts(fs, Q1, config).ratios;
        expect(form.total).toBe(counts['2.1'].denominator);
        expect(form.resolvedEarly + form.resolvedOnTime + form.inProgressOnTime).toBe(counts['2.1'].numerator);
        expect(form.newOnline).toBe(counts.channel_online.numerator);
        expect(form.newOnline + form.newOther).toBe(counts.channel_online.denominator);
        expect(form.total).toBe(form.newOnline + form.newOther + form.carriedOver);
        expect(form.total).toBe(form.resolved + form.inProgress);
      }),
      { numRuns: 300 },
    );
  });
});
