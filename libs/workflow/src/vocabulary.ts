/**
 * The workflow's names and their Vietnamese labels without the engine (no xstate): the second
 * public entry of the library (`@motcua/workflow/vocabulary`), for the web application's bundle.
 * Server code imports `@motcua/workflow`, which re-exports all of this.
 */
export * from './dossier.types';
export { DOSSIER_EVENT_LABELS_VI, DOSSIER_STATE_LABELS_VI } from './labels';
export * from './feedback.types';
export {
  FEEDBACK_CATEGORY_LABELS_VI,
  FEEDBACK_EVENT_LABELS_VI,
  FEEDBACK_PHASE_LABELS_VI,
  FEEDBACK_SOURCE_LABELS_VI,
  FEEDBACK_STATE_LABELS_VI,
  FEEDBACK_VERDICT_LABELS_VI,
} from './feedback.labels';
