import { apiRequest } from './client';

export interface DayOverride {
  date: string;
  kind: 'day_off' | 'working_day';
  name: string;
  createdAt: string;
}

export interface CalendarChange {
  id: string;
  action: 'set' | 'remove';
  date: string;
  kind: string | null;
  name: string | null;
  actorUsername: string;
  occurredAt: string;
}

export const listOverrides = () => apiRequest<DayOverride[]>('GET', '/admin/calendar/overrides');
export const listCalendarChanges = () => apiRequest<CalendarChange[]>('GET', '/admin/calendar/changes');
export const setOverride = (date: string, kind: DayOverride['kind'], name: string) =>
  apiRequest<DayOverride>('PUT', `/admin/calendar/overrides/${encodeURIComponent(date)}`, { body: { kind, name } });
export const removeOverride = (date: string) => apiRequest<void>('DELETE', `/admin/calendar/overrides/${encodeURIComponent(date)}`);
