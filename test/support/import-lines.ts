/** One historical import line (NDJSON) of a returned dossier of `procedureCode`, with `o` changing or adding fields. */
export function importLine(procedureCode: string, o: Record<string, unknown>): string {
  return JSON.stringify({
    procedureCode,
    channel: 'direct',
    receivedAt: '2025-03-03T09:00:00+07:00',
    dueAt: '2025-03-20T17:00:00+07:00',
    finishedAt: '2025-03-18T10:00:00+07:00',
    outcome: 'returned',
    supplements: [],
    digitised: false,
    eResult: false,
    paidOnline: null,
    rating: null,
    ...o,
  });
}
