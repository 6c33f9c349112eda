/**
 * The official holiday schedule of one year, as stored in `config/holidays/YYYY.json`
 * (schema: `config/holidays/year-schedule.schema.json`).
 *
 * When a year has a schedule it is authoritative for every day of that year: the yearly notices
 * (VPCP / MOLISA / MOHA) move days around in ways the statutory rule cannot predict. The library does
 * no I/O; the application reads the files and passes their parsed JSON to {@link parseYearSchedule}.
 */
import { civilFromEpochDay, tryParseIsoDay } from './civil-date';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar';

/**
 * Why a day is off:
 * - `holiday`: an Art 112 holiday (Labour Code 2019) or a day the notice counts as one;
 * - `compensatory`: nghỉ bù for a holiday that fell on a weekly rest day (Art 111(3));
 * - `swapped`: a working day moved to a make-up Saturday (hoán đổi ngày làm việc);
 * - `weekend`: a weekly rest day listed only so a holiday span displays in full.
 */
export type ScheduledDayKind = 'holiday' | 'compensatory' | 'swapped' | 'weekend';
export const SCHEDULED_DAY_KINDS: readonly ScheduledDayKind[] = ['holiday', 'compensatory', 'swapped', 'weekend'];

/** A published source for a schedule (the notice cited in DOMAIN.md §5.2). */
export interface ScheduleSource {
  /** Notice number and date, e.g. "TB 9441/TB-BNV 16/10/2025". */
  readonly reference: string;
  readonly url?: string;
  /** Occasions this source covers, e.g. ["Tết Nguyên Đán", "Quốc khánh"]. */
  readonly covers: readonly string[];
}

/** One day off in a year file. */
export interface ScheduledDayOff {
  /** `YYYY-MM-DD`, inside the schedule's year. */
  readonly date: string;
  /** Vietnamese name shown to users, e.g. "Nghỉ Tết Nguyên Đán Bính Ngọ". */
  readonly name: string;
  readonly kind: ScheduledDayKind;
  /** `false` when the day was not confirmed from a notice (DOMAIN.md UNVERIFIED). Default `true`. */
  readonly verified: boolean;
  readonly note?: string;
  /** For a `compensatory` day: the holiday it makes up for. */
  readonly compensates?: string;
}

/** A Saturday (or other rest day) worked to make up for a swapped day (ngày làm bù). */
export interface MakeUpDay {
  readonly date: string;
  /** e.g. "Làm bù cho ngày 02/01/2026". */
  readonly name: string;
  /** The swapped day this make-up day pays back. */
  readonly replaces?: string;
  readonly verified: boolean;
  readonly note?: string;
}

/** A day off that only applies when enabled (by default or by `CalendarConfig.optionalDaysOff`). */
export interface OptionalDayOff extends ScheduledDayOff {
  readonly enabledByDefault: boolean;
}

/** Parsed, validated content of one year file. Lists are sorted by date. */
export interface YearSchedule {
  readonly year: number;
  readonly source: readonly ScheduleSource[];
  /** The complete list of days off of the year; unlisted weekdays are working days. */
  readonly daysOff: readonly ScheduledDayOff[];
  readonly makeUpDays: readonly MakeUpDay[];
  readonly optional: readonly OptionalDayOff[];
  readonly notes: readonly string[];
}

/** Thrown by {@link parseYearSchedule}; `issues` lists every problem found, each with its JSON path. */
export class YearScheduleError extends Error {
  override readonly name = 'YearScheduleError';

  constructor(
    readonly origin: string,
    readonly issues: readonly string[],
  ) {
    super(`Invalid holiday schedule ${origin}:\n  - ${issues.join('\n  - ')}`);
  }
}

type Json = Record<string, unknown>;

