import { customPeriod, halfYearPeriod, judgePeriod, monthPeriod, quarterPeriod, statisticalPeriod, yearPeriod, type Period } from '@motcua/indicators';
import { BadInputError } from '../common/errors';
import type { IndicatorQuery } from './indicators.dto';

/**
 * The period a report query names, judged at `now`: an ended period at its end, a running one as
 * of now (provisional). Any period the library refuses (13th month, 30 February, a period that has
 * not started) is a 400 that says why.
 */
export function reportPeriod(q: IndicatorQuery, now: Date, statisticalCutoffDay: number): Period {
  try {
    return judgePeriod(namedPeriod(q, statisticalCutoffDay), now);
  } catch (error) {
    throw new BadInputError(error instanceof Error ? error.message : 'Invalid period');
  }
}

function namedPeriod(q: IndicatorQuery, cutoffDay: number): Period {
  if (q.period === undefined || q.period === 'custom') {
    if (q.statistical) throw new RangeError('A custom period has no statistical version');
    return customPeriod(q.from!, q.to!);
  }
  const calendar =
    q.period === 'month' ? monthPeriod(q.year!, q.number!) : q.period === 'quarter' ? quarterPeriod(q.year!, q.number!) : q.period === 'half' ? halfYearPeriod(q.year!, q.number!) : yearPeriod(q.year!);
  return q.statistical ? statisticalPeriod(calendar, cutoffDay) : calendar;
}
