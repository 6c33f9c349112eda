/**
 * The official holiday notice of one year as an administrator loads it (issue #12 acceptance 6):
 * a CSV file transcribed from the notice, or the JSON of `config/holidays/YYYY.json`. Either is
 * turned into a {@link YearSchedule}; a malformed file is refused whole, naming its line.
 *
 * CSV format (UTF-8; blank lines and lines starting with `#` are skipped):
 *
 * ```
 * # Thông báo …/TB-BNV ngày …
 * date,kind,name
 * 2027-01-01,holiday,Tết Dương lịch
 * 2027-02-08,swapped,Ngày nghỉ hoán đổi (làm bù thứ Bảy 20/02/2027)
 * 2027-02-20,make_up,Làm bù cho ngày 08/02/2027
 * ```
 *
 * `kind` is a day off (`holiday`, `compensatory`, `swapped`, `weekend`, as in the year files) or
 * `make_up` (a rest day worked). Everything after the second comma is the name, commas included.
 * Every weekday not listed off is a working day: the file is the whole year's schedule.
 */
import { tryParseIsoDay } from './civil-date';
import { SCHEDULED_DAY_KINDS, parseYearSchedule, YearScheduleError, type ScheduledDayKind, type YearSchedule } from './year-schedule';

export type ScheduleFileFormat = 'csv' | 'json';
export const SCHEDULE_FILE_FORMATS: readonly ScheduleFileFormat[] = ['csv', 'json'];

/** A file that cannot be loaded; `line` (1-based) is where, when one line is to blame. */
export class ScheduleFileError extends Error {
  override readonly name = 'ScheduleFileError';

  constructor(
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(line === null ? problem : `line ${line}: ${problem}`);
  }
}

const CSV_HEADER = 'date,kind,name';
const MAKE_UP = 'make_up';

/**
 * Parses a notice file of `year`.
 * @param reference the notice the file transcribes (cited as the schedule's source).
 * @throws ScheduleFileError naming the first bad line (CSV, JSON syntax) or the bad entry (JSON content).
 */
export function parseScheduleFile(text: string, format: ScheduleFileFormat, year: number, reference: string): YearSchedule {
  const schedule = format === 'csv' ? parseCsv(text, year, reference) : parseJson(text, year);
  if (schedule.year !== year) throw new ScheduleFileError(null, `the file is the schedule of ${schedule.year}, not ${year}`);
  return schedule;
}

function parseCsv(text: string, year: number, reference: string): YearSchedule {
  const daysOff: Array<{ date: string; kind: ScheduledDayKind; name: string }> = [];
  const makeUpDays: Array<{ date: string; name: string }> = [];
  const seen = new Map<string, number>();
  let header = false;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      const content = raw.trim();
      if (content === '' || content.startsWith('#')) return;
      if (!header) {
        if (content.replace(/\s/g, '').toLowerCase() !== CSV_HEADER) throw new ScheduleFileError(line, `expected the header "${CSV_HEADER}"`);
        header = true;
        return;
      }
      const first = content.indexOf(',');
      const second = first < 0 ? -1 : content.indexOf(',', first + 1);
      if (second < 0) throw new ScheduleFileError(line, 'expected date,kind,name');
      const date = content.slice(0, first).trim();
      const kind = content.slice(first + 1, second).trim();
      const name = unquote(content.slice(second + 1).trim());
      const day = tryParseIsoDay(date);
      if (day === undefined) throw new ScheduleFileError(line, `${JSON.stringify(date)} is not a real YYYY-MM-DD day`);
      if (!date.startsWith(`${year}-`)) throw new ScheduleFileError(line, `${date} is not in ${year}`);
      if (name === '') throw new ScheduleFileError(line, 'the name is empty');
      const earlier = seen.get(date);
      if (earlier !== undefined) throw new ScheduleFileError(line, `${date} is already listed on line ${earlier}`);
      seen.set(date, line);
      if (kind === MAKE_UP) makeUpDays.push({ date, name });
      else if ((SCHEDULED_DAY_KINDS as readonly string[]).includes(kind)) daysOff.push({ date, kind: kind as ScheduledDayKind, name });
      else throw new ScheduleFileError(line, `kind must be one of ${[...SCHEDULED_DAY_KINDS, MAKE_UP].join(', ')}, got ${JSON.stringify(kind)}`);
    });
  if (!header) throw new ScheduleFileError(null, `the file is empty (expected the header "${CSV_HEADER}" and one line per day)`);
  if (daysOff.length === 0) throw new ScheduleFileError(null, 'the file lists no day off');
  return validated({ year, source: [{ reference, covers: [] }], daysOff, makeUpDays });
}

function parseJson(text: string, year: number): YearSchedule {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ScheduleFileError(jsonErrorLine(text, error), `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && (json as { year?: unknown }).year !== year) {
    throw new ScheduleFileError(lineOf(text, '"year"'), `the file is the schedule of ${JSON.stringify((json as { year?: unknown }).year)}, not ${year}`);
  }
  return validated(json);
}

function validated(json: unknown): YearSchedule {
  try {
    return parseYearSchedule(json, 'file');
  } catch (error) {
    if (error instanceof YearScheduleError) throw new ScheduleFileError(null, error.issues.join('; '));
    throw error;
  }
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1).replace(/""/g, '"').trim() : value;
}

/** The line of a JSON syntax error: Node names it (`line 3 column 5`), gives the position, or neither (then found by {@link syntaxErrorOffset}). */
function jsonErrorLine(text: string, error: unknown): number | null {
  const message = error instanceof Error ? error.message : '';
  const named = /line (\d+) column/.exec(message);
  if (named) return Number(named[1]);
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : syntaxErrorOffset(text);
  return offset === null ? null : text.slice(0, offset).split('\n').length;
}

/** Where a JSON text stops being valid (a small recursive-descent check), or null when it is valid. */
function syntaxErrorOffset(text: string): number | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n\uFEFF'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] < ' ') fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!number) fail();
    i += number![0].length;
  };
  try {
    value();
    ws();
    return i < text.length ? i : null;
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
}

function lineOf(text: string, needle: string): number | null {
  const at = text.indexOf(needle);
  return at < 0 ? null : text.slice(0, at).split('\n').length;
}
