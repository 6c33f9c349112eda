/**
 * The generic workflow engine: both the dossier and the feedback workflow are instances of it
 * (one code path), it enforces the permission table it is given, tells the rejection codes apart
 * the same way for every machine, and knows nothing of dossiers or feedback (a third, toy
 * machine runs through it just as well).
 */
import { emit, enqueueActions, setup } from 'xstate';
import type { AnyStateMachine } from 'xstate';
import { allowedEvents, decide, startDossier } from './decide';
import { dossierMachine } from './dossier.machine';
import type { DecisionResult, DossierEventType } from './dossier.types';
import type { FeedbackDecisionResult } from './feedback.types';
import { dossierWorkflow, dossierWorkflowDefinition, InvalidPersistedDossier } from './dossier.workflow';
import type { DossierWorkflowTypes } from './dossier.workflow';
import { PEOPLE as DOSSIER_PEOPLE, SAMPLE_EVENTS as DOSSIER_EVENTS, drive as driveDossier, expectOk as expectDossierOk } from './dossier.fixtures';
import { feedbackMachine } from './feedback.machine';
import {
  allowedFeedbackEvents,
  decideFeedback,
  feedbackWorkflow,
  feedbackWorkflowDefinition,
  InvalidPersistedFeedback,
  restoreFeedback,
  startFeedback,
  toPersistedFeedback,
} from './feedback.workflow';
import {
  PEOPLE as FEEDBACK_PEOPLE,
  SAMPLE_EVENTS as FEEDBACK_EVENTS,
  TO_ANSWERED,
  drive as driveFeedback,
  expectOk as expectFeedbackOk,
} from './feedback.fixtures';
import { createEventParser, reasonOf } from './payload-fields';
import { DOSSIER_PERMISSIONS } from './permissions';
import { restoreDossier, toPersisted } from './persistence';
import { InvalidPersistedSnapshot, PERMISSION_GUARD, createWorkflow, isPermittedBy, permissionGuard, permittedIn } from './workflow-engine';
import type { Workflow, WorkflowDefinition } from './workflow-engine';
import { permissionGuardStates } from './workflow.fixtures';
import { REJECTION_CODES } from './workflow.types';
import type { PermissionTable, WorkflowActor, WorkflowPermissionRule } from './workflow.types';

