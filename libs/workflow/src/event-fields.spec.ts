import { DOSSIER_EVENT_TYPES } from './dossier.types';
import { DOSSIER_EVENT_FIELDS } from './event-fields';
import { parseDossierEvent } from './event-payload';

describe('DOSSIER_EVENT_FIELDS', () => {
  it('covers every event type', () => {
    expect(Object.keys(DOSSIER_EVENT_FIELDS).sort()).toEqual([...DOSSIER_EVENT_TYPES].sort());
  });

  it.each(DOSSIER_EVENT_TYPES)('%s: an event with exactly its listed fields parses', (type) => {
    const sample: Record<string, string> = { reason: 'Lý do', note: 'Ghi chú', method: 'counter', newAppointment: '2026-03-20T10:00:00+07:00' };
    const raw: Record<string, unknown> = { type };
    for (const field of DOSSIER_EVENT_FIELDS[type]) raw[field] = sample[field];
    const parsed = parseDossierEvent(raw);
    expect(parsed).toEqual({ ok: true, event: raw });
  });
});
