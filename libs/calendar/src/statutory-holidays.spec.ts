import { DEFAULT_STATUTORY_RULES, statutoryDaysOff, statutoryHolidays, type StatutoryRules } from './statutory-holidays';

const rules = (overrides: Partial<StatutoryRules>): StatutoryRules => ({ ...DEFAULT_STATUTORY_RULES, ...overrides });
const dates = (list: ReadonlyArray<{ date: string }>): string[] => list.map((d) => d.date);

describe('statutory holidays (Labour Code 2019 Art 112, Art 111(3))', () => {
  it('computes 2027 with compensation (DOMAIN.md §5.2 calendar facts)', () => {
    expect(statutoryDaysOff(2027)).toEqual([
      { date: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
      { date: '2027-02-05', name: 'Nghỉ Tết Nguyên Đán Đinh Mùi', kind: 'holiday' },
      { date: '2027-02-06', name: 'Nghỉ Tết Nguyên Đán Đinh Mùi', kind: 'holiday' },
      { date: '2027-02-07', name: 'Nghỉ Tết Nguyên Đán Đinh Mùi', kind: 'holiday' },
      { date: '2027-02-08', name: 'Nghỉ Tết Nguyên Đán Đinh Mùi', kind: 'holiday' },
      { date: '2027-02-09', name: 'Nghỉ Tết Nguyên Đán Đinh Mùi', kind: 'holiday' },
      { date: '2027-02-10', name: 'Nghỉ bù Tết Nguyên Đán Đinh Mùi', kind: 'compensatory', compensates: '2027-02-06' },
      { date: '2027-02-11', name: 'Nghỉ bù Tết Nguyên Đán Đinh Mùi', kind: 'compensatory', compensates: '2027-02-07' },
      { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương', kind: 'holiday' },
      { date: '2027-04-30', name: 'Ngày Chiến thắng', kind: 'holiday' },
      { date: '2027-05-01', name: 'Quốc tế Lao động', kind: 'holiday' },
      { date: '2027-05-03', name: 'Nghỉ bù Quốc tế Lao động', kind: 'compensatory', compensates: '2027-05-01' },
      { date: '2027-09-01', name: 'Quốc khánh', kind: 'holiday' },
      { date: '2027-09-02', name: 'Quốc khánh', kind: 'holiday' },
    ]);
  });

  it('lists the eleven Art 112 days without compensation', () => {
    expect(dates(statutoryHolidays(2026))).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(statutoryHolidays(2026).every((d) => d.kind === 'holiday')).toBe(true);
  });

  it('moves each rest-day holiday to the next free working day, in order', () => {
    // 2023: Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon → compensation Tue 2/5 and Wed 3/5.
    const may2023 = statutoryDaysOff(2023).filter((d) => d.date >= '2023-04-29' && d.date <= '2023-05-31');
    expect(may2023.map((d) => [d.date, d.kind])).toEqual([
      ['2023-04-29', 'holiday'],
      ['2023-04-30', 'holiday'],
      ['2023-05-01', 'holiday'],
      ['2023-05-02', 'compensatory'],
      ['2023-05-03', 'compensatory'],
    ]);
    // 2026: Giỗ Tổ on Sunday 26/4 → Monday 27/4, as in the official schedule.
    expect(statutoryDaysOff(2026).find((d) => d.kind === 'compensatory')).toEqual({
      date: '2026-04-27',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương',
      kind: 'compensatory',
      compensates: '2026-04-26',
    });
  });

  it('supports 3/9 as the day next to Quốc khánh', () => {
    const days = dates(statutoryDaysOff(2026, rules({ nationalDayAdjacentDay: 'after' })));
    expect(days).toContain('2026-09-03');
    expect(days).not.toContain('2026-09-01');
  });

  it('supports other Tết day choices', () => {
    // Two days before mùng 1 and mùng 1–3: 2026 → 15/02 (Sunday) … 19/02, plus compensation.
    const days = statutoryDaysOff(2026, rules({ tetDayOffsets: [-2, -1, 0, 1, 2] })).filter((d) => d.date.startsWith('2026-02'));
    expect(days.map((d) => [d.date, d.kind])).toEqual([
      ['2026-02-15', 'holiday'],
      ['2026-02-16', 'holiday'],
      ['2026-02-17', 'holiday'],
      ['2026-02-18', 'holiday'],
      ['2026-02-19', 'holiday'],
      ['2026-02-20', 'compensatory'],
    ]);
  });

  it('can switch compensation off', () => {
    expect(statutoryDaysOff(2027, rules({ compensateRestDayHolidays: false })).some((d) => d.kind === 'compensatory')).toBe(false);
  });

  it('adds configured fixed holidays within their years', () => {
    const vanHoa = rules({
      additionalFixedHolidays: [{ month: 11, day: 24, name: 'Ngày Văn hóa Việt Nam', fromYear: 2027, toYear: 2028 }],
    });
    expect(dates(statutoryDaysOff(2026, vanHoa))).not.toContain('2026-11-24');
    expect(statutoryDaysOff(2027, vanHoa)).toContainEqual({ date: '2027-11-24', name: 'Ngày Văn hóa Việt Nam', kind: 'holiday' });
    expect(dates(statutoryDaysOff(2029, vanHoa))).not.toContain('2029-11-24');
    const always = rules({ additionalFixedHolidays: [{ month: 11, day: 24, name: 'Ngày Văn hóa Việt Nam' }] });
    expect(dates(statutoryDaysOff(2030, always))).toContain('2030-11-24');
  });

  it('follows a compensation chain across 31/12', () => {
    // Sat 31/12/2022 (configured) and Sun 01/01/2023 → Mon 02/01 and Tue 03/01/2023.
    const yearEnd = rules({ additionalFixedHolidays: [{ month: 12, day: 31, name: 'Ngày cuối năm' }] });
    const january = statutoryDaysOff(2023, yearEnd).filter((d) => d.date <= '2023-01-31');
    expect(january).toEqual([
      { date: '2023-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
      { date: '2023-01-02', name: 'Nghỉ bù Ngày cuối năm', kind: 'compensatory', compensates: '2022-12-31' },
      { date: '2023-01-03', name: 'Nghỉ bù Tết Dương lịch', kind: 'compensatory', compensates: '2023-01-01' },
      { date: '2023-01-21', name: 'Nghỉ Tết Nguyên Đán Quý Mão', kind: 'holiday' },
      { date: '2023-01-22', name: 'Nghỉ Tết Nguyên Đán Quý Mão', kind: 'holiday' },
      { date: '2023-01-23', name: 'Nghỉ Tết Nguyên Đán Quý Mão', kind: 'holiday' },
      { date: '2023-01-24', name: 'Nghỉ Tết Nguyên Đán Quý Mão', kind: 'holiday' },
      { date: '2023-01-25', name: 'Nghỉ Tết Nguyên Đán Quý Mão', kind: 'holiday' },
      { date: '2023-01-26', name: 'Nghỉ bù Tết Nguyên Đán Quý Mão', kind: 'compensatory', compensates: '2023-01-21' },
      { date: '2023-01-27', name: 'Nghỉ bù Tết Nguyên Đán Quý Mão', kind: 'compensatory', compensates: '2023-01-22' },
    ]);
  });

  it('counts two holidays on one date once, joining their names', () => {
    // Tết 2023 is 22/01; offset −21 lands on 01/01.
    const onNewYear = statutoryHolidays(2023, rules({ tetDayOffsets: [-21, 0, 1, 2, 3] }));
    expect(onNewYear[0]).toEqual({ date: '2023-01-01', name: 'Tết Dương lịch; Nghỉ Tết Nguyên Đán Quý Mão', kind: 'holiday' });
    expect(onNewYear).toHaveLength(10);
    const sameName = statutoryHolidays(2026, rules({ additionalFixedHolidays: [{ month: 1, day: 1, name: 'Tết Dương lịch' }] }));
    expect(sameName.filter((d) => d.date === '2026-01-01')).toEqual([{ date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday' }]);
  });

  it('uses the configured weekly rest days for compensation', () => {
    // Sunday-only rest: Tết 2027's Saturday needs no compensation, its Sunday does.
    const comp = statutoryDaysOff(2027, DEFAULT_STATUTORY_RULES, [0]).filter((d) => d.kind === 'compensatory');
    expect(comp.map((d) => [d.date, d.compensates])).toEqual([['2027-02-10', '2027-02-07']]);
  });
});