describe('one engine, two workflows', () => {
  it('the public dossier functions are the engine’s functions for the dossier machine', () => {
    expect(startDossier).toBe(dossierWorkflow.start);
    expect(decide).toBe(dossierWorkflow.decide);
    expect(allowedEvents).toBe(dossierWorkflow.allowedEvents);
    expect(restoreDossier).toBe(dossierWorkflow.restore);
    expect(toPersisted).toBe(dossierWorkflow.toPersisted);
  });

  it('the public feedback functions are the engine’s functions for the feedback machine', () => {
    expect(startFeedback).toBe(feedbackWorkflow.start);
    expect(decideFeedback).toBe(feedbackWorkflow.decide);
    expect(allowedFeedbackEvents).toBe(feedbackWorkflow.allowedEvents);
    expect(restoreFeedback).toBe(feedbackWorkflow.restore);
    expect(toPersistedFeedback).toBe(feedbackWorkflow.toPersisted);
  });

  it('both workflow objects are built by createWorkflow, once each, from their machine', () => {
    // Loads the library afresh with a spy around createWorkflow: every workflow the public surface
    // offers must come out of it, and the exported functions must be the ones it returned.
    const calls: Array<{ definition: WorkflowDefinition<never>; workflow: Workflow<never> }> = [];
    jest.isolateModules(() => {
      jest.doMock('./workflow-engine', () => {
        const actual = jest.requireActual<typeof import('./workflow-engine')>('./workflow-engine');
        return {
          ...actual,
          createWorkflow: (definition: WorkflowDefinition<never>) => {
            const workflow = actual.createWorkflow(definition);
            calls.push({ definition, workflow });
            return workflow;
          },
        };
      });
      const library = jest.requireActual<typeof import('./index')>('./index');
      expect(calls.map((call) => call.definition.name)).toEqual(['dossier', 'feedback']);
      const [dossier, feedback] = calls;
      expect(dossier!.definition.machine).toBe(library.dossierMachine);
      expect(feedback!.definition.machine).toBe(library.feedbackMachine);
      expect(library.dossierWorkflow).toBe(dossier!.workflow);
      expect(library.feedbackWorkflow).toBe(feedback!.workflow);
      expect([library.startDossier, library.decide, library.allowedEvents, library.restoreDossier, library.toPersisted]).toEqual(
        [dossier!.workflow.start, dossier!.workflow.decide, dossier!.workflow.allowedEvents, dossier!.workflow.restore, dossier!.workflow.toPersisted],
      );
      expect(library.decide).toBe(dossier!.workflow.decide);
      expect(library.decideFeedback).toBe(feedback!.workflow.decide);
      expect(library.allowedFeedbackEvents).toBe(feedback!.workflow.allowedEvents);
      expect(library.startFeedback).toBe(feedback!.workflow.start);
    });
    jest.dontMock('./workflow-engine');
  });

  it('each workflow object offers the same frozen set of functions', () => {
    const shape = (workflow: object) => Object.keys(workflow).sort();
    expect(shape(dossierWorkflow)).toEqual(['allowedEvents', 'decide', 'machine', 'name', 'restore', 'start', 'toPersisted', 'version']);
    expect(shape(feedbackWorkflow)).toEqual(shape(dossierWorkflow));
    expect(Object.isFrozen(dossierWorkflow) && Object.isFrozen(feedbackWorkflow)).toBe(true);
    expect([dossierWorkflow.name, dossierWorkflow.version, feedbackWorkflow.name, feedbackWorkflow.version]).toEqual(['dossier', 1, 'feedback', 1]);
  });

  it.each<[string, number, AnyStateMachine]>([
    ['dossier', 21, dossierMachine],
    ['feedback', 20, feedbackMachine],
  ])('the %s machine carries the permission guard, for its own state, on each of its %i event transitions', (_name, count, machine) => {
    const transitions = permissionGuardStates(machine);
    expect(transitions).toHaveLength(count);
    for (const { state, eventType, guardedFor } of transitions) expect([state, eventType, guardedFor]).toEqual([state, eventType, [state]]);
  });

  it('restore errors of both workflows share one base class', () => {
    const dossier = { ...driveDossier('online', []), value: 'lost' } as never;
    const feedback = { ...driveFeedback([]), value: 'lost' } as never;
    expect(() => restoreDossier(dossier)).toThrow(InvalidPersistedDossier);
    expect(() => restoreFeedback(feedback)).toThrow(InvalidPersistedFeedback);
    expect(() => restoreDossier(dossier)).toThrow(InvalidPersistedSnapshot);
    expect(() => restoreFeedback(feedback)).toThrow(InvalidPersistedSnapshot);
  });
});

