/** The effects each feedback transition hands to the adapters, and the deadline-phase bookkeeping behind them. */
import { FEEDBACK_PHASE_COMPLETED_BY } from './feedback-deadlines';
import type { FeedbackEffect, FeedbackPhase, FeedbackState, PersistedFeedback } from './feedback.types';
import { decideFeedback, startFeedback } from './feedback.workflow';
import {
  PAUSED_AT_INTAKE,
  PAUSED_CLASSIFIED,
  PAUSED_IN_HANDLING,
  PEOPLE,
  SAMPLE_EVENTS,
  TO_ANSWERED,
  TO_CLASSIFIED,
  TO_HANDLING,
  TO_PUBLISHED,
  drive,
  expectOk,
} from './feedback.fixtures';
import type { Move } from './feedback.fixtures';

const P = PEOPLE;
const S = SAMPLE_EVENTS;

function effectsOf(persisted: PersistedFeedback, [type, who]: Move): FeedbackEffect[] {
  return expectOk(decideFeedback(persisted, S[type], who)).effects;
}

const started = (phase: FeedbackPhase): FeedbackEffect => ({ type: 'deadline.started', phase });
const paused = (phase: FeedbackPhase): FeedbackEffect => ({ type: 'deadline.paused', phase });
const resumed = (phase: FeedbackPhase): FeedbackEffect => ({ type: 'deadline.resumed', phase });
const completed = (phase: FeedbackPhase): FeedbackEffect => ({ type: 'deadline.ended', phase, completed: true });
const lapsed = (phase: FeedbackPhase): FeedbackEffect => ({ type: 'deadline.ended', phase, completed: false });

describe('receipt', () => {
  it('starts the reject, supplement and handle clocks', () => {
    const decision = startFeedback({ source: 'portal' });
    expect(decision).toMatchObject({ ok: true, from: 'received', to: 'received', done: false });
    expect(decision.effects).toEqual([
      { type: 'feedback.received', source: 'portal', dossierCode: null },
      started('reject'),
      started('supplement'),
      started('handle'),
    ]);
    expect(decision.snapshot.context).toEqual({
      source: 'portal',
      dossierCode: null,
      category: null,
      departmentCode: null,
      openPhases: ['reject', 'supplement', 'handle'],
      resumeTo: null,
      supplementRequests: 0,
      verdict: null,
    });
  });

  it('reports the linked dossier (the complaint part of indicator 5.4)', () => {
    const fromDossier = startFeedback({ source: 'dossier', dossierCode: 'SKHCN-250303-0042' });
    expect(fromDossier.effects[0]).toEqual({ type: 'feedback.received', source: 'dossier', dossierCode: 'SKHCN-250303-0042' });
    const atCounter = startFeedback({ source: 'counter', dossierCode: 'SKHCN-250303-0042' });
    expect(atCounter.snapshot.context).toMatchObject({ source: 'counter', dossierCode: 'SKHCN-250303-0042' });
  });
});

