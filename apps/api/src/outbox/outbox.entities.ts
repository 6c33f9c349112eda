import { OutboxActionEntity } from './outbox-action.entity';
import { OutboxMessageEntity } from './outbox-message.entity';

export { OutboxActionEntity, OutboxMessageEntity };

/** The outbox's tables, for apps/api/src/database/entities.ts. */
export const OUTBOX_ENTITIES = [OutboxMessageEntity, OutboxActionEntity];