describe('the same result shapes, told apart the same way, for both machines', () => {
  const keys = (value: object) => Object.keys(value).sort();
  const dossierSubmitted = driveDossier('online', []);
  const feedbackReceived = driveFeedback([]);
  const P = DOSSIER_PEOPLE;
  const F = FEEDBACK_PEOPLE;

  const cases = {
    ok: [decide(dossierSubmitted, DOSSIER_EVENTS.ACCEPT, P.clerk), decideFeedback(feedbackReceived, FEEDBACK_EVENTS.CLASSIFY, F.clerk)],
    INVALID_TRANSITION: [
      decide(dossierSubmitted, DOSSIER_EVENTS.FORWARD, P.specialistKH),
      decideFeedback(feedbackReceived, FEEDBACK_EVENTS.ANSWER, F.specialistKH),
    ],
    FORBIDDEN: [decide(dossierSubmitted, DOSSIER_EVENTS.ACCEPT, P.leaderBGD), decideFeedback(feedbackReceived, FEEDBACK_EVENTS.CLASSIFY, F.leaderBGD)],
    INVALID_EVENT: [
      decide(dossierSubmitted, { type: 'REJECT' } as never, P.clerk),
      decideFeedback(feedbackReceived, { type: 'REJECT' } as never, F.clerk),
    ],
    UNKNOWN_MACHINE_VERSION: [
      decide({ ...dossierSubmitted, machineVersion: 9 }, DOSSIER_EVENTS.ACCEPT, P.clerk),
      decideFeedback({ ...feedbackReceived, machineVersion: 9 }, FEEDBACK_EVENTS.CLASSIFY, F.clerk),
    ],
  };

  it('accepted events: the same fields (the dossier adds its step indices)', () => {
    const dossier = expectDossierOk(cases.ok[0] as DecisionResult);
    const feedback = expectFeedbackOk(cases.ok[1] as FeedbackDecisionResult);
    expect(keys(dossier)).toEqual([...keys(feedback), 'stepFrom', 'stepTo'].sort());
    expect(keys(dossier.snapshot)).toEqual(keys(feedback.snapshot));
  });

  it.each(REJECTION_CODES)('%s: the same rejection', (code) => {
    const [dossier, feedback] = cases[code];
    expect(dossier).toMatchObject({ ok: false, code });
    expect(feedback).toMatchObject({ ok: false, code });
    expect(keys(dossier!)).toEqual(['allowedEvents', 'code', 'eventType', 'message', 'ok', 'state']);
    expect(keys(feedback!)).toEqual(keys(dossier!));
  });
});

