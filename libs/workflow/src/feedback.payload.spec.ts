/** INVALID_EVENT for malformed feedback payloads, start-input validation, UNKNOWN_MACHINE_VERSION, and the order of the checks. */
import { FEEDBACK_EVENT_FIELDS, InvalidFeedbackInput, MAX_ANSWER_LENGTH, MAX_DEPARTMENT_CODE_LENGTH, MAX_DOSSIER_CODE_LENGTH, parseFeedbackEvent } from './feedback.payload';
import { FEEDBACK_EVENT_TYPES } from './feedback.types';
import type { FeedbackActor, FeedbackEvent, FeedbackEventType, PersistedFeedback, StartFeedbackInput } from './feedback.types';
import { InvalidPersistedFeedback, allowedFeedbackEvents, decideFeedback, restoreFeedback, startFeedback } from './feedback.workflow';
import { InvalidPersistedSnapshot } from './workflow-engine';
import { PEOPLE, SAMPLE_EVENTS, TO_ANSWERED, TO_HANDLING, drive, expectOk, expectRejected } from './feedback.fixtures';

const P = PEOPLE;

/** Sends whatever the outside world might send; decideFeedback must cope with any shape. */
function send(persisted: PersistedFeedback, event: unknown, who: FeedbackActor = P.clerk) {
  return decideFeedback(persisted, event as FeedbackEvent, who);
}

function expectInvalidEvent(persisted: PersistedFeedback, event: unknown, who: FeedbackActor = P.clerk) {
  const rejection = expectRejected(send(persisted, event, who));
  expect(rejection.code).toBe('INVALID_EVENT');
  return rejection;
}

describe('event shape', () => {
  it.each([
    ['null', null, /object/],
    ['a string', 'CLASSIFY', /object/],
    ['no type', {}, /unknown event type undefined/],
    ['a dossier event', { type: 'ACCEPT' }, /unknown event type "ACCEPT"/],
    ['a lower-case type', { type: 'classify', category: 'regulation', departmentCode: 'PQLKH' }, /unknown event type/],
  ])('rejects %s', (_label, event, message) => {
    const rejection = expectInvalidEvent(drive([]), event);
    expect(rejection.message).toMatch(message);
    expect(rejection.allowedEvents).toEqual(['CLASSIFY', 'REJECT', 'REQUEST_SUPPLEMENT', 'CLOSE']);
  });

  it('drops fields outside the contract', () => {
    const decision = expectOk(send(drive([]), { ...SAMPLE_EVENTS.CLASSIFY, answer: 'x', verdict: 'satisfied', priority: 'high' }));
    expect(decision.snapshot.context).toMatchObject({ category: 'regulation', departmentCode: 'PQLKH', verdict: null });
    expect(decision.effects).toEqual([{ type: 'feedback.classified', category: 'regulation', departmentCode: 'PQLKH' }]);
  });
});

describe('reasons (REJECT, REQUEST_SUPPLEMENT, CLOSE)', () => {
  const REASON_EVENTS: FeedbackEventType[] = ['REJECT', 'REQUEST_SUPPLEMENT', 'CLOSE'];
  const bad: Array<[string, unknown]> = [
    ['missing', undefined],
    ['empty', ''],
    ['whitespace only (tabs, newlines, NBSP)', '\t\n\u00a0'],
    ['a number', 42],
    ['null', null],
    ['2001 characters', 'a'.repeat(2001)],
  ];

  it.each(REASON_EVENTS.flatMap((type) => bad.map(([label, reason]) => [type, label, reason] as const)))(
    '%s with a reason that is %s → INVALID_EVENT',
    (type, _label, reason) => {
      const rejection = expectInvalidEvent(drive([]), { ...SAMPLE_EVENTS[type], reason });
      expect(rejection.eventType).toBe(type);
      expect(rejection.message).toMatch(/^[A-Z_]+: reason /);
    },
  );

  it('accepts 2000 astral characters, unchanged', () => {
    const reason = '𠀀'.repeat(2000);
    const decision = expectOk(send(drive([]), { type: 'REJECT', reason }));
    expect(decision.effects).toContainEqual({ type: 'feedback.ended', state: 'rejected', reason });
  });
});