const TOP_LEVEL_KEYS = ['$schema', 'year', 'source', 'daysOff', 'makeUpDays', 'optional', 'notes'];
const SOURCE_KEYS = ['reference', 'url', 'covers'];
const DAY_OFF_KEYS = ['date', 'name', 'kind', 'verified', 'note', 'compensates'];
const OPTIONAL_KEYS = [...DAY_OFF_KEYS, 'enabledByDefault'];
const MAKE_UP_KEYS = ['date', 'name', 'replaces', 'verified', 'note'];

/**
 * Validates the JSON content of a year file and returns it typed and sorted.
 *
 * Checks: known keys only (a typo such as `makeupDays` is an error, not a silently empty list);
 * dates are real `YYYY-MM-DD` days inside `year`; no date twice; no date both off and a make-up day.
 *
 * @param json the parsed file content.
 * @param origin how to name the input in error messages, e.g. the file name.
 * @throws YearScheduleError listing every issue found.
 */
export function parseYearSchedule(json: unknown, origin = 'year schedule'): YearSchedule {
  const issues: string[] = [];
  const v = new Validator(issues);
  if (!isObject(json)) throw new YearScheduleError(origin, ['expected a JSON object']);

  v.knownKeys(json, TOP_LEVEL_KEYS, '');
  const year = json.year;
  const yearOk = Number.isInteger(year) && (year as number) >= LUNAR_MIN_YEAR && (year as number) <= LUNAR_MAX_YEAR;
  if (!yearOk) issues.push(`year: expected an integer ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}, got ${JSON.stringify(year)}`);
  const inYear = yearOk ? (year as number) : undefined;

  const source = v.list(json, 'source', true).map((item, i) => v.source(item, `source[${i}]`));
  if (Array.isArray(json.source) && json.source.length === 0) issues.push('source: cite at least one notice');

  const daysOff = v.list(json, 'daysOff', true).map((item, i) => v.dayOff(item, `daysOff[${i}]`, inYear, DAY_OFF_KEYS));
  const optional = v.list(json, 'optional', false).map((item, i) => {
    const path = `optional[${i}]`;
    const day = v.dayOff(item, path, inYear, OPTIONAL_KEYS);
    const enabledByDefault = isObject(item) ? item.enabledByDefault : undefined;
    if (typeof enabledByDefault !== 'boolean') issues.push(`${path}.enabledByDefault: expected true or false`);
    return { ...day, enabledByDefault: enabledByDefault === true };
  });
  const makeUpDays = v.list(json, 'makeUpDays', false).map((item, i) => v.makeUp(item, `makeUpDays[${i}]`, inYear));
  const notes = v.list(json, 'notes', false).map((note, i) => v.text(note, `notes[${i}]`));

  // One date, one meaning.
  const seen = new Map<string, string>();
  const claim = (date: string, path: string): void => {
    if (!date) return;
    const first = seen.get(date);
    if (first === undefined) seen.set(date, path);
    else if (first.startsWith('makeUpDays') !== path.startsWith('makeUpDays')) {
      issues.push(`${path}.date: ${date} is both a day off and a make-up working day (see ${first})`);
    } else issues.push(`${path}.date: duplicate date ${date} (first listed at ${first})`);
  };
  daysOff.forEach((d, i) => claim(d.date, `daysOff[${i}]`));
  optional.forEach((d, i) => claim(d.date, `optional[${i}]`));
  makeUpDays.forEach((d, i) => claim(d.date, `makeUpDays[${i}]`));

  if (issues.length > 0) throw new YearScheduleError(origin, issues);
  const byDate = <T extends { date: string }>(a: T, b: T): number => (a.date < b.date ? -1 : 1);
  return {
    year: year as number,
    source,
    daysOff: daysOff.sort(byDate),
    makeUpDays: makeUpDays.sort(byDate),
    optional: optional.sort(byDate),
    notes,
  };
}

class Validator {
  constructor(private readonly issues: string[]) {}

