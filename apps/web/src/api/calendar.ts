import { apiRequest } from './client';
import type { ResponseOf } from './types';

export type DayOverride = ResponseOf<'/api/admin/calendar/overrides', 'get'>[number];
export type CalendarChange = ResponseOf<'/api/admin/calendar/changes', 'get'>[number];

export const listOverrides = () => apiRequest<DayOverride[]>('GET', '/admin/calendar/overrides');
export const listCalendarChanges = () => apiRequest<CalendarChange[]>('GET', '/admin/calendar/changes');
export const setOverride = (date: string, kind: DayOverride['kind'], name: string) =>
  apiRequest<DayOverride>('PUT', `/admin/calendar/overrides/${encodeURIComponent(date)}`, { body: { kind, name } });
export const removeOverride = (date: string) => apiRequest<void>('DELETE', `/admin/calendar/overrides/${encodeURIComponent(date)}`);

/** A year's official holiday notice as loaded, and what the load changed. */
export type OfficialLoad = ResponseOf<'/api/admin/calendar/official', 'get'>[number];
export type OfficialLoadResult = ResponseOf<'/api/admin/calendar/official/{year}', 'post'>;

export const listOfficialLoads = () => apiRequest<OfficialLoad[]>('GET', '/admin/calendar/official');
export const loadOfficialSchedule = (year: number, format: 'csv' | 'json', content: string, reference: string) =>
  apiRequest<OfficialLoadResult>('POST', `/admin/calendar/official/${year}`, { body: { format, content, reference } });
