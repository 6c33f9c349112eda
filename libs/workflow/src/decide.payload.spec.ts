/** INVALID_EVENT for malformed payloads, UNKNOWN_MACHINE_VERSION, and the order of the checks. */
import { allowedEvents, decide } from './decide';
import type { DossierEvent, DossierEventType, PersistedDossier } from './dossier.types';
import { PEOPLE, SAMPLE_EVENTS, TO_PROCESSING_1, drive, expectOk, expectRejected } from './dossier.fixtures';
import { InvalidPersistedDossier } from './persistence';

const P = PEOPLE;
const atStep1 = (): PersistedDossier => drive('direct', TO_PROCESSING_1);

/** Sends whatever the outside world might send; decide must cope with any shape. */
function send(persisted: PersistedDossier, event: unknown, who = P.specialistCN) {
  return decide(persisted, event as DossierEvent, who);
}

function expectInvalidEvent(persisted: PersistedDossier, event: unknown, who = P.specialistCN) {
  const rejection = expectRejected(send(persisted, event, who));
  expect(rejection.code).toBe('INVALID_EVENT');
  return rejection;
}

const REASON_EVENTS: DossierEventType[] = ['REJECT', 'SEND_BACK', 'REQUEST_SUPPLEMENT', 'REFUSE', 'STOP', 'WITHDRAW', 'APOLOGISE'];

describe('reasons', () => {
  const bad: Array<[string, unknown]> = [
    ['missing', undefined],
    ['empty', ''],
    ['spaces only', '   '],
    ['whitespace only (tabs, newlines, NBSP)', '\t\n\u00a0'],
    ['a number', 42],
    ['null', null],
    ['2001 characters', 'a'.repeat(2001)],
  ];

  it.each(REASON_EVENTS.flatMap((type) => bad.map(([label, reason]) => [type, label, reason] as const)))(
    '%s with a reason that is %s → INVALID_EVENT',
    (type, _label, reason) => {
      const rejection = expectInvalidEvent(atStep1(), { ...SAMPLE_EVENTS[type], reason });
      expect(rejection.eventType).toBe(type);
      expect(rejection.message).toMatch(/reason/);
    },
  );

  it.each([
    ['exactly 2000 ASCII characters', 'a'.repeat(2000)],
    ['2000 Vietnamese characters', 'ữ'.repeat(2000)],
    ['2000 astral characters (4000 UTF-16 units): the limit counts code points', '𠀀'.repeat(2000)],
    ['surrounded by spaces', '  Thiếu tờ khai  '],
  ])('accepts a reason of %s, unchanged', (_label, reason) => {
    const decision = expectOk(send(atStep1(), { type: 'REQUEST_SUPPLEMENT', reason }));
    expect(decision.effects).toContainEqual({ type: 'clock.paused', reason });
  });
});

describe('notes (optional)', () => {
  it.each([
    ['a number', 7],
    ['null', null],
    ['2001 characters', 'n'.repeat(2001)],
  ])('rejects a note that is %s', (_label, note) => {
    expect(expectInvalidEvent(atStep1(), { type: 'FORWARD', note }).message).toMatch(/note/);
  });

  it.each(['FORWARD', 'ISSUE_RESULT'] as const)('accepts %s with or without a note', (type) => {
    const persisted = type === 'ISSUE_RESULT' ? drive('direct', [...TO_PROCESSING_1, ['FORWARD', P.specialistCN]]) : atStep1();
    const who = type === 'ISSUE_RESULT' ? P.leaderBGD : P.specialistCN;
    expectOk(send(persisted, { type }, who));
    expectOk(send(persisted, { type, note: '' }, who));
    expectOk(send(persisted, { type, note: 'Ghi chú: đã xác minh' }, who));
  });
});

describe('RETURN_RESULT method', () => {
  const resultIssued = () =>
    drive('direct', [...TO_PROCESSING_1, ['FORWARD', P.specialistCN], ['ISSUE_RESULT', P.leaderBGD]]);

  it.each([undefined, 'email', 'COUNTER', '', 1])('rejects method %p', (method) => {
    expect(expectInvalidEvent(resultIssued(), { type: 'RETURN_RESULT', method }, P.clerk).message).toMatch(/method/);
  });

  it.each(['counter', 'post', 'online'])('accepts method %s', (method) => {
    expectOk(send(resultIssued(), { type: 'RETURN_RESULT', method }, P.clerk));
  });
});

