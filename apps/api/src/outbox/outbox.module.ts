import { Module } from '@nestjs/common';
import { OutboxAdminController } from './outbox-admin.controller';
import { OutboxAdminService } from './outbox-admin.service';
import { OutboxCoreModule } from './outbox-core.module';
import { OutboxReadiness } from './outbox-readiness';

/** The outbox in the API: the core plus the administrators' endpoints (/api/admin/outbox). */
@Module({
  imports: [OutboxCoreModule],
  controllers: [OutboxAdminController],
  providers: [OutboxAdminService, OutboxReadiness],
  exports: [OutboxCoreModule],
})
export class OutboxModule {}
