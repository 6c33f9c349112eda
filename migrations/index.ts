import { CreateCoreTables1764115200000 } from './1764115200000-CreateCoreTables';
import { AddDeadlineClock1764201600000 } from './1764201600000-AddDeadlineClock';
import { AddCalendarOverrides1764288000000 } from './1764288000000-AddCalendarOverrides';

/** Ordered list of migrations, shared by both dialects. Never edit one that has shipped. */
export const MIGRATIONS = [CreateCoreTables1764115200000, AddDeadlineClock1764201600000, AddCalendarOverrides1764288000000];