describe('CLASSIFY', () => {
  it.each([
    ['missing', undefined],
    ['unknown', 'procedure'],
    ['upper case', 'REGULATION'],
    ['a number', 1],
  ])('rejects a category that is %s', (_label, category) => {
    expect(expectInvalidEvent(drive([]), { ...SAMPLE_EVENTS.CLASSIFY, category }).message).toMatch(/category must be one of regulation, conduct/);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
    ['with surrounding spaces', ' PQLKH '],
    ['too long', 'D'.repeat(MAX_DEPARTMENT_CODE_LENGTH + 1)],
    ['a number', 12],
  ])('rejects a departmentCode that is %s', (_label, departmentCode) => {
    expect(expectInvalidEvent(drive([]), { ...SAMPLE_EVENTS.CLASSIFY, departmentCode }).message).toMatch(/departmentCode must be/);
  });

  it('reports every problem at once', () => {
    const rejection = expectInvalidEvent(drive([]), { type: 'CLASSIFY' });
    expect(rejection.message).toBe(
      'CLASSIFY: category must be one of regulation, conduct; departmentCode must be a non-blank code of at most 32 characters, without surrounding spaces',
    );
  });

  it('accepts a code of the maximum length and both categories', () => {
    expectOk(send(drive([]), { type: 'CLASSIFY', category: 'conduct', departmentCode: 'D'.repeat(MAX_DEPARTMENT_CODE_LENGTH) }));
    expectOk(send(drive([]), { type: 'CLASSIFY', category: 'regulation', departmentCode: 'PQLKH' }));
  });
});

describe('ANSWER', () => {
  it.each([
    ['missing', undefined],
    ['blank', ' \n '],
    ['not a string', { text: 'Trả lời' }],
    ['too long', 'a'.repeat(MAX_ANSWER_LENGTH + 1)],
  ])('rejects an answer that is %s', (_label, answer) => {
    expect(expectInvalidEvent(drive(TO_HANDLING), { type: 'ANSWER', answer }, P.specialistKH).message).toMatch(/^ANSWER: answer /);
  });

  it(`accepts ${MAX_ANSWER_LENGTH} Vietnamese characters, unchanged`, () => {
    const answer = 'ữ'.repeat(MAX_ANSWER_LENGTH);
    expect(expectOk(send(drive(TO_HANDLING), { type: 'ANSWER', answer }, P.specialistKH)).effects[0]).toEqual({ type: 'feedback.answered', answer });
  });
});

describe('RATE', () => {
  it.each([undefined, '', 'SATISFIED', 'very_satisfied', 1])('rejects verdict %p', (verdict) => {
    expect(expectInvalidEvent(drive(TO_ANSWERED), { type: 'RATE', verdict }, P.citizen).message).toMatch(
      /verdict must be one of satisfied, dissatisfied, recomplained/,
    );
  });

  it.each(['satisfied', 'dissatisfied', 'recomplained'])('accepts verdict %s', (verdict) => {
    expect(expectOk(send(drive(TO_ANSWERED), { type: 'RATE', verdict }, P.citizen)).snapshot.context.verdict).toBe(verdict);
  });
});

describe('notes (optional)', () => {
  it.each([
    ['a number', 7],
    ['2001 characters', 'n'.repeat(2001)],
  ])('rejects a START_HANDLING note that is %s', (_label, note) => {
    expect(expectInvalidEvent(drive([['CLASSIFY', P.clerk]]), { type: 'START_HANDLING', note }, P.specialistKH).message).toMatch(/note/);
  });

  it('accepts START_HANDLING and SUPPLEMENT_RECEIVED with or without a note', () => {
    expectOk(send(drive([['CLASSIFY', P.clerk]]), { type: 'START_HANDLING' }, P.specialistKH));
    expectOk(send(drive([['CLASSIFY', P.clerk]]), { type: 'START_HANDLING', note: 'Giao chuyên viên A' }, P.specialistKH));
    expectOk(send(drive([['REQUEST_SUPPLEMENT', P.clerk]]), { type: 'SUPPLEMENT_RECEIVED' }, P.citizen));
  });
});

describe('order of the checks', () => {
  it('checks the payload before the state: INVALID_EVENT even where the event could not happen', () => {
    const rejection = expectInvalidEvent(drive([]), { type: 'ANSWER', answer: '' }, P.specialistKH);
    expect(rejection.allowedEvents).toEqual([]);
  });

  it('checks the payload before the permission: INVALID_EVENT even for someone who may not send it', () => {
    expect(expectInvalidEvent(drive(TO_ANSWERED), { type: 'RATE', verdict: 'meh' }, P.clerk).allowedEvents).toEqual([]);
  });
});