describe('APOLOGISE newAppointment', () => {
  const apologise = (newAppointment: unknown) => ({ type: 'APOLOGISE', reason: 'Xin lỗi vì chậm trễ', newAppointment });

  it.each([
    ['missing', undefined],
    ['a timestamp number', 1744711200000],
    ['prose', 'thứ Hai tuần sau'],
    ['a date without time', '2025-04-15'],
    ['a local time without offset', '2025-04-15T17:00:00'],
    ['30 February', '2025-02-30T10:00:00Z'],
    ['29 February of a common year', '2025-02-29T10:00:00Z'],
    ['29 February 2100 (not leap)', '2100-02-29T10:00:00Z'],
    ['month 13', '2025-13-01T10:00:00Z'],
    ['month 00', '2025-00-10T10:00:00Z'],
    ['day 00', '2025-04-00T10:00:00Z'],
    ['31 April', '2025-04-31T10:00:00Z'],
    ['hour 24', '2025-04-15T24:00:00Z'],
    ['minute 60', '2025-04-15T10:60:00Z'],
    ['second 60', '2025-04-15T10:00:60Z'],
    ['offset minutes 60', '2025-04-15T10:00:00+07:60'],
    ['offset hours 24', '2025-04-15T10:00:00+24:00'],
    ['a lowercase designator', '2025-04-15t10:00:00z'],
    ['a space separator', '2025-04-15 10:00:00Z'],
    ['trailing text', '2025-04-15T10:00:00Z '],
  ])('rejects %s', (_label, value) => {
    expect(expectInvalidEvent(atStep1(), apologise(value)).message).toMatch(/newAppointment/);
  });

  it('reports every problem of the payload at once', () => {
    const message = expectInvalidEvent(atStep1(), { type: 'APOLOGISE', reason: '', newAppointment: 'mai' }).message;
    expect(message).toMatch(/^APOLOGISE: reason .*; newAppointment /);
  });

  it.each([
    '2025-04-15T17:00:00+07:00',
    '2025-04-15T10:00Z',
    '2024-02-29T10:00:00Z',
    '2000-02-29T00:00:00Z',
    '2025-04-15T23:59:59.123456789-03:30',
    '2025-12-31T00:00:00.5+14:00',
  ])('accepts %s and keeps it as sent', (newAppointment) => {
    const decision = expectOk(send(atStep1(), apologise(newAppointment)));
    expect(decision.effects).toEqual([{ type: 'apology.recorded', reason: 'Xin lỗi vì chậm trễ', newAppointment }]);
  });
});

describe('event shape and type', () => {
  it.each([
    ['null', null, 'undefined'],
    ['a string', 'ACCEPT', 'undefined'],
    ['an object without type', {}, 'undefined'],
    ['an unknown type', { type: 'DELETE' }, 'DELETE'],
    ['a lowercase type', { type: 'accept' }, 'accept'],
    ['a non-string type', { type: 3 }, '3'],
  ])('rejects %s', (_label, event, eventType) => {
    const persisted = drive('online', []);
    const rejection = expectInvalidEvent(persisted, event, P.clerk);
    expect(rejection.eventType).toBe(eventType);
    expect(rejection.state).toBe('submitted');
    expect(rejection.allowedEvents).toEqual(['ACCEPT', 'REJECT', 'REQUEST_SUPPLEMENT', 'WITHDRAW']);
  });

  it('drops fields outside the contract', () => {
    const decision = expectOk(send(atStep1(), { type: 'STOP', reason: 'Dừng theo yêu cầu', extra: { a: 1 } }));
    expect(decision.effects).toEqual([{ type: 'dossier.ended', state: 'stopped', reason: 'Dừng theo yêu cầu' }]);
  });

  it('checks the payload before the state: a bad payload is INVALID_EVENT even where the event could not happen', () => {
    const rejection = expectInvalidEvent(drive('online', []), { type: 'REFUSE', reason: ' ' }, P.clerk);
    expect(rejection.allowedEvents).toEqual(['ACCEPT', 'REJECT', 'REQUEST_SUPPLEMENT', 'WITHDRAW']);
  });
});

describe('machine version', () => {
  it.each([0, 2, Number.NaN])('rejects a snapshot of machine version %p before anything else', (machineVersion) => {
    const persisted = { ...atStep1(), machineVersion };
    const rejection = expectRejected(send(persisted, { type: 'FORWARD', note: 42 }));
    expect(rejection).toMatchObject({ code: 'UNKNOWN_MACHINE_VERSION', state: 'processing', eventType: 'FORWARD', allowedEvents: [] });
    expect(rejection.message).toContain('version');
    expect(allowedEvents(persisted, P.specialistCN)).toEqual([]);
  });
});

describe('corrupted snapshot', () => {
  it('throws InvalidPersistedDossier for a state the machine does not have', () => {
    const persisted = { ...atStep1(), value: 'archived' } as unknown as PersistedDossier;
    expect(() => send(persisted, SAMPLE_EVENTS.FORWARD)).toThrow(InvalidPersistedDossier);
    expect(() => allowedEvents(persisted, P.clerk)).toThrow(/unknown state "archived"/);
  });
});
