/** The effects each transition hands to the adapters, and the context bookkeeping behind them. */
import { decide, startDossier } from './decide';
import { END_STATES } from './dossier.types';
import type { DossierEffect, DossierState, PersistedDossier } from './dossier.types';
import { PEOPLE, SAMPLE_EVENTS, STEPS, TO_PROCESSING_0, TO_PROCESSING_1, TO_PROCESSING_2, drive, expectOk } from './dossier.fixtures';
import type { Move } from './dossier.fixtures';

const P = PEOPLE;
const S = SAMPLE_EVENTS;

function effectsOf(persisted: PersistedDossier, [type, who]: Move): DossierEffect[] {
  return expectOk(decide(persisted, S[type], who)).effects;
}

describe('effects of each transition', () => {
  it('ACCEPT starts the clock', () => {
    expect(effectsOf(drive('online', []), ['ACCEPT', P.clerk])).toEqual([{ type: 'dossier.received' }]);
  });

  it('REJECT reports the rejection, then the end', () => {
    expect(effectsOf(drive('online', []), ['REJECT', P.clerk])).toEqual([
      { type: 'dossier.rejected', reason: S.REJECT.reason },
      { type: 'dossier.ended', state: 'rejected', reason: S.REJECT.reason },
    ]);
  });

  it('COMPLETE_DIGITISATION enters the first step', () => {
    expect(effectsOf(drive('direct', []), ['COMPLETE_DIGITISATION', P.clerk])).toEqual([
      { type: 'step.entered', stepIndex: 0, step: STEPS[0] },
    ]);
  });

  it('FORWARD enters the next step, SEND_BACK the previous one', () => {
    expect(effectsOf(drive('direct', TO_PROCESSING_0), ['FORWARD', P.specialistKH])).toEqual([
      { type: 'step.entered', stepIndex: 1, step: STEPS[1] },
    ]);
    expect(effectsOf(drive('direct', TO_PROCESSING_1), ['FORWARD', P.specialistCN])).toEqual([
      { type: 'step.entered', stepIndex: 2, step: STEPS[2] },
    ]);
    expect(effectsOf(drive('direct', TO_PROCESSING_2), ['SEND_BACK', P.leaderBGD])).toEqual([
      { type: 'step.entered', stepIndex: 1, step: STEPS[1] },
    ]);
    expect(effectsOf(drive('direct', TO_PROCESSING_1), ['SEND_BACK', P.specialistCN])).toEqual([
      { type: 'step.entered', stepIndex: 0, step: STEPS[0] },
    ]);
  });

  it('ISSUE_RESULT then RETURN_RESULT: result issued, returned, ended without a reason', () => {
    const atLast = drive('direct', TO_PROCESSING_2);
    expect(effectsOf(atLast, ['ISSUE_RESULT', P.leaderBGD])).toEqual([{ type: 'result.issued' }]);
    const issued = drive('direct', [...TO_PROCESSING_2, ['ISSUE_RESULT', P.leaderBGD]]);
    const effects = effectsOf(issued, ['RETURN_RESULT', P.clerk]);
    expect(effects).toEqual([
      { type: 'result.returned', method: 'post' },
      { type: 'dossier.ended', state: 'returned' },
    ]);
    expect(effects[1]).not.toHaveProperty('reason'); // no `reason: undefined` key in the stored JSON
  });

  it('APOLOGISE records the apology and the new appointment, and stays put', () => {
    const decision = expectOk(decide(drive('direct', TO_PROCESSING_1), S.APOLOGISE, P.leaderKH));
    expect(decision.effects).toEqual([
      { type: 'apology.recorded', reason: S.APOLOGISE.reason, newAppointment: S.APOLOGISE.newAppointment },
    ]);
    expect(decision).toMatchObject({ from: 'processing', to: 'processing', stepFrom: 1, stepTo: 1 });
    expect(decision.snapshot.context.apologised).toBe(true);
  });
});

