/** The public surface adapters import from `@motcua/workflow`. */
import * as workflow from './index';

describe('public surface', () => {
  it('exports exactly the intended values', () => {
    expect(Object.keys(workflow).sort()).toEqual(
      [
        'CHANNELS',
        'DOSSIER_EVENT_FIELDS',
        'DOSSIER_EVENT_LABELS_VI',
        'DOSSIER_EVENT_TYPES',
        'DOSSIER_MACHINE_VERSION',
        'DOSSIER_PERMISSIONS',
        'DOSSIER_STATES',
        'DOSSIER_STATE_LABELS_VI',
        'END_STATES',
        'ENDED_WITHOUT_RESULT',
        'FEEDBACK_EVENT_FIELDS',
        'InvalidPersistedDossier',
        'InvalidProcedureSteps',
        'MAX_TEXT_LENGTH',
        'RESULT_STATES',
        'RETURN_METHODS',
        'ROLES',
        'STEP_ACTOR_ROLES',
        'advanceFeedbackClocks',
        'allowedEvents',
        'canViewDossier',
        'canViewFeedback',
        'currentStepIndex',
        'decide',
        'dossierMachine',
        'isIsoInstant',
        'restoreDossier',
        'startDossier',
        'toPersisted',
        'viewingDepartment',
        // The engine's shared pieces and the two workflows as engine objects.
        'InvalidPersistedSnapshot',
        'REJECTION_CODES',
        'dossierWorkflow',
        'feedbackWorkflow',
        // Feedback and petitions (PAKN).
        'DEFAULT_FEEDBACK_DEADLINES',
        'FEEDBACK_CATEGORIES',
        'FEEDBACK_CATEGORY_LABELS_VI',
        'FEEDBACK_END_STATES',
        'FEEDBACK_EVENT_LABELS_VI',
        'FEEDBACK_EVENT_TYPES',
        'FEEDBACK_MACHINE_VERSION',
        'FEEDBACK_PERMISSIONS',
        'FEEDBACK_PHASES',
        'FEEDBACK_PHASE_COMPLETED_BY',
        'FEEDBACK_PHASE_LABELS_VI',
        'FEEDBACK_SOURCES',
        'FEEDBACK_SOURCE_LABELS_VI',
        'FEEDBACK_STATES',
        'FEEDBACK_STATE_LABELS_VI',
        'FEEDBACK_VERDICTS',
        'FEEDBACK_VERDICT_LABELS_VI',
        'InvalidFeedbackInput',
        'InvalidPersistedFeedback',
        'MAX_ANSWER_LENGTH',
        'MAX_DEPARTMENT_CODE_LENGTH',
        'MAX_DOSSIER_CODE_LENGTH',
        'allowedFeedbackEvents',
        'citizenActor',
        'decideFeedback',
        'feedbackDeadlines',
        'feedbackMachine',
        'feedbackPhaseDueAt',
        'feedbackTimeliness',
        'isCitizenActor',
        'restoreFeedback',
        'startFeedback',
        // Assignment of a dossier to one person at its current step (issue #15).
        'assignmentActions',
        'canHandleStep',
        'checkAssign',
        'checkClaim',
        'checkRelease',
        'keepsAssignee',
        'toPersistedFeedback',
      ].sort(),
    );
  });

  it('defines every export (no value lost to an import cycle)', () => {
    for (const [name, value] of Object.entries(workflow)) expect([name, value]).not.toEqual([name, undefined]);
  });

  it('exposes the limits adapters validate with', () => {
    expect(workflow.MAX_TEXT_LENGTH).toBe(2000);
    expect(workflow.DOSSIER_MACHINE_VERSION).toBe(1);
    expect(workflow.isIsoInstant('2025-04-15T17:00:00+07:00')).toBe(true);
    expect(workflow.isIsoInstant('2025-04-15')).toBe(false);
  });

  it('restoreDossier and toPersisted are inverse on stored dossiers', () => {
    const { snapshot } = workflow.startDossier({
      channel: 'online',
      steps: [{ key: 'a', name: 'Thẩm định', departmentCode: 'PQLKH', role: 'specialist', workingDays: 1 }],
    });
    expect(workflow.toPersisted(workflow.restoreDossier(snapshot))).toEqual(snapshot);
  });

  it('exposes the feedback limits and version', () => {
    expect(workflow.FEEDBACK_MACHINE_VERSION).toBe(1);
    expect(workflow.MAX_ANSWER_LENGTH).toBe(10000);
    expect(workflow.DEFAULT_FEEDBACK_DEADLINES).toEqual({ reject: 2, supplement: 5, handle: 15, publish: 2 });
  });

  it('restoreFeedback and toPersistedFeedback are inverse on stored feedback', () => {
    const { snapshot } = workflow.startFeedback({ source: 'dossier', dossierCode: 'SKHCN-250303-0042' });
    expect(workflow.toPersistedFeedback(workflow.restoreFeedback(snapshot))).toEqual(snapshot);
    expect(() => workflow.restoreFeedback({ ...snapshot, machineVersion: 2 })).toThrow(workflow.InvalidPersistedFeedback);
  });

  it('restoreDossier refuses a snapshot of another machine version', () => {
    const { snapshot } = workflow.startDossier({
      channel: 'online',
      steps: [{ key: 'a', name: 'Thẩm định', departmentCode: 'PQLKH', role: 'specialist', workingDays: 1 }],
    });
    expect(() => workflow.restoreDossier({ ...snapshot, machineVersion: 2 })).toThrow(workflow.InvalidPersistedDossier);
  });
});
