import {
  FEEDBACK_CATEGORY_LABELS_VI,
  FEEDBACK_EVENT_LABELS_VI,
  FEEDBACK_PHASE_LABELS_VI,
  FEEDBACK_SOURCE_LABELS_VI,
  FEEDBACK_STATE_LABELS_VI,
  FEEDBACK_VERDICT_LABELS_VI,
} from './feedback.labels';
import { FEEDBACK_CATEGORIES, FEEDBACK_EVENT_TYPES, FEEDBACK_PHASES, FEEDBACK_SOURCES, FEEDBACK_STATES, FEEDBACK_VERDICTS } from './feedback.types';

const TABLES: Array<[string, Readonly<Record<string, string>>, readonly string[]]> = [
  ['states', FEEDBACK_STATE_LABELS_VI, FEEDBACK_STATES],
  ['events', FEEDBACK_EVENT_LABELS_VI, FEEDBACK_EVENT_TYPES],
  ['categories', FEEDBACK_CATEGORY_LABELS_VI, FEEDBACK_CATEGORIES],
  ['verdicts', FEEDBACK_VERDICT_LABELS_VI, FEEDBACK_VERDICTS],
  ['sources', FEEDBACK_SOURCE_LABELS_VI, FEEDBACK_SOURCES],
  ['phases', FEEDBACK_PHASE_LABELS_VI, FEEDBACK_PHASES],
];

describe('Vietnamese feedback labels', () => {
  it('name the states as the domain does', () => {
    expect(FEEDBACK_STATE_LABELS_VI).toEqual({
      received: 'Đã tiếp nhận',
      classified: 'Đã phân loại',
      in_handling: 'Đang xử lý',
      awaiting_supplement: 'Chờ bổ sung thông tin',
      answered: 'Đã trả lời',
      published: 'Đã công khai',
      closed: 'Đã đóng',
      rejected: 'Từ chối tiếp nhận',
    });
  });

  it.each(TABLES)('name every one of the %s, each differently', (_name, labels, keys) => {
    expect(Object.keys(labels).sort()).toEqual([...keys].sort());
    expect(new Set(Object.values(labels)).size).toBe(keys.length);
  });

  it.each(TABLES)('%s: non-blank, trimmed, precomposed (NFC) Vietnamese', (_name, labels) => {
    for (const label of Object.values(labels)) {
      expect(label.trim()).toBe(label);
      expect(label.length).toBeGreaterThan(0);
      expect(label.normalize('NFC')).toBe(label);
      // Letters of the Vietnamese alphabet (with tone marks), spaces and commas only.
      expect(label).toMatch(/^[A-Za-zÀ-ỹĐđ ,]+$/u);
    }
  });
});