describe('supplements and the clock', () => {
  it('at intake: guidance only — no clock pause, not counted', () => {
    const decision = expectOk(decide(drive('online', []), S.REQUEST_SUPPLEMENT, P.clerk));
    expect(decision.effects).toEqual([
      { type: 'supplement.requested', reason: S.REQUEST_SUPPLEMENT.reason, duringIntake: true },
    ]);
    expect(decision.snapshot.context).toMatchObject({ resumeTo: 'submitted', supplementRequests: 0 });

    const resumed = expectOk(decide(decision.snapshot, S.SUPPLEMENT_RECEIVED, P.clerk));
    expect(resumed.effects).toEqual([]); // the clock never ran
    expect(resumed.snapshot.context).toMatchObject({ resumeTo: null, supplementRequests: 0, stepIndex: null });
  });

  it('during processing: pauses the clock and counts; resuming restarts it at the same step, without re-entering it', () => {
    const paused = expectOk(decide(drive('direct', TO_PROCESSING_1), S.REQUEST_SUPPLEMENT, P.specialistCN));
    expect(paused.effects).toEqual([
      { type: 'supplement.requested', reason: S.REQUEST_SUPPLEMENT.reason, duringIntake: false },
      { type: 'clock.paused', reason: S.REQUEST_SUPPLEMENT.reason },
    ]);
    expect(paused.snapshot.context).toMatchObject({ resumeTo: 'processing', supplementRequests: 1, stepIndex: 1 });

    const resumed = expectOk(decide(paused.snapshot, S.SUPPLEMENT_RECEIVED, P.specialistCN));
    expect(resumed.effects).toEqual([{ type: 'clock.resumed' }]);
    expect(resumed).toMatchObject({ from: 'awaiting_supplement', to: 'processing', stepFrom: 1, stepTo: 1 });
    expect(resumed.snapshot.context).toMatchObject({ resumeTo: null, supplementRequests: 1, stepIndex: 1 });
  });

  it('counts only the requests made while the clock runs', () => {
    const persisted = drive('online', [
      ['REQUEST_SUPPLEMENT', P.clerk],
      ['SUPPLEMENT_RECEIVED', P.clerk],
      ['ACCEPT', P.clerk],
      ...TO_PROCESSING_0,
      ['REQUEST_SUPPLEMENT', P.specialistKH],
      ['SUPPLEMENT_RECEIVED', P.clerk],
      ['FORWARD', P.specialistKH],
      ['REQUEST_SUPPLEMENT', P.specialistCN],
      ['SUPPLEMENT_RECEIVED', P.specialistCN],
      ['REQUEST_SUPPLEMENT', P.specialistCN],
    ]);
    expect(persisted.context).toMatchObject({ supplementRequests: 3, stepIndex: 1, resumeTo: 'processing' });
  });

  it('clock.paused comes only from processing', () => {
    const cases: Array<[PersistedDossier, Move]> = [
      [drive('online', []), ['REQUEST_SUPPLEMENT', P.clerk]],
      [drive('direct', TO_PROCESSING_0), ['REQUEST_SUPPLEMENT', P.specialistKH]],
      [drive('direct', TO_PROCESSING_2), ['REQUEST_SUPPLEMENT', P.leaderBGD]],
    ];
    const paused = cases.map(([persisted, move]) => effectsOf(persisted, move).some((e) => e.type === 'clock.paused'));
    expect(paused).toEqual([false, true, true]);
  });

  it('ending a paused dossier emits only the end (the adapter closes the clock on dossier.ended)', () => {
    const paused = drive('direct', [...TO_PROCESSING_1, ['REQUEST_SUPPLEMENT', P.specialistCN]]);
    expect(effectsOf(paused, ['WITHDRAW', P.clerk])).toEqual([
      { type: 'dossier.ended', state: 'withdrawn', reason: S.WITHDRAW.reason },
    ]);
  });
});

