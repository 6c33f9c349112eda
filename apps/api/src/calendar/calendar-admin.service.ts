import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarRangeError, DayOverride } from '@motcua/calendar';
import { UnitOfWork } from '@motcua/persistence';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { DateOutOfRangeError, NotFoundError } from '../common/errors';
import { CalendarHolder } from '../deadlines/calendar-holder';
import { CalendarChangeEntity, CalendarDayOverrideEntity } from './calendar-override.entity';

/**
 * Administrators' changes to the official days; each is one transaction with its audit row. The
 * calendar the change gives is built inside that transaction, before it commits: a change the
 * calendar cannot take is refused, and nothing is stored (issue #14, D5).
 */
@Injectable()
export class CalendarAdminService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly holder: CalendarHolder,
    private readonly time: Clock,
  ) {}

  list(): Promise<CalendarDayOverrideEntity[]> {
    return this.uow.read((m) => m.find(CalendarDayOverrideEntity, { order: { date: 'ASC' } }));
  }

  changes(): Promise<CalendarChangeEntity[]> {
    return this.uow.read((m) => m.find(CalendarChangeEntity, { order: { occurredAt: 'DESC' }, take: 500 }));
  }

  async set(user: AuthUser, date: string, kind: 'day_off' | 'working_day', name: string): Promise<CalendarDayOverrideEntity> {
    const now = this.time.now();
    const row: CalendarDayOverrideEntity = { date, kind, name, createdBy: user.id, createdAt: now };
    await this.uow.run(async (m) => {
      await this.check(m, date, { date, kind, name });
      // One statement, so that concurrent writes of one date each win in turn instead of colliding on the key.
      await m.upsert(CalendarDayOverrideEntity, row, ['date']);
      await m.insert(CalendarChangeEntity, audit(user, 'set', date, kind, name, now));
    });
    await this.holder.reload();
    return row;
  }

  async remove(user: AuthUser, date: string): Promise<void> {
    const now = this.time.now();
    await this.uow.run(async (m) => {
      const existing = await m.findOne(CalendarDayOverrideEntity, { where: { date } });
      if (!existing) throw new NotFoundError(`No calendar change on ${date}`);
      await m.delete(CalendarDayOverrideEntity, { date });
      await m.insert(CalendarChangeEntity, audit(user, 'remove', date, existing.kind, existing.name, now));
    });
    await this.holder.reload();
  }

  /** Builds the calendar with the stored overrides of the year and this change; refuses the change if it cannot be built. */
  private async check(m: EntityManager, date: string, change: DayOverride): Promise<void> {
    const year = date.slice(0, 4);
    const stored = await m.createQueryBuilder(CalendarDayOverrideEntity, 'o').where('o.date LIKE :year', { year: `${year}-%` }).getMany();
    const overrides = [...stored.filter((o) => o.date !== date).map((o) => ({ date: o.date, kind: o.kind, name: o.name })), change];
    try {
      this.holder.candidate(overrides, date);
    } catch (error) {
      if (error instanceof CalendarRangeError) throw new DateOutOfRangeError(error.message);
      throw error;
    }
  }
}

function audit(user: AuthUser, action: 'set' | 'remove', date: string, kind: string, name: string, at: Date): CalendarChangeEntity {
  return { id: randomUUID(), action, date, kind, name, actorId: user.id, actorUsername: user.username, occurredAt: at };
}
