import { countOf, workingTimeLeft } from './WorklistTabs';

describe('workingTimeLeft', () => {
  it('says the working time left in 8-hour days, hours and minutes, or how late', () => {
    expect(workingTimeLeft(2 * 480 + 3 * 60 + 10)).toBe('còn 2 ngày 3 giờ');
    expect(workingTimeLeft(75)).toBe('còn 1 giờ 15 phút');
    expect(workingTimeLeft(-45)).toBe('quá 45 phút');
    expect(workingTimeLeft(0)).toBe('còn 0 phút');
    expect(workingTimeLeft(null)).toBe('—');
  });
});

describe('countOf', () => {
  it('"all" is open + awaiting return + closed (due soon and overdue are inside open)', () => {
    expect(countOf({ open: 3, due_soon: 1, overdue: 2, awaiting_return: 4, closed: 5 }, 'all')).toBe(12);
  });
});
