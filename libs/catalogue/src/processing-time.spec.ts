import { formatProcessingTime, minCalendarDaysInMonths, minWorkingDaysInCalendarDays, workingDayBudget } from './processing-time';

/** Brute force: the fewest Monday-to-Friday days over the 7 possible starting weekdays. */
function bruteForceMinimum(days: number): number {
  let min = Infinity;
  for (let start = 0; start < 7; start++) {
    let count = 0;
    for (let d = 0; d < days; d++) {
      const weekday = (start + d) % 7; // 0 = Monday … 5 = Saturday, 6 = Sunday
      if (weekday < 5) count++;
    }
    min = Math.min(min, count);
  }
  return min;
}

describe('minWorkingDaysInCalendarDays', () => {
  it('matches a brute-force count over every starting weekday for 0–70 days', () => {
    for (let n = 0; n <= 70; n++) {
      expect([n, minWorkingDaysInCalendarDays(n)]).toEqual([n, bruteForceMinimum(n)]);
    }
  });

  it('gives the budgets used by the shipped catalogue', () => {
    expect(minWorkingDaysInCalendarDays(10)).toBe(6);
    expect(minWorkingDaysInCalendarDays(15)).toBe(10);
    expect(minWorkingDaysInCalendarDays(25)).toBe(17);
    expect(minWorkingDaysInCalendarDays(28)).toBe(20);
  });

  it('rejects negative or fractional input', () => {
    expect(() => minWorkingDaysInCalendarDays(-1)).toThrow(RangeError);
    expect(() => minWorkingDaysInCalendarDays(2.5)).toThrow(RangeError);
  });
});

describe('minCalendarDaysInMonths', () => {
  /** Brute force over every start day of 2000–2199: days to the corresponding day of the last month, or its last day (Civil Code Art 148(3)). */
  function bruteForceMinimum(months: number): number {
    let min = Infinity;
    for (let start = Date.UTC(2000, 0, 1); start < Date.UTC(2200, 0, 1); start += 86_400_000) {
      const d = new Date(start);
      const lastOfMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).getUTCDate();
      const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, Math.min(d.getUTCDate(), lastOfMonth));
      min = Math.min(min, Math.round((end - start) / 86_400_000));
    }
    return min;
  }

  it('never exceeds the shortest span of that many months, and is exact for one month', () => {
    for (const n of [1, 2, 12, 13]) {
      expect(minCalendarDaysInMonths(n)).toBeLessThanOrEqual(bruteForceMinimum(n));
    }
    expect(minCalendarDaysInMonths(1)).toBe(bruteForceMinimum(1));
    expect(minCalendarDaysInMonths(0)).toBe(0);
  });

  it('rejects negative or fractional input', () => {
    expect(() => minCalendarDaysInMonths(-1)).toThrow(RangeError);
    expect(() => minCalendarDaysInMonths(1.5)).toThrow(RangeError);
  });
});

describe('workingDayBudget', () => {
  it('takes the working days always contained in calendar months (1 month ≥ 28 days ≥ 20 working days)', () => {
    expect(workingDayBudget({ amount: 1, unit: 'calendar_months' })).toBe(20);
    expect(workingDayBudget({ amount: 3, unit: 'calendar_months' })).toBe(minWorkingDaysInCalendarDays(88));
  });

  it('uses working days as they are', () => {
    expect(workingDayBudget({ amount: 12, unit: 'working_days' })).toBe(12);
  });

  it('turns working hours into days of 8 hours', () => {
    expect(workingDayBudget({ amount: 94, unit: 'working_hours' })).toBe(11.75);
    expect(workingDayBudget({ amount: 4, unit: 'working_hours' })).toBe(0.5);
  });

  it('takes the working days always contained in calendar days', () => {
    expect(workingDayBudget({ amount: 15, unit: 'calendar_days' })).toBe(10);
  });

  it('has no budget without a time limit', () => {
    expect(workingDayBudget(null)).toBeNull();
  });
});

describe('formatProcessingTime', () => {
  it('renders Vietnamese units', () => {
    expect(formatProcessingTime({ amount: 15, unit: 'calendar_days' })).toBe('15 ngày');
    expect(formatProcessingTime({ amount: 1, unit: 'calendar_months' })).toBe('1 tháng');
    expect(formatProcessingTime({ amount: 7, unit: 'working_days' })).toBe('7 ngày làm việc');
    expect(formatProcessingTime({ amount: 94, unit: 'working_hours' })).toBe('94 giờ làm việc');
    expect(formatProcessingTime(null)).toBe('không quy định');
  });
});
