import { Inject, Injectable } from '@nestjs/common';
import { DEADLINE_UNITS, type DeadlineUnit, type WorkingCalendar } from '@motcua/calendar';
import { advanceClock, checkApology, ClockRecord, ClockState, deadlineStatus, DeadlineStatus } from '@motcua/deadlines';
import type { DossierEffect, ProcessingStep } from '@motcua/workflow';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { CalendarHolder } from './calendar-holder';

const UNITS: readonly string[] = DEADLINE_UNITS;

/** Thin adapter: the pure deadline clock bound to the agency's calendar and settings. */
@Injectable()
export class DossierClock {
  constructor(
    private readonly holder: CalendarHolder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get calendar(): WorkingCalendar {
    return this.holder.current;
  }

  advance(
    state: ClockState,
    effects: readonly DossierEffect[],
    now: Date,
    processingTime: { amount: number; unit: string } | null,
    steps: readonly ProcessingStep[],
  ): { state: ClockState; records: ClockRecord[] } {
    if (processingTime && !UNITS.includes(processingTime.unit)) throw new Error(`Unknown processing-time unit ${processingTime.unit}`);
    return advanceClock(state, effects, {
      now,
      calendar: this.calendar,
      processingTime: processingTime as { amount: number; unit: DeadlineUnit } | null,
      steps,
    });
  }

  status(state: ClockState, now: Date): DeadlineStatus | null {
    return deadlineStatus(state, now, this.calendar, this.config.deadlines.dueSoonWorkingMinutes);
  }

  /** The last year with an official holiday notice; later due dates are provisional. */
  get lastOfficialYear(): number {
    return Math.max(...this.holder.officialYears);
  }

  checkApology(state: ClockState, now: Date, newAppointment: Date) {
    return checkApology(state, now, newAppointment, this.calendar, this.config.deadlines.apologyLeadWorkingMinutes);
  }
}
