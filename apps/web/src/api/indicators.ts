import { apiBlob, apiRequest, queryString, type BinaryFile } from './client';
import type { DossiersBehind, GroupedIndicatorReport, IndicatorGroupBy, IndicatorReport, LateDossier, Plan, Reconciliation, ResponseOf } from './types';

/** Days as `YYYY-MM-DD`, both included, Vietnam time. */
export interface DayRange {
  from: string;
  to: string;
}

/** A named period (the server judges it: a running one as of now, `provisional`), or days. */
export type PeriodQuery = DayRange | { period: 'month' | 'quarter' | 'half' | 'year'; year: number; number?: number; statistical?: boolean };

export function getIndicators(range: PeriodQuery, signal?: AbortSignal): Promise<IndicatorReport> {
  return apiRequest<IndicatorReport>('GET', `/indicators${queryString(range)}`, { signal });
}

/** The rates of `months` calendar months ending with `month` of `year`, one report each, in one request. */
export function getIndicatorTrend(end: { year: number; month: number; months?: number }, signal?: AbortSignal): Promise<ResponseOf<'/api/indicators/trend', 'get'>> {
  return apiRequest<ResponseOf<'/api/indicators/trend', 'get'>>('GET', `/indicators/trend${queryString(end)}`, { signal });
}

export function getIndicatorsByGroup(range: PeriodQuery, groupBy: IndicatorGroupBy, signal?: AbortSignal): Promise<GroupedIndicatorReport> {
  return apiRequest<GroupedIndicatorReport>('GET', `/indicators${queryString({ ...range, groupBy })}`, { signal });
}

export function getLateDossiers(range: PeriodQuery, signal?: AbortSignal): Promise<LateDossier[]> {
  return apiRequest<LateDossier[]>('GET', `/indicators/late${queryString(range)}`, { signal });
}

export function getPlan(range: PeriodQuery, signal?: AbortSignal): Promise<Plan> {
  return apiRequest<Plan>('GET', `/indicators/plan${queryString(range)}`, { signal });
}

export function getDossiersBehind(range: PeriodQuery, indicator: string, signal?: AbortSignal): Promise<DossiersBehind> {
  return apiRequest<DossiersBehind>('GET', `/indicators/dossiers${queryString({ ...range, indicator })}`, { signal });
}

export function getReconciliation(range: PeriodQuery, signal?: AbortSignal): Promise<Reconciliation> {
  return apiRequest<Reconciliation>('GET', `/indicators/reconciliation${queryString(range)}`, { signal });
}

export function exportIndicators(range: PeriodQuery, format: 'xlsx' | 'csv'): Promise<BinaryFile> {
  return apiBlob(`/indicators/export${queryString({ format, ...range })}`);
}

/** Biểu 06/VPCP/KSTT, the periodic statistics form, as an Excel workbook. */
export function exportStatisticsForm(range: PeriodQuery): Promise<BinaryFile> {
  return apiBlob(`/indicators/bieu-06${queryString(range)}`);
}
