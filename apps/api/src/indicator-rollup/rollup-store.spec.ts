import type { FactColumns } from '../portal-records/fact-columns';
import { irregularFact, irregularRow, irregularSubject, rollupFact, type RollupSubject } from './rollup-store';

const columns = (overrides: Partial<FactColumns> = {}): FactColumns => ({
  procedureCode: '1.014392',
  departmentCode: 'PQLKH',
  field: 'khcn',
  channel: 'online',
  receivedAt: new Date('2026-02-02T02:00:00Z'),
  appointmentAt: new Date('2026-02-16T10:00:00Z'),
  processingEndedAt: new Date('2026-02-03T02:00:00Z'),
  endState: 'returned',
  s1RequestedAt: null,
  s1CompletedAt: null,
  s2RequestedAt: null,
  processingTimeCenti: 1000,
  processingTimeUnit: 'working_days',
  paperResult: false,
  eResult: true,
  digitised: true,
  reusedComponent: false,
  fromCitizenStore: true,
  feeBearing: true,
  feesAllZero: false,
  paidOnline: 'national',
  rating: null,
  hasComplaint: false,
  imported: false,
  ...overrides,
});

describe('irregularFact: the fact an irregular row keeps, read back', () => {
  const subjects: Array<[string, RollupSubject]> = [
    ['ended before it was received', { code: 'A', synced: true, columns: columns({ processingEndedAt: new Date('2026-02-01T00:00:00Z') }) }],
    [
      'a supplement asked for after it ended',
      { code: 'B', synced: false, columns: columns({ s1RequestedAt: new Date('2026-02-04T00:00:00Z'), s1CompletedAt: new Date('2026-02-05T00:00:00Z') }) },
    ],
    [
      'a second request, still open',
      {
        code: 'C',
        synced: true,
        columns: columns({
          processingEndedAt: null,
          endState: null,
          s1RequestedAt: new Date('2026-02-04T00:00:00Z'),
          s1CompletedAt: new Date('2026-02-03T00:00:00Z'),
          s2RequestedAt: new Date('2026-02-06T00:00:00Z'),
        }),
      },
    ],
  ];

  it.each(subjects)('%s: the same fact as rollupFact of the subject, dates as dates', (_name, subject) => {
    const row = irregularRow('d', subject);
    expect(irregularFact(row)).toEqual(rollupFact(subject));
    expect(irregularFact(row)).toEqual(rollupFact(irregularSubject(row)));
  });
});
