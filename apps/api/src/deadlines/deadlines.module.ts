import { Module } from '@nestjs/common';
import { OutboxCoreModule } from '../outbox';
import { CalendarHolder } from './calendar-holder';
import { DeadlineSweep } from './deadline-sweep.service';
import { DossierClock } from './dossier-clock.service';

@Module({
  imports: [OutboxCoreModule],
  providers: [CalendarHolder, DossierClock, DeadlineSweep],
  exports: [CalendarHolder, DossierClock, DeadlineSweep],
})
export class DeadlinesModule {}
