/** What other modules use of the outbox. */
export { OutboxCoreModule } from './outbox-core.module';
export { OutboxModule } from './outbox.module';
export { OutboxWriter } from './outbox-writer';
export { OutboxDispatcher, type DispatchReport } from './outbox-dispatcher.service';
export { OutboxLagProbe, type OutboxLag } from './outbox-lag';
export {
  dossierOutboxMessages,
  deadlineOutboxMessages,
  DOSSIER_AGGREGATE,
  type DossierOutboxFacts,
  type DossierChange,
  type DossierOutboxSettings,
  type DeadlineFacts,
  type DeadlineKind,
} from './dossier-outbox-messages';
export { loadProcedureFacts } from './procedure-facts';
export type { OutboxMessageInput, OutboxChannel, OutboxStatus } from './outbox.types';
