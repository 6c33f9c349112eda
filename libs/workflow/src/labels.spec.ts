import { DOSSIER_EVENT_LABELS_VI, DOSSIER_STATE_LABELS_VI } from './labels';
import { DOSSIER_EVENT_TYPES, DOSSIER_STATES } from './dossier.types';

describe('Vietnamese labels', () => {
  it('name every state as the domain does', () => {
    expect(DOSSIER_STATE_LABELS_VI).toEqual({
      submitted: 'Chờ tiếp nhận',
      received: 'Đã tiếp nhận',
      processing: 'Đang xử lý',
      awaiting_supplement: 'Chờ bổ sung',
      result_issued: 'Đã có kết quả',
      returned: 'Đã trả kết quả',
      refused: 'Từ chối giải quyết',
      stopped: 'Dừng xử lý',
      withdrawn: 'Rút hồ sơ',
      rejected: 'Không tiếp nhận',
    });
    expect(Object.keys(DOSSIER_STATE_LABELS_VI).sort()).toEqual([...DOSSIER_STATES].sort());
  });

  it('name every event type, each differently', () => {
    expect(Object.keys(DOSSIER_EVENT_LABELS_VI).sort()).toEqual([...DOSSIER_EVENT_TYPES].sort());
    expect(new Set(Object.values(DOSSIER_EVENT_LABELS_VI)).size).toBe(DOSSIER_EVENT_TYPES.length);
  });

  it('are non-blank, trimmed, precomposed (NFC) Vietnamese', () => {
    for (const label of [...Object.values(DOSSIER_STATE_LABELS_VI), ...Object.values(DOSSIER_EVENT_LABELS_VI)]) {
      expect(label.trim()).toBe(label);
      expect(label.length).toBeGreaterThan(0);
      expect(label.normalize('NFC')).toBe(label);
      // Letters of the Vietnamese alphabet (with tone marks), spaces and commas only.
      expect(label).toMatch(/^[A-Za-zÀ-ỹĐđ ,]+$/u);
    }
  });
});
