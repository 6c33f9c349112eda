import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { PortalRecordsModule } from '../portal-records/portal-records.module';
import { OfficialScheduleService } from './official-schedule.service';
import { CalendarAdminService } from './calendar-admin.service';
import { CalendarController } from './calendar.controller';

@Module({ imports: [DeadlinesModule, PortalRecordsModule], controllers: [CalendarController], providers: [CalendarAdminService, OfficialScheduleService] })
export class CalendarModule {}