describe('effects of each transition', () => {
  it('CLASSIFY records category and department, clocks untouched', () => {
    const decision = expectOk(decideFeedback(drive([]), { type: 'CLASSIFY', category: 'conduct', departmentCode: 'PQLCN' }, P.clerk));
    expect(decision.effects).toEqual([{ type: 'feedback.classified', category: 'conduct', departmentCode: 'PQLCN' }]);
    expect(decision.snapshot.context).toMatchObject({ category: 'conduct', departmentCode: 'PQLCN', openPhases: ['reject', 'supplement', 'handle'] });
  });

  it('CLASSIFY again reassigns before handling starts, and the new department takes over', () => {
    const reassigned = expectOk(decideFeedback(drive(TO_CLASSIFIED), { type: 'CLASSIFY', category: 'conduct', departmentCode: 'PQLCN' }, P.clerk));
    expect(reassigned).toMatchObject({ from: 'classified', to: 'classified' });
    expect(reassigned.effects).toEqual([{ type: 'feedback.classified', category: 'conduct', departmentCode: 'PQLCN' }]);
    expect(decideFeedback(reassigned.snapshot, S.START_HANDLING, P.specialistKH).ok).toBe(false);
    expectOk(decideFeedback(reassigned.snapshot, S.START_HANDLING, P.specialistCN));
  });

  it('START_HANDLING: the chance to reject has lapsed', () => {
    const decision = expectOk(decideFeedback(drive(TO_CLASSIFIED), S.START_HANDLING, P.specialistKH));
    expect(decision.effects).toEqual([lapsed('reject')]);
    expect(decision.snapshot.context.openPhases).toEqual(['supplement', 'handle']);
  });

  it('REJECT completes the reject phase; the others lapse; then the end', () => {
    for (const from of [drive([]), drive(TO_CLASSIFIED)]) {
      expect(effectsOf(from, ['REJECT', P.clerk])).toEqual([
        completed('reject'),
        lapsed('supplement'),
        lapsed('handle'),
        { type: 'feedback.ended', state: 'rejected', reason: S.REJECT.reason },
      ]);
    }
  });

  it('ANSWER completes handling, lets the supplement phase lapse, starts the publish clock', () => {
    const decision = expectOk(decideFeedback(drive(TO_HANDLING), S.ANSWER, P.specialistKH));
    expect(decision.effects).toEqual([
      { type: 'feedback.answered', answer: S.ANSWER.answer },
      lapsed('supplement'),
      completed('handle'),
      started('publish'),
    ]);
    expect(decision.snapshot.context.openPhases).toEqual(['publish']);
  });

  it('PUBLISH completes the publish phase', () => {
    const decision = expectOk(decideFeedback(drive(TO_ANSWERED), S.PUBLISH, P.leaderBGD));
    expect(decision.effects).toEqual([{ type: 'feedback.published' }, completed('publish')]);
    expect(decision).toMatchObject({ to: 'published', done: false });
    expect(decision.snapshot.context.openPhases).toEqual([]);
  });

  it('RATE records the verdict, in answered and in published', () => {
    for (const [from, state] of [[drive(TO_ANSWERED), 'answered'], [drive(TO_PUBLISHED), 'published']] as const) {
      const decision = expectOk(decideFeedback(from, { type: 'RATE', verdict: 'recomplained' }, P.citizen));
      expect(decision.effects).toEqual([{ type: 'feedback.rated', verdict: 'recomplained' }]);
      expect(decision).toMatchObject({ from: state, to: state, done: false });
      expect(decision.snapshot.context.verdict).toBe('recomplained');
      expect(decision.snapshot.context.openPhases).toEqual(from.context.openPhases);
    }
  });

  it('a rating before publication survives it', () => {
    const persisted = drive([...TO_ANSWERED, ['RATE', P.citizen], ['PUBLISH', P.leaderBGD]]);
    expect(persisted).toMatchObject({ value: 'published', context: { verdict: 'dissatisfied' } });
  });
});

describe('supplements and the clocks', () => {
  it('at intake: the supplement phase is completed, the other clocks pause, and resume on the supplement', () => {
    const requested = expectOk(decideFeedback(drive([]), S.REQUEST_SUPPLEMENT, P.clerk));
    expect(requested.effects).toEqual([
      { type: 'feedback.supplement_requested', reason: S.REQUEST_SUPPLEMENT.reason },
      completed('supplement'),
      paused('reject'),
      paused('handle'),
    ]);
    expect(requested.snapshot.context).toMatchObject({ resumeTo: 'received', supplementRequests: 1, openPhases: ['reject', 'handle'] });

    const supplied = expectOk(decideFeedback(requested.snapshot, S.SUPPLEMENT_RECEIVED, P.citizen));
    expect(supplied.effects).toEqual([resumed('reject'), resumed('handle')]);
    expect(supplied).toMatchObject({ from: 'awaiting_supplement', to: 'received' });
    expect(supplied.snapshot.context).toMatchObject({ resumeTo: null, supplementRequests: 1, openPhases: ['reject', 'handle'] });
  });

  it('once classified: back to classified, department kept', () => {
    const supplied = expectOk(decideFeedback(drive(PAUSED_CLASSIFIED), S.SUPPLEMENT_RECEIVED, P.clerk));
    expect(supplied).toMatchObject({ to: 'classified', snapshot: { context: { departmentCode: 'PQLKH', resumeTo: null } } });
  });

  it('while handling: only the handle clock pauses and resumes', () => {
    const requested = expectOk(decideFeedback(drive(TO_HANDLING), S.REQUEST_SUPPLEMENT, P.specialistKH));
    expect(requested.effects).toEqual([
      { type: 'feedback.supplement_requested', reason: S.REQUEST_SUPPLEMENT.reason },
      completed('supplement'),
      paused('handle'),
    ]);
    const supplied = expectOk(decideFeedback(requested.snapshot, S.SUPPLEMENT_RECEIVED, P.specialistKH));
    expect(supplied.effects).toEqual([resumed('handle')]);
    expect(supplied).toMatchObject({ to: 'in_handling' });
  });

  it('a second request is counted but completes nothing (the supplement phase is over)', () => {
    const persisted = drive([...PAUSED_AT_INTAKE, ['SUPPLEMENT_RECEIVED', P.clerk], ...TO_HANDLING]);
    const again = expectOk(decideFeedback(persisted, S.REQUEST_SUPPLEMENT, P.specialistKH));
    expect(again.effects).toEqual([{ type: 'feedback.supplement_requested', reason: S.REQUEST_SUPPLEMENT.reason }, paused('handle')]);
    expect(again.snapshot.context.supplementRequests).toBe(2);
  });

  it('ANSWER after a supplement request has only the handle phase left to complete', () => {
    const persisted = drive([...PAUSED_IN_HANDLING, ['SUPPLEMENT_RECEIVED', P.citizen]]);
    expect(effectsOf(persisted, ['ANSWER', P.specialistKH])).toEqual([
      { type: 'feedback.answered', answer: S.ANSWER.answer },
      completed('handle'),
      started('publish'),
    ]);
  });

  it('closing while a supplement is awaited ends the paused clocks', () => {
    expect(effectsOf(drive(PAUSED_AT_INTAKE), ['CLOSE', P.clerk])).toEqual([
      lapsed('reject'),
      lapsed('handle'),
      { type: 'feedback.ended', state: 'closed', reason: S.CLOSE.reason },
    ]);
  });
});

