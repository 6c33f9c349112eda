import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYearSchedule, YearSchedule } from '@motcua/calendar';
import { configPath } from '../common/repo-paths';

/** Reads every config/holidays/YYYY.json (the official yearly schedules), validated. */
export function loadYearSchedules(dir = configPath('holidays')): YearSchedule[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => parseYearSchedule(JSON.parse(readFileSync(join(dir, f), 'utf8')), `config/holidays/${f}`));
}