describe('machine version', () => {
  it.each([0, 2, Number.NaN])('rejects a snapshot of machine version %p before anything else', (machineVersion) => {
    const persisted = { ...drive(TO_HANDLING), machineVersion };
    const rejection = expectRejected(send(persisted, { type: 'ANSWER', answer: 42 }, P.specialistKH));
    expect(rejection).toMatchObject({ code: 'UNKNOWN_MACHINE_VERSION', state: 'in_handling', eventType: 'ANSWER', allowedEvents: [] });
    expect(rejection.message).toBe(`feedback was stored by machine version ${machineVersion}; this code runs version 1`);
    expect(allowedFeedbackEvents(persisted, P.specialistKH)).toEqual([]);
    expect(() => restoreFeedback(persisted)).toThrow(InvalidPersistedFeedback);
  });
});

describe('corrupted snapshot', () => {
  it('throws InvalidPersistedFeedback for a state the machine does not have', () => {
    const persisted = { ...drive([]), value: 'archived' } as unknown as PersistedFeedback;
    expect(() => send(persisted, SAMPLE_EVENTS.CLASSIFY)).toThrow(InvalidPersistedFeedback);
    expect(() => allowedFeedbackEvents(persisted, P.clerk)).toThrow(/Stored feedback is in unknown state "archived"/);
    const error = (() => {
      try {
        restoreFeedback(persisted);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidPersistedSnapshot);
    expect(error).toHaveProperty('name', 'InvalidPersistedFeedback');
  });
});

describe('startFeedback input', () => {
  it.each<[string, unknown, string[]]>([
    ['an unknown source', { source: 'email' }, ['source must be one of portal, counter, dossier']],
    ['no source', {}, ['source must be one of portal, counter, dossier']],
    ['not an object', null, ['source must be one of portal, counter, dossier']],
    ['a dossier source without a dossier', { source: 'dossier' }, ['dossierCode is required when the feedback comes from a dossier']],
    ['a dossier source with a null dossier', { source: 'dossier', dossierCode: null }, ['dossierCode is required when the feedback comes from a dossier']],
    ['a blank dossier code', { source: 'portal', dossierCode: ' ' }, ['dossierCode must be a non-blank code of at most 48 characters, without surrounding spaces']],
    ['a dossier code too long', { source: 'dossier', dossierCode: 'X'.repeat(MAX_DOSSIER_CODE_LENGTH + 1) }, ['dossierCode must be a non-blank code of at most 48 characters, without surrounding spaces']],
    ['a numeric dossier code', { source: 'dossier', dossierCode: 42 }, ['dossierCode must be a non-blank code of at most 48 characters, without surrounding spaces']],
  ])('rejects %s', (_label, input, problems) => {
    const attempt = () => startFeedback(input as StartFeedbackInput);
    expect(attempt).toThrow(InvalidFeedbackInput);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidFeedbackInput).problems).toEqual(problems);
      expect((error as InvalidFeedbackInput).name).toBe('InvalidFeedbackInput');
    }
  });

  it('keeps only the contract’s fields', () => {
    const input = { source: 'portal', dossierCode: null, content: 'Nội dung phản ánh' } as StartFeedbackInput;
    expect(startFeedback(input).snapshot.context).toMatchObject({ source: 'portal', dossierCode: null });
    expect(startFeedback(input).snapshot.context).not.toHaveProperty('content');
  });
});

describe('FEEDBACK_EVENT_FIELDS', () => {
  it('lists exactly the fields the parser keeps for each event type', () => {
    const everything = { category: 'conduct', departmentCode: 'PQLKH', reason: 'r', note: 'n', answer: 'a', verdict: 'dissatisfied' };
    for (const type of FEEDBACK_EVENT_TYPES) {
      const parsed = parseFeedbackEvent({ type, ...everything });
      if (!parsed.ok) throw new Error(parsed.message);
      expect(Object.keys(parsed.event).sort()).toEqual(['type', ...FEEDBACK_EVENT_FIELDS[type]].sort());
    }
  });
});
