import { CreateCoreTables1764115200000 } from './1764115200000-CreateCoreTables';
import { AddDeadlineClock1764201600000 } from './1764201600000-AddDeadlineClock';

/** Ordered list of migrations, shared by both dialects. Never edit one that has shipped. */
export const MIGRATIONS = [CreateCoreTables1764115200000, AddDeadlineClock1764201600000];
