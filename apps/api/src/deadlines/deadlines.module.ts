import { Module } from '@nestjs/common';
import { DeadlineSweep } from './deadline-sweep.service';
import { DossierClock } from './dossier-clock.service';
import { buildWorkingCalendar, WORKING_CALENDAR } from './working-calendar.provider';

@Module({
  providers: [{ provide: WORKING_CALENDAR, useFactory: buildWorkingCalendar }, DossierClock, DeadlineSweep],
  exports: [WORKING_CALENDAR, DossierClock, DeadlineSweep],
})
export class DeadlinesModule {}