  knownKeys(obj: Json, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.issues.push(`${path}${path ? '.' : ''}${key}: unknown field`);
    }
  }

  list(obj: Json, key: string, required: boolean): unknown[] {
    const value = obj[key];
    if (value === undefined && !required) return [];
    if (!Array.isArray(value)) {
      this.issues.push(`${key}: expected an array`);
      return [];
    }
    return value;
  }

  text(value: unknown, path: string): string {
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.issues.push(`${path}: expected a non-empty string`);
    return '';
  }

  optionalText(obj: Json, key: string, path: string): string | undefined {
    return obj[key] === undefined ? undefined : this.text(obj[key], `${path}.${key}`);
  }

  verified(obj: Json, path: string): boolean {
    const value = obj.verified;
    if (value === undefined) return true;
    if (typeof value !== 'boolean') this.issues.push(`${path}.verified: expected true or false`);
    return value !== false;
  }

  /** A `YYYY-MM-DD` date; when `year` is given it must fall in that year. */
  date(value: unknown, path: string, year?: number): string {
    const epochDay = tryParseIsoDay(value);
    if (epochDay === undefined) {
      this.issues.push(`${path}: ${JSON.stringify(value)} is not a valid YYYY-MM-DD date`);
      return '';
    }
    if (year !== undefined && civilFromEpochDay(epochDay).year !== year) {
      this.issues.push(`${path}: ${value as string} is not in year ${year}`);
    }
    return value as string;
  }

  source(item: unknown, path: string): ScheduleSource {
    if (!isObject(item)) {
      this.issues.push(`${path}: expected an object { reference, url?, covers? }`);
      return { reference: '', covers: [] };
    }
    this.knownKeys(item, SOURCE_KEYS, path);
    const url = this.optionalText(item, 'url', path);
    if (url !== undefined && !/^https?:\/\//.test(url)) this.issues.push(`${path}.url: expected an http(s) URL`);
    let covers: string[] = [];
    if (item.covers !== undefined) {
      if (Array.isArray(item.covers)) covers = item.covers.map((c, i) => this.text(c, `${path}.covers[${i}]`));
      else this.issues.push(`${path}.covers: expected an array of strings`);
    }
    return { reference: this.text(item.reference, `${path}.reference`), ...(url ? { url } : {}), covers };
  }

  dayOff(item: unknown, path: string, year: number | undefined, keys: readonly string[]): ScheduledDayOff {
    if (!isObject(item)) {
      this.issues.push(`${path}: expected an object { date, name, kind, ... }`);
      return { date: '', name: '', kind: 'holiday', verified: true };
    }
    this.knownKeys(item, keys, path);
    const kind = item.kind as ScheduledDayKind;
    if (!SCHEDULED_DAY_KINDS.includes(kind)) {
      this.issues.push(`${path}.kind: expected one of ${SCHEDULED_DAY_KINDS.join(', ')}, got ${JSON.stringify(item.kind)}`);
    }
    let compensates: string | undefined;
    if (item.compensates !== undefined) {
      compensates = this.date(item.compensates, `${path}.compensates`);
      if (kind !== 'compensatory') this.issues.push(`${path}.compensates: only a compensatory day compensates a holiday`);
    }
    const note = this.optionalText(item, 'note', path);
    return {
      date: this.date(item.date, `${path}.date`, year),
      name: this.text(item.name, `${path}.name`),
      kind,
      verified: this.verified(item, path),
      ...(note ? { note } : {}),
      ...(compensates ? { compensates } : {}),
    };
  }

  makeUp(item: unknown, path: string, year: number | undefined): MakeUpDay {
    if (!isObject(item)) {
      this.issues.push(`${path}: expected an object { date, name, replaces? }`);
      return { date: '', name: '', verified: true };
    }
    this.knownKeys(item, MAKE_UP_KEYS, path);
    const replaces = item.replaces === undefined ? undefined : this.date(item.replaces, `${path}.replaces`);
    const note = this.optionalText(item, 'note', path);
    return {
      date: this.date(item.date, `${path}.date`, year),
      name: this.text(item.name, `${path}.name`),
      verified: this.verified(item, path),
      ...(replaces ? { replaces } : {}),
      ...(note ? { note } : {}),
    };
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