describe('dossier.ended on every way into an end state', () => {
  interface Route { label: string; from: PersistedDossier; move: Move; state: DossierState; reason?: string }
  const pausedAtStep0 = () => drive('direct', [...TO_PROCESSING_0, ['REQUEST_SUPPLEMENT', P.specialistKH]]);
  const routes: Route[] = [
    { label: 'REJECT at intake', from: drive('online', []), move: ['REJECT', P.clerk], state: 'rejected', reason: S.REJECT.reason },
    { label: 'WITHDRAW at intake', from: drive('postal', []), move: ['WITHDRAW', P.clerk], state: 'withdrawn', reason: S.WITHDRAW.reason },
    {
      label: 'WITHDRAW during an intake pause',
      from: drive('online', [['REQUEST_SUPPLEMENT', P.clerk]]),
      move: ['WITHDRAW', P.clerk],
      state: 'withdrawn',
      reason: S.WITHDRAW.reason,
    },
    { label: 'WITHDRAW once received', from: drive('direct', []), move: ['WITHDRAW', P.clerk], state: 'withdrawn', reason: S.WITHDRAW.reason },
    { label: 'WITHDRAW in processing', from: drive('direct', TO_PROCESSING_1), move: ['WITHDRAW', P.clerk], state: 'withdrawn', reason: S.WITHDRAW.reason },
    { label: 'REFUSE in processing', from: drive('direct', TO_PROCESSING_2), move: ['REFUSE', P.leaderBGD], state: 'refused', reason: S.REFUSE.reason },
    { label: 'REFUSE while paused', from: pausedAtStep0(), move: ['REFUSE', P.specialistKH], state: 'refused', reason: S.REFUSE.reason },
    { label: 'STOP in processing', from: drive('direct', TO_PROCESSING_0), move: ['STOP', P.leaderKH], state: 'stopped', reason: S.STOP.reason },
    { label: 'STOP while paused', from: pausedAtStep0(), move: ['STOP', P.specialistKH], state: 'stopped', reason: S.STOP.reason },
    {
      label: 'RETURN_RESULT',
      from: drive('direct', [...TO_PROCESSING_2, ['ISSUE_RESULT', P.leaderBGD]]),
      move: ['RETURN_RESULT', P.clerk],
      state: 'returned',
    },
  ];

  it('covers every end state', () => {
    expect(new Set(routes.map((route) => route.state))).toEqual(new Set(END_STATES));
  });

  it.each(routes)('$label → $state', ({ from, move: [type, who], state, reason }) => {
    const decision = expectOk(decide(from, S[type], who));
    const ended = decision.effects.filter((e) => e.type === 'dossier.ended');
    expect(ended).toEqual([reason === undefined ? { type: 'dossier.ended', state } : { type: 'dossier.ended', state, reason }]);
    expect(decision.effects.at(-1)).toEqual(ended[0]); // the end is reported last
    expect(decision).toMatchObject({ to: state, done: true, stepTo: null });
    expect(decision.snapshot.status).toBe('done');
    expect(decision.snapshot.context.resumeTo).toBeNull(); // nothing is awaited once it has ended
  });
});

describe('a complete happy path', () => {
  it('emits the expected effects in order, from an online submission to the returned result', () => {
    const moves: Move[] = [
      ['ACCEPT', P.clerk],
      ['COMPLETE_DIGITISATION', P.clerk],
      ['FORWARD', P.specialistKH],
      ['FORWARD', P.specialistCN],
      ['ISSUE_RESULT', P.leaderBGD],
      ['RETURN_RESULT', P.clerk],
    ];
    let persisted = startDossier({ channel: 'online', steps: STEPS }).snapshot;
    const trail: Array<[DossierState, number | null, string[]]> = [];
    for (const [type, who] of moves) {
      const decision = expectOk(decide(persisted, S[type], who));
      trail.push([decision.to, decision.stepTo, decision.effects.map((e) => e.type)]);
      persisted = decision.snapshot;
    }
    expect(trail).toEqual([
      ['received', null, ['dossier.received']],
      ['processing', 0, ['step.entered']],
      ['processing', 1, ['step.entered']],
      ['processing', 2, ['step.entered']],
      ['result_issued', null, ['result.issued']],
      ['returned', null, ['result.returned', 'dossier.ended']],
    ]);
  });
});
