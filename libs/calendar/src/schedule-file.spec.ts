import schedule2026 from '@config/holidays/2026.json';
import { parseScheduleFile, ScheduleFileError } from './index';

const CSV = [
  '# Thông báo 1234/TB-BNV (example)',
  'date,kind,name',
  '2027-01-01,holiday,Tết Dương lịch',
  '',
  '2027-02-08,swapped,"Ngày nghỉ hoán đổi, làm bù thứ Bảy 20/02/2027"',
  '2027-02-20,make_up,Làm bù cho ngày 08/02/2027',
].join('\r\n');

function problem(run: () => unknown): ScheduleFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScheduleFileError) return error;
    throw error;
  }
  throw new Error('expected a ScheduleFileError');
}

describe('parseScheduleFile', () => {
  it('reads a CSV notice: days off, make-up days, names with commas, the reference as source', () => {
    const s = parseScheduleFile(CSV, 'csv', 2027, 'TB 1234/TB-BNV');
    expect(s.year).toBe(2027);
    expect(s.daysOff.map((d) => [d.date, d.kind, d.name])).toEqual([
      ['2027-01-01', 'holiday', 'Tết Dương lịch'],
      ['2027-02-08', 'swapped', 'Ngày nghỉ hoán đổi, làm bù thứ Bảy 20/02/2027'],
    ]);
    expect(s.makeUpDays.map((d) => d.date)).toEqual(['2027-02-20']);
    expect(s.source[0].reference).toBe('TB 1234/TB-BNV');
  });

  it.each([
    ['a bad header', 'day,kind,name\n2027-01-01,holiday,X', 1, 'header'],
    ['a date that does not exist', 'date,kind,name\n2027-01-01,holiday,X\n2027-02-30,holiday,Y', 3, 'not a real'],
    ['a date of another year', 'date,kind,name\n\n2026-12-31,holiday,X', 3, 'not in 2027'],
    ['an unknown kind', '# c\ndate,kind,name\n2027-01-01,party,X', 3, 'kind must be one of'],
    ['a missing name', 'date,kind,name\n2027-01-01,holiday,  ', 2, 'name is empty'],
    ['a line without name', 'date,kind,name\n2027-01-01 holiday', 2, 'expected date,kind,name'],
    ['a day listed twice', 'date,kind,name\n2027-01-01,holiday,X\n2027-01-01,make_up,Y', 3, 'already listed on line 2'],
  ])('refuses %s, naming the line', (_what, text, line, message) => {
    const error = problem(() => parseScheduleFile(text, 'csv', 2027, 'ref'));
    expect(error.line).toBe(line);
    expect(error.message).toContain(`line ${line}`);
    expect(error.message).toContain(message);
  });

  it('refuses an empty file and a file without any day off', () => {
    expect(problem(() => parseScheduleFile('# nothing', 'csv', 2027, 'ref')).message).toContain('empty');
    expect(problem(() => parseScheduleFile('date,kind,name\n2027-02-20,make_up,X', 'csv', 2027, 'ref')).message).toContain('no day off');
  });

  it('reads the JSON of a year file, and refuses another year or broken JSON with its line', () => {
    const json = JSON.stringify(schedule2026, null, 2);
    expect(parseScheduleFile(json, 'json', 2026, 'ignored').daysOff).toHaveLength(schedule2026.daysOff.length);
    expect(problem(() => parseScheduleFile(json, 'json', 2027, 'ref')).line).toBe(3);
    const broken = json.replace('"daysOff": [', '"daysOff": [,');
    const error = problem(() => parseScheduleFile(broken, 'json', 2026, 'ref'));
    expect(error.line).toBe(broken.split('\n').findIndex((l) => l.includes('"daysOff": [,')) + 1);
    const invalid = json.replace('"kind": "swapped"', '"kind": "swaped"');
    expect(problem(() => parseScheduleFile(invalid, 'json', 2026, 'ref')).message).toContain('daysOff[1].kind');
  });
});
