import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import schedule2026Json from '@config/holidays/2026.json';
import { parseYearSchedule, YearScheduleError } from './year-schedule';

const HOLIDAYS_DIR = join(__dirname, '../../../config/holidays');

/** A minimal valid file; tests break one thing at a time. */
const valid = (): Record<string, unknown> => ({
  year: 2030,
  source: [{ reference: 'Thông báo 1/TB-BNV' }],
  daysOff: [
    { date: '2030-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
    { date: '2030-01-02', name: 'Ngày nghỉ hoán đổi', kind: 'swapped' },
  ],
  makeUpDays: [{ date: '2030-01-05', name: 'Làm bù cho ngày 02/01/2030', replaces: '2030-01-02' }],
});

function issuesOf(json: unknown): readonly string[] {
  try {
    parseYearSchedule(json, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(YearScheduleError);
    return (error as YearScheduleError).issues;
  }
  throw new Error('expected parseYearSchedule to throw');
}

describe('parseYearSchedule', () => {
  it.each(readdirSync(HOLIDAYS_DIR).filter((f) => /^\d{4}\.json$/.test(f)))('accepts config/holidays/%s', (file) => {
    const json: unknown = JSON.parse(readFileSync(join(HOLIDAYS_DIR, file), 'utf8'));
    const schedule = parseYearSchedule(json, file);
    expect(`${schedule.year}.json`).toBe(file);
    expect(schedule.source.length).toBeGreaterThan(0);
    expect(schedule.source.every((s) => s.url?.startsWith('http'))).toBe(true);
  });

  it('returns typed, defaulted, sorted content', () => {
    const schedule = parseYearSchedule(schedule2026Json, '2026.json');
    expect(schedule.year).toBe(2026);
    expect(schedule.daysOff[0]).toEqual({ date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday', verified: true });
    expect(schedule.daysOff.find((d) => d.date === '2026-04-27')).toMatchObject({ kind: 'compensatory', compensates: '2026-04-26' });
    expect(schedule.makeUpDays).toEqual([
      { date: '2026-01-10', name: 'Làm bù cho ngày 02/01/2026', replaces: '2026-01-02', verified: true },
      { date: '2026-08-22', name: 'Làm bù cho ngày 31/08/2026', replaces: '2026-08-31', verified: true },
    ]);
    expect(schedule.optional).toEqual([
      expect.objectContaining({ date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam', enabledByDefault: false, verified: false }),
    ]);
    const dates = schedule.daysOff.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());

    const unsorted = valid();
    unsorted.daysOff = [...(unsorted.daysOff as unknown[])].reverse();
    unsorted.makeUpDays = [
      { date: '2030-01-12', name: 'b', note: 'second make-up day', verified: false },
      { date: '2030-01-05', name: 'a' },
    ];
    unsorted.optional = [
      { date: '2030-11-24', name: 'b', kind: 'holiday', enabledByDefault: true },
      { date: '2030-11-23', name: 'a', kind: 'holiday', enabledByDefault: false },
    ];
    const parsed = parseYearSchedule(unsorted);
    expect(parsed.daysOff.map((d) => d.date)).toEqual(['2030-01-01', '2030-01-02']);
    expect(parsed.makeUpDays).toEqual([
      { date: '2030-01-05', name: 'a', verified: true },
      { date: '2030-01-12', name: 'b', note: 'second make-up day', verified: false },
    ]);
    expect(parsed.optional.map((d) => d.date)).toEqual(['2030-11-23', '2030-11-24']);
    expect(parsed.notes).toEqual([]);
    expect(parsed.source).toEqual([{ reference: 'Thông báo 1/TB-BNV', covers: [] }]);
  });

  it('keeps the 2024 Tết Dương lịch marked unverified', () => {
    const json: unknown = JSON.parse(readFileSync(join(HOLIDAYS_DIR, '2024.json'), 'utf8'));
    expect(parseYearSchedule(json).daysOff[0]).toMatchObject({ date: '2024-01-01', verified: false, note: expect.stringContaining('UNVERIFIED') });
  });

  it('names the input and every issue in the error message', () => {
    const json = valid();
    (json.daysOff as Array<Record<string, unknown>>)[0].date = '2030-02-30';
    expect(() => parseYearSchedule(json, '2030.json')).toThrow(
      'Invalid holiday schedule 2030.json:\n  - daysOff[0].date: "2030-02-30" is not a valid YYYY-MM-DD date',
    );
    expect(() => parseYearSchedule(json)).toThrow(/^Invalid holiday schedule year schedule:/);
  });

  it.each<[string, (json: Record<string, unknown>) => void, string]>([
    ['a bad date', (j) => ((j.daysOff as Array<Record<string, unknown>>)[1].date = '2030-1-2'), 'daysOff[1].date: "2030-1-2" is not a valid YYYY-MM-DD date'],
    ['a date outside the year', (j) => ((j.daysOff as Array<Record<string, unknown>>)[0].date = '2029-12-31'), 'daysOff[0].date: 2029-12-31 is not in year 2030'],
    [
      'a duplicate date',
      (j) => (j.daysOff as unknown[]).push({ date: '2030-01-01', name: 'again', kind: 'holiday' }),
      'daysOff[2].date: duplicate date 2030-01-01 (first listed at daysOff[0])',
    ],
    [
      'a date both off and make-up',
      (j) => (j.makeUpDays as unknown[]).push({ date: '2030-01-02', name: 'Làm bù' }),
      'makeUpDays[1].date: 2030-01-02 is both a day off and a make-up working day (see daysOff[1])',
    ],
    [
      'a duplicate make-up day',
      (j) => (j.makeUpDays as unknown[]).push({ date: '2030-01-05', name: 'Làm bù' }),
      'makeUpDays[1].date: duplicate date 2030-01-05 (first listed at makeUpDays[0])',
    ],
    [
      'an optional day that is also a day off',
      (j) => (j.optional = [{ date: '2030-01-01', name: 'x', kind: 'holiday', enabledByDefault: true }]),
      'optional[0].date: duplicate date 2030-01-01 (first listed at daysOff[0])',
    ],
    ['a wrong year', (j) => (j.year = '2030'), 'year: expected an integer 1800–2199, got "2030"'],
    ['a year out of range', (j) => (j.year = 2200), 'year: expected an integer 1800–2199, got 2200'],
    ['an unknown top-level field', (j) => (j.makeupDays = []), 'makeupDays: unknown field'],
    ['an unknown entry field', (j) => ((j.daysOff as Array<Record<string, unknown>>)[0].type = 'x'), 'daysOff[0].type: unknown field'],
    ['a missing daysOff', (j) => delete j.daysOff, 'daysOff: expected an array'],
    ['a non-array makeUpDays', (j) => (j.makeUpDays = {}), 'makeUpDays: expected an array'],
    ['an empty source', (j) => (j.source = []), 'source: cite at least one notice'],
    ['a source that is a string', (j) => (j.source = ['CV 1']), 'source[0]: expected an object { reference, url?, covers? }'],
    ['a source without reference', (j) => (j.source = [{ url: 'https://x.vn' }]), 'source[0].reference: expected a non-empty string'],
    ['a source with a bad url', (j) => (j.source = [{ reference: 'CV 1', url: 'ftp://x' }]), 'source[0].url: expected an http(s) URL'],
    ['a source with bad covers', (j) => (j.source = [{ reference: 'CV 1', covers: 'Tết' }]), 'source[0].covers: expected an array of strings'],
    ['a source with a blank cover', (j) => (j.source = [{ reference: 'CV 1', covers: [' '] }]), 'source[0].covers[0]: expected a non-empty string'],
    ['an unknown source field', (j) => (j.source = [{ reference: 'CV 1', date: 'x' }]), 'source[0].date: unknown field'],
    ['a day off that is not an object', (j) => (j.daysOff = ['2030-01-01']), 'daysOff[0]: expected an object { date, name, kind, ... }'],
    ['a missing name', (j) => delete (j.daysOff as Array<Record<string, unknown>>)[0].name, 'daysOff[0].name: expected a non-empty string'],
    ['an unknown kind', (j) => ((j.daysOff as Array<Record<string, unknown>>)[0].kind = 'lễ'), 'daysOff[0].kind: expected one of holiday, compensatory, swapped, weekend, got "lễ"'],
    ['a non-boolean verified', (j) => ((j.daysOff as Array<Record<string, unknown>>)[0].verified = 'no'), 'daysOff[0].verified: expected true or false'],
    ['an empty note', (j) => ((j.daysOff as Array<Record<string, unknown>>)[0].note = ''), 'daysOff[0].note: expected a non-empty string'],
    [
      'compensates on a non-compensatory day',
      (j) => ((j.daysOff as Array<Record<string, unknown>>)[0].compensates = '2029-12-31'),
      'daysOff[0].compensates: only a compensatory day compensates a holiday',
    ],
    [
      'a bad compensates date',
      (j) => (j.daysOff as unknown[]).push({ date: '2030-01-03', name: 'Nghỉ bù', kind: 'compensatory', compensates: 'yesterday' }),
      'daysOff[2].compensates: "yesterday" is not a valid YYYY-MM-DD date',
    ],
    ['a make-up day that is not an object', (j) => (j.makeUpDays = [7]), 'makeUpDays[0]: expected an object { date, name, replaces? }'],
    ['a bad replaces date', (j) => ((j.makeUpDays as Array<Record<string, unknown>>)[0].replaces = '02/01/2030'), 'makeUpDays[0].replaces: "02/01/2030" is not a valid YYYY-MM-DD date'],
    [
      'an optional day without enabledByDefault',
      (j) => (j.optional = [{ date: '2030-11-24', name: 'Ngày Văn hóa Việt Nam', kind: 'holiday' }]),
      'optional[0].enabledByDefault: expected true or false',
    ],
    ['an optional day that is not an object', (j) => (j.optional = [null]), 'optional[0]: expected an object { date, name, kind, ... }'],
    ['a blank note', (j) => (j.notes = ['  ']), 'notes[0]: expected a non-empty string'],
  ])('rejects %s', (_label, breakIt, issue) => {
    const json = valid();
    breakIt(json);
    expect(issuesOf(json)).toContain(issue);
  });

  it.each([[null], [[]], ['2030'], [42]])('rejects a non-object %p', (json) => {
    expect(issuesOf(json)).toEqual(['expected a JSON object']);
  });

  it('reports every issue at once', () => {
    expect(issuesOf({ year: 1, daysOff: [{}] }).length).toBeGreaterThanOrEqual(4);
  });

  it('accepts the $schema key, notes, and optional fields', () => {
    const json = {
      ...valid(),
      $schema: './year-schedule.schema.json',
      notes: ['ok'],
      source: [{ reference: 'CV 1', url: 'https://x.vn', covers: ['Tết Dương lịch'] }],
    };
    const parsed = parseYearSchedule(json);
    expect(parsed.notes).toEqual(['ok']);
    expect(parsed.source[0]).toEqual({ reference: 'CV 1', url: 'https://x.vn', covers: ['Tết Dương lịch'] });
  });
});
