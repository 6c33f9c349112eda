import { fitsOneStatement, type WriteStatement } from './write-batch';

const w = (table: string, kind: 'insert' | 'update'): WriteStatement => ({ table, kind, sql: '', parameters: [] });

describe('fitsOneStatement: when a transition’s writes mean the same as one WITH statement', () => {
  it('closing the open step, opening the next, a pause and the audit row: yes', () => {
    expect(fitsOneStatement('dossier', [w('dossier_step', 'update'), w('dossier_step', 'insert'), w('dossier_pause', 'insert'), w('dossier_event', 'insert')])).toBe(true);
    expect(fitsOneStatement('dossier', [w('dossier_event', 'insert')])).toBe(true);
  });

  it('a table updated after an insert into it, or twice, or the record’s own table written again: no (each part sees the rows as before the statement)', () => {
    expect(fitsOneStatement('dossier', [w('dossier_step', 'insert'), w('dossier_step', 'update')])).toBe(false);
    expect(fitsOneStatement('dossier', [w('dossier_pause', 'update'), w('dossier_pause', 'update')])).toBe(false);
    expect(fitsOneStatement('dossier', [w('dossier', 'update')])).toBe(false);
  });
});