describe('feedback.ended on every way into an end state', () => {
  interface Route { label: string; from: () => PersistedFeedback; move: Move; state: FeedbackState; phases: FeedbackPhase[] }
  const routes: Route[] = [
    { label: 'REJECT at receipt', from: () => drive([]), move: ['REJECT', P.clerk], state: 'rejected', phases: ['reject', 'supplement', 'handle'] },
    { label: 'REJECT once classified', from: () => drive(TO_CLASSIFIED), move: ['REJECT', P.clerk], state: 'rejected', phases: ['reject', 'supplement', 'handle'] },
    { label: 'CLOSE at receipt', from: () => drive([]), move: ['CLOSE', P.clerk], state: 'closed', phases: ['reject', 'supplement', 'handle'] },
    { label: 'CLOSE once classified', from: () => drive(TO_CLASSIFIED), move: ['CLOSE', P.clerk], state: 'closed', phases: ['reject', 'supplement', 'handle'] },
    { label: 'CLOSE while handling', from: () => drive(TO_HANDLING), move: ['CLOSE', P.leaderKH], state: 'closed', phases: ['supplement', 'handle'] },
    { label: 'CLOSE during an intake pause', from: () => drive(PAUSED_AT_INTAKE), move: ['CLOSE', P.clerk], state: 'closed', phases: ['reject', 'handle'] },
    { label: 'CLOSE during a pause in handling', from: () => drive(PAUSED_IN_HANDLING), move: ['CLOSE', P.clerk], state: 'closed', phases: ['handle'] },
    { label: 'CLOSE after the answer, not published', from: () => drive(TO_ANSWERED), move: ['CLOSE', P.leaderBGD], state: 'closed', phases: ['publish'] },
  ];

  it.each(routes)('$label → $state', ({ from, move, state, phases }) => {
    const decision = expectOk(decideFeedback(from(), S[move[0]], move[1]));
    const reason = move[0] === 'REJECT' ? S.REJECT.reason : S.CLOSE.reason;
    expect(decision).toMatchObject({ to: state, done: true, snapshot: { status: 'done', context: { openPhases: [], resumeTo: null } } });
    expect(decision.effects).toEqual([
      ...phases.map((phase) => ({ type: 'deadline.ended', phase, completed: FEEDBACK_PHASE_COMPLETED_BY[phase] === move[0] })),
      { type: 'feedback.ended', state, reason },
    ]);
  });
});

describe('a whole life', () => {
  it('every clock started is ended exactly once, and each completing event completes its own phase', () => {
    const moves: Move[] = [
      ['REQUEST_SUPPLEMENT', P.clerk],
      ['SUPPLEMENT_RECEIVED', P.citizen],
      ['CLASSIFY', P.clerk],
      ['START_HANDLING', P.specialistKH],
      ['REQUEST_SUPPLEMENT', P.specialistKH],
      ['SUPPLEMENT_RECEIVED', P.specialistKH],
      ['ANSWER', P.specialistKH],
      ['RATE', P.citizen],
      ['PUBLISH', P.leaderBGD],
    ];
    let persisted = startFeedback({ source: 'counter' }).snapshot;
    const effects = [...startFeedback({ source: 'counter' }).effects];
    for (const [type, who] of moves) {
      const decision = expectOk(decideFeedback(persisted, S[type], who));
      effects.push(...decision.effects);
      persisted = decision.snapshot;
    }
    const clockEffects = effects.filter((e): e is Extract<FeedbackEffect, { phase: FeedbackPhase }> => e.type.startsWith('deadline.'));
    const phasesOf = (type: string) => clockEffects.filter((e) => e.type === type).map((e) => e.phase);
    expect(phasesOf('deadline.started').sort()).toEqual(['handle', 'publish', 'reject', 'supplement']);
    expect(phasesOf('deadline.ended').sort()).toEqual(['handle', 'publish', 'reject', 'supplement']);
    expect(clockEffects.filter((e) => e.type === 'deadline.ended')).toEqual([
      completed('supplement'),
      lapsed('reject'),
      completed('handle'),
      completed('publish'),
    ]);
    expect(persisted).toMatchObject({ value: 'published', status: 'active', context: { openPhases: [], supplementRequests: 2, verdict: 'dissatisfied' } });
  });
});