describe('the permission table given to the engine is the one enforced', () => {
  const onlyLeadersAccept: PermissionTable<DossierEventType, never, never, never> = {
    ...(DOSSIER_PERMISSIONS as PermissionTable<DossierEventType, never, never, never>),
    ACCEPT: [{ roles: ['leader'], scope: 'any' } as never],
  };
  const variant = createWorkflow<DossierWorkflowTypes>({ ...dossierWorkflowDefinition, permissions: onlyLeadersAccept as never });
  const submitted = driveDossier('online', []);

  it('admits whom the table admits, refuses whom it refuses', () => {
    expect(variant.decide(submitted, DOSSIER_EVENTS.ACCEPT, DOSSIER_PEOPLE.leaderBGD).ok).toBe(true);
    expect(variant.decide(submitted, DOSSIER_EVENTS.ACCEPT, DOSSIER_PEOPLE.clerk)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(variant.allowedEvents(submitted, DOSSIER_PEOPLE.leaderBGD)).toEqual(['ACCEPT']);
  });

  it('leaves the bare machine and the real workflow alone', () => {
    expect(decide(submitted, DOSSIER_EVENTS.ACCEPT, DOSSIER_PEOPLE.clerk).ok).toBe(true);
    expect(variant.machine).not.toBe(dossierMachine);
    expect(dossierWorkflow.machine).not.toBe(dossierMachine);
  });

  it('an event nobody may send is FORBIDDEN where it can happen, INVALID_TRANSITION where it cannot', () => {
    const nobodyAccepts = createWorkflow<DossierWorkflowTypes>({
      ...dossierWorkflowDefinition,
      permissions: { ...DOSSIER_PERMISSIONS, ACCEPT: [] },
    });
    expect(nobodyAccepts.decide(submitted, DOSSIER_EVENTS.ACCEPT, DOSSIER_PEOPLE.clerk)).toMatchObject({ code: 'FORBIDDEN' });
    expect(nobodyAccepts.decide(driveDossier('direct', []), DOSSIER_EVENTS.ACCEPT, DOSSIER_PEOPLE.clerk)).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });
});

describe('definition checks', () => {
  it.each<[string, Partial<WorkflowDefinition<DossierWorkflowTypes>>, RegExp]>([
    ['a version below 1', { version: 0 }, /version must be a positive integer, not 0/],
    ['a fractional version', { version: 1.5 }, /version must be a positive integer/],
    ['a missing state', { states: ['submitted', 'received'] }, /states must list exactly the machine’s states/],
    ['a duplicated state', { states: [...dossierWorkflowDefinition.states.slice(1), 'received'] }, /states must list exactly/],
    ['an event without rules', { permissions: { ...DOSSIER_PERMISSIONS, ACCEPT: undefined } as never }, /permission table must have rules for exactly the event types/],
    ['rules for an unknown event', { permissions: { ...DOSSIER_PERMISSIONS, ARCHIVE: [] } as never }, /permission table must have rules for exactly/],
    ['a missing probe event', { probeEvents: { ...dossierWorkflowDefinition.probeEvents, FORWARD: undefined } as never }, /no probe event of type FORWARD/],
  ])('refuses %s', (_label, override, message) => {
    const definition = { ...dossierWorkflowDefinition, ...override };
    if ('permissions' in override) definition.permissions = JSON.parse(JSON.stringify(definition.permissions)) as never;
    expect(() => createWorkflow(definition)).toThrow(message);
    expect(() => createWorkflow(definition)).toThrow(/^Invalid workflow definition "dossier": /);
  });
});

describe('isPermittedBy and permissionGuard', () => {
  type Rule = WorkflowPermissionRule<'open' | 'shut', string, 'any' | 'owner'>;
  const owner = jest.fn((_rule: Rule, actor: WorkflowActor, _state: string, context: { owner: string }) => actor.userId === context.owner);
  const scopes = { owner };
  const alice: WorkflowActor = { userId: 'alice', roles: ['clerk'], departmentCode: null };
  const bob: WorkflowActor = { userId: 'bob', roles: ['leader'], departmentCode: 'BGD' };

  it.each<[string, Rule[], WorkflowActor, 'open' | 'shut', boolean]>([
    ['a role rule admits a holder of the role', [{ roles: ['clerk'], scope: 'any' }], alice, 'open', true],
    ['a role rule refuses others', [{ roles: ['clerk'], scope: 'any' }], bob, 'open', false],
    ['a state-limited rule applies in its states', [{ roles: ['clerk'], scope: 'any', states: ['open'] }], alice, 'open', true],
    ['a state-limited rule does not apply elsewhere', [{ roles: ['clerk'], scope: 'any', states: ['open'] }], alice, 'shut', false],
    ['a workflow scope decides for itself', [{ roles: [], scope: 'owner' }], bob, 'shut', true],
    ['any admitting rule suffices', [{ roles: ['clerk'], scope: 'any' }, { roles: [], scope: 'owner' }], bob, 'open', true],
    ['no rules admit nobody', [], alice, 'open', false],
  ])('%s', (_label, rules, actor, state, expected) => {
    expect(isPermittedBy(rules, actor, state, { owner: 'bob' }, scopes)).toBe(expected);
  });

  it('passes the rule, actor, state and context to the scope check', () => {
    owner.mockClear();
    const rule: Rule = { roles: ['x'], scope: 'owner' };
    isPermittedBy([rule], alice, 'open', { owner: 'bob' }, scopes);
    expect(owner).toHaveBeenCalledWith(rule, alice, 'open', { owner: 'bob' });
  });

  it('permissionGuard reads the event’s type, the event’s actor and the guard’s state', () => {
    const guard = permissionGuard<'OPEN', 'open' | 'shut', { owner: string }, WorkflowActor, 'any' | 'owner'>(
      { OPEN: [{ roles: [], scope: 'owner', states: ['shut'] }] },
      scopes,
    );
    expect(guard({ context: { owner: 'bob' }, event: { type: 'OPEN', actor: bob } }, { state: 'shut' })).toBe(true);
    expect(guard({ context: { owner: 'bob' }, event: { type: 'OPEN', actor: bob } }, { state: 'open' })).toBe(false);
    expect(guard({ context: { owner: 'bob' }, event: { type: 'OPEN', actor: alice } }, { state: 'shut' })).toBe(false);
    expect(permittedIn('shut')).toEqual({ type: PERMISSION_GUARD, params: { state: 'shut' } });
  });
});

/**
 * A third machine, unrelated to the domain: a door that its keyholder unlocks, a clerk or the
 * keyholder locks, and a leader demolishes (only when locked). It exercises the engine's
 * defaults (no `describe`) and workflow-specific decision details.
 */
describe('a toy workflow through the same engine', () => {
  type DoorState = 'locked' | 'open' | 'gone';
  type DoorEvent = { type: 'UNLOCK' } | { type: 'LOCK' } | { type: 'DEMOLISH'; reason: string };
  type DoorScope = 'any' | 'keyholder';
  interface DoorContext { keyholder: string; unlocks: number }
  type DoorEffect = { type: 'door.unlocked'; count: number } | { type: 'door.gone'; reason: string };
  type DoorMachineEvent = DoorEvent & { actor: WorkflowActor };

  const DOOR_PERMISSIONS: PermissionTable<DoorEvent['type'], DoorState, string, DoorScope> = {
    UNLOCK: [{ roles: [], scope: 'keyholder' }],
    LOCK: [{ roles: ['clerk'], scope: 'any' }, { roles: [], scope: 'keyholder' }],
    DEMOLISH: [{ roles: ['leader'], scope: 'any', states: ['locked'] }],
  };
  const DOOR_SCOPES = { keyholder: (_rule: unknown, actor: WorkflowActor, _state: DoorState, context: DoorContext) => actor.userId === context.keyholder };

  const doorMachine = setup({
    types: { context: {} as DoorContext, events: {} as DoorMachineEvent, input: {} as { keyholder: string }, emitted: {} as DoorEffect },
    guards: { actorPermitted: permissionGuard(DOOR_PERMISSIONS, DOOR_SCOPES) },
    actions: {
      countUnlock: enqueueActions(({ context, enqueue }) => {
        enqueue.assign({ unlocks: context.unlocks + 1 });
        enqueue.emit({ type: 'door.unlocked', count: context.unlocks + 1 });
      }),
      announceGone: emit(({ event }) => ({ type: 'door.gone' as const, reason: event.type === 'DEMOLISH' ? event.reason : '' })),
    },
  }).createMachine({
    context: ({ input }) => ({ keyholder: input.keyholder, unlocks: 0 }),
    initial: 'locked',
    states: {
      locked: {
        on: {
          UNLOCK: { guard: permittedIn('locked'), target: 'open', actions: 'countUnlock' },
          DEMOLISH: { guard: permittedIn('locked'), target: 'gone', actions: 'announceGone' },
        },
      },
      open: {
        on: {
          LOCK: { guard: permittedIn('open'), target: 'locked' },
          DEMOLISH: { guard: permittedIn('open'), target: 'gone', actions: 'announceGone' },
        },
      },
      gone: { type: 'final' },
    },
  });

  class InvalidPersistedDoor extends InvalidPersistedSnapshot {
    override readonly name = 'InvalidPersistedDoor';
  }

  interface DoorTypes {
    machine: typeof doorMachine;
    state: DoorState;
    context: DoorContext;
    event: DoorEvent;
    effect: DoorEffect;
    actor: WorkflowActor;
    input: { keyholder: string };
    scope: DoorScope;
    details: { unlocksBefore: number; unlocksAfter: number };
  }

  const door = createWorkflow<DoorTypes>({
    name: 'door',
    machine: doorMachine,
    version: 3,
    states: ['locked', 'open', 'gone'],
    eventTypes: ['UNLOCK', 'LOCK', 'DEMOLISH'],
    probeEvents: { UNLOCK: { type: 'UNLOCK' }, LOCK: { type: 'LOCK' }, DEMOLISH: { type: 'DEMOLISH', reason: 'probe' } },
    permissions: DOOR_PERMISSIONS,
    scopes: DOOR_SCOPES,
    parseEvent: createEventParser<DoorEvent>(['UNLOCK', 'LOCK', 'DEMOLISH'], (type, raw, problems) =>
      type === 'DEMOLISH' ? { type, reason: reasonOf(raw, problems) } : { type },
    ),
    prepareInput: (input) => ({ keyholder: input.keyholder }),
    decisionDetails: (from, to) => ({ unlocksBefore: from.context.unlocks, unlocksAfter: to.context.unlocks }),
    invalidPersisted: InvalidPersistedDoor,
  });

  const keyholder: WorkflowActor = { userId: 'kim', roles: [], departmentCode: null };
  const clerk: WorkflowActor = { userId: 'clerk', roles: ['clerk'], departmentCode: 'BPMC' };
  const leader: WorkflowActor = { userId: 'lan', roles: ['leader'], departmentCode: 'BGD' };
  const locked = door.start({ keyholder: 'kim' });

  it('starts, with the details and no effects', () => {
    expect(locked).toEqual({
      ok: true,
      from: 'locked',
      to: 'locked',
      unlocksBefore: 0,
      unlocksAfter: 0,
      snapshot: { machineVersion: 3, value: 'locked', context: { keyholder: 'kim', unlocks: 0 }, status: 'active' },
      effects: [],
      done: false,
    });
  });

  it('decides, with the details and the effects', () => {
    const opened = door.decide(locked.snapshot, { type: 'UNLOCK' }, keyholder);
    expect(opened).toMatchObject({ ok: true, from: 'locked', to: 'open', unlocksBefore: 0, unlocksAfter: 1, effects: [{ type: 'door.unlocked', count: 1 }] });
  });

  it('tells the rejections apart, with the default description of where the record is', () => {
    const open = door.decide(locked.snapshot, { type: 'UNLOCK' }, keyholder);
    if (!open.ok) throw new Error('unlock refused');
    expect(door.decide(locked.snapshot, { type: 'LOCK' }, clerk)).toMatchObject({ code: 'INVALID_TRANSITION', message: 'LOCK cannot happen in state locked' });
    expect(door.decide(locked.snapshot, { type: 'UNLOCK' }, clerk)).toMatchObject({ code: 'FORBIDDEN', message: 'user clerk may not send UNLOCK in state locked' });
    // DEMOLISH can happen when open, but the only rule is limited to `locked`: FORBIDDEN for the leader there.
    expect(door.decide(open.snapshot, { type: 'DEMOLISH', reason: 'cũ' }, leader)).toMatchObject({ code: 'FORBIDDEN', allowedEvents: [] });
    expect(door.decide(locked.snapshot, { type: 'DEMOLISH' } as never, leader)).toMatchObject({ code: 'INVALID_EVENT', allowedEvents: ['DEMOLISH'] });
    expect(door.decide({ ...locked.snapshot, machineVersion: 1 }, { type: 'UNLOCK' }, keyholder)).toMatchObject({
      code: 'UNKNOWN_MACHINE_VERSION',
      message: 'door was stored by machine version 1; this code runs version 3',
    });
  });

  it('ends in a final state, done, with effects from the last transition', () => {
    const gone = door.decide(locked.snapshot, { type: 'DEMOLISH', reason: 'Xây mới' }, leader);
    expect(gone).toMatchObject({ ok: true, to: 'gone', done: true, snapshot: { status: 'done' }, effects: [{ type: 'door.gone', reason: 'Xây mới' }] });
    if (gone.ok) expect(door.allowedEvents(gone.snapshot, leader)).toEqual([]);
  });

  it('lists allowed events per actor, in eventTypes order', () => {
    expect(door.allowedEvents(locked.snapshot, keyholder)).toEqual(['UNLOCK']);
    expect(door.allowedEvents(locked.snapshot, leader)).toEqual(['DEMOLISH']);
    expect(door.allowedEvents({ ...locked.snapshot, machineVersion: 2 }, keyholder)).toEqual([]);
  });

  it('restores and persists, throwing its own error class', () => {
    expect(door.toPersisted(door.restore(locked.snapshot))).toEqual(locked.snapshot);
    expect(() => door.restore({ ...locked.snapshot, value: 'ajar' as DoorState })).toThrow(InvalidPersistedDoor);
    expect(() => door.restore({ ...locked.snapshot, machineVersion: 2 })).toThrow('Stored door has machine version 2, not 3');
  });
});

describe('dossier and feedback side by side, through the engine objects directly', () => {
  it('run independently: a dossier snapshot is not a feedback snapshot', () => {
    const feedback = driveFeedback(TO_ANSWERED);
    expect(() => dossierWorkflow.restore(feedback as never)).toThrow(/Stored dossier is in unknown state "answered"/);
    const dossier = driveDossier('online', []);
    expect(() => feedbackWorkflow.restore(dossier as never)).toThrow(/Stored feedback is in unknown state "submitted"/);
  });
});
