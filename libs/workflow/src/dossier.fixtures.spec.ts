/** The fixtures' assertion helpers must themselves fail when they should, or specs built on them prove nothing. */
import { decide } from './decide';
import { PEOPLE, SAMPLE_EVENTS, drive, expectOk, expectRejected } from './dossier.fixtures';

describe('fixture helpers', () => {
  const submitted = drive('online', []);
  const accepted = decide(submitted, SAMPLE_EVENTS.ACCEPT, PEOPLE.clerk);
  const refused = decide(submitted, SAMPLE_EVENTS.ACCEPT, PEOPLE.reporter);

  it('expectOk passes decisions and throws on rejections', () => {
    expect(expectOk(accepted).to).toBe('received');
    expect(() => expectOk(refused)).toThrow(/FORBIDDEN/);
  });

  it('expectRejected passes rejections and throws on decisions', () => {
    expect(expectRejected(refused).code).toBe('FORBIDDEN');
    expect(() => expectRejected(accepted)).toThrow(/submitted -> received/);
  });

  it('drive stops at the first refused move', () => {
    expect(() => drive('online', [['FORWARD', PEOPLE.clerk]])).toThrow(/INVALID_TRANSITION/);
  });
});
