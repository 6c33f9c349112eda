/** The fixture helpers fail loudly, so a spec built on them cannot pass by accident. */
import { PEOPLE, SAMPLE_EVENTS, drive, expectOk, expectRejected } from './feedback.fixtures';
import { decideFeedback } from './feedback.workflow';

describe('feedback fixtures', () => {
  it('expectOk fails on a rejection, with its code', () => {
    expect(() => expectOk(decideFeedback(drive([]), SAMPLE_EVENTS.ANSWER, PEOPLE.specialistKH))).toThrow(/INVALID_TRANSITION/);
  });

  it('expectRejected fails on a decision, with its transition', () => {
    expect(() => expectRejected(decideFeedback(drive([]), SAMPLE_EVENTS.CLASSIFY, PEOPLE.clerk))).toThrow('received -> classified');
  });

  it('drive fails on a move that is refused', () => {
    expect(() => drive([['PUBLISH', PEOPLE.leaderBGD]])).toThrow(/INVALID_TRANSITION/);
  });
});
