import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { CalendarAdminService } from './calendar-admin.service';
import { CalendarController } from './calendar.controller';

@Module({ imports: [DeadlinesModule], controllers: [CalendarController], providers: [CalendarAdminService] })
export class CalendarModule {}
