import { apiBlob, apiRequest, queryString, type BinaryFile } from './client';
import type { GroupedIndicatorReport, IndicatorGroupBy, IndicatorReport, LateDossier, PlanLine } from './types';

/** Days as `YYYY-MM-DD`, both included, Vietnam time. */
export interface DayRange {
  from: string;
  to: string;
}

export function getIndicators(range: DayRange, signal?: AbortSignal): Promise<IndicatorReport> {
  return apiRequest<IndicatorReport>('GET', `/indicators${queryString(range)}`, { signal });
}

export function getIndicatorsByGroup(range: DayRange, groupBy: IndicatorGroupBy, signal?: AbortSignal): Promise<GroupedIndicatorReport> {
  return apiRequest<GroupedIndicatorReport>('GET', `/indicators${queryString({ ...range, groupBy })}`, { signal });
}

export function getLateDossiers(range: DayRange, signal?: AbortSignal): Promise<LateDossier[]> {
  return apiRequest<LateDossier[]>('GET', `/indicators/late${queryString(range)}`, { signal });
}

export function getPlan(range: DayRange, signal?: AbortSignal): Promise<{ lines: PlanLine[] }> {
  return apiRequest<{ lines: PlanLine[] }>('GET', `/indicators/plan${queryString(range)}`, { signal });
}

export function exportIndicators(range: DayRange, format: 'xlsx' | 'csv'): Promise<BinaryFile> {
  return apiBlob(`/indicators/export${queryString({ format, ...range })}`);
}
