/** The public surface adapters import from `@motcua/workflow`. */
import * as workflow from './index';

describe('public surface', () => {
  it('exports exactly the intended values', () => {
    expect(Object.keys(workflow).sort()).toEqual(
      [
        'CHANNELS',
        'DOSSIER_EVENT_LABELS_VI',
        'DOSSIER_EVENT_TYPES',
        'DOSSIER_MACHINE_VERSION',
        'DOSSIER_PERMISSIONS',
        'DOSSIER_STATES',
        'DOSSIER_STATE_LABELS_VI',
        'END_STATES',
        'InvalidPersistedDossier',
        'InvalidProcedureSteps',
        'MAX_TEXT_LENGTH',
        'RETURN_METHODS',
        'ROLES',
        'STEP_ACTOR_ROLES',
        'allowedEvents',
        'currentStepIndex',
        'decide',
        'dossierMachine',
        'isIsoInstant',
        'restoreDossier',
        'startDossier',
        'toPersisted',
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

  it('restoreDossier refuses a snapshot of another machine version', () => {
    const { snapshot } = workflow.startDossier({
      channel: 'online',
      steps: [{ key: 'a', name: 'Thẩm định', departmentCode: 'PQLKH', role: 'specialist', workingDays: 1 }],
    });
    expect(() => workflow.restoreDossier({ ...snapshot, machineVersion: 2 })).toThrow(workflow.InvalidPersistedDossier);
  });
});
