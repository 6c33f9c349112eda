import { EntityManager } from 'typeorm';
import { localYYMMDD } from '../common/local-time';
import { highestDigitisationNumbers, highestDossierNumbers } from './code-numbers';

export interface ResyncReport {
  /** Counters (agency and day, or dossier) raised to the highest number actually stored. */
  dossierCountersRaised: number;
  digitisationCountersRaised: number;
}

export interface GapReport {
  /** Agencies whose counter of today moved `gap` past everything issued or stored. */
  agencies: string[];
  day: string;
  dossierCodeGap: number;
  /** Dossiers whose digitisation counter moved by the digitisation gap. */
  dossiers: number;
  digitisationCodeGap: number;
}

const postgres = (m: EntityManager) => m.connection.driver.options.type === 'postgres';
/** `$1, $2…` on PostgreSQL, `?` on SQLite. */
const params = (m: EntityManager, n: number) => Array.from({ length: n }, (_, i) => (postgres(m) ? `$${i + 1}` : '?')).join(', ');

/**
 * Raises every code counter to at least the highest number actually stored (never lowers one).
 * A counter can lag behind the stored codes when the counter table and the dossiers come from
 * different moments (a partial restore, a hand-made repair, dossiers copied in); the generator
 * skips a taken code anyway, but a code must also not be reissued *after* its row is gone.
 * Safe while other instances issue codes: each upsert only raises, atomically per row.
 */
export async function resyncCodeSequences(m: EntityManager): Promise<ResyncReport> {
  const codes = (await m.query('SELECT code FROM dossier')) as Array<{ code: string }>;
  let dossierCountersRaised = 0;
  for (const c of highestDossierNumbers(codes.map((r) => r.code))) {
    const raised = await raise(
      m,
      `INSERT INTO dossier_code_sequence (agency_id, day, last_value) VALUES (${params(m, 3)})
       ON CONFLICT (agency_id, day) DO UPDATE SET last_value = excluded.last_value
       WHERE dossier_code_sequence.last_value < excluded.last_value`,
      [c.agencyId, c.day, c.value],
    );
    dossierCountersRaised += raised;
  }
  const files = (await m.query('SELECT dossier_id, digitisation_code FROM dossier_file WHERE digitisation_code IS NOT NULL')) as Array<{ dossier_id: string; digitisation_code: string }>;
  let digitisationCountersRaised = 0;
  for (const [dossierId, value] of highestDigitisationNumbers(files.map((f) => ({ dossierId: f.dossier_id, code: f.digitisation_code })))) {
    digitisationCountersRaised += await raise(
      m,
      `INSERT INTO digitisation_code_sequence (dossier_id, last_value) VALUES (${params(m, 2)})
       ON CONFLICT (dossier_id) DO UPDATE SET last_value = excluded.last_value
       WHERE digitisation_code_sequence.last_value < excluded.last_value`,
      [dossierId, value],
    );
  }
  return { dossierCountersRaised, digitisationCountersRaised };
}

/**
 * After a restore: the lost system may have issued codes after the backup was taken, which are
 * printed on receipts and were sent out, but are stored nowhere now. New codes are issued only
 * for today (the generator numbers the day of receipt), so today's counter of every agency moves
 * `dossierCodeGap` past the highest it has; each dossier's digitisation counter moves
 * `digitisationCodeGap` (a restored dossier may have had files digitised after the backup).
 * Run after `resyncCodeSequences`, in the same transaction.
 */
export async function skipCodesAfterRestore(
  m: EntityManager,
  o: { now: Date; agencyIds: string[]; dossierCodeGap: number; digitisationCodeGap: number },
): Promise<GapReport> {
  const day = localYYMMDD(o.now);
  const stored = (await m.query('SELECT DISTINCT agency_id FROM dossier_code_sequence')) as Array<{ agency_id: string }>;
  const agencies = [...new Set([...o.agencyIds, ...stored.map((r) => r.agency_id)])].sort();
  if (o.dossierCodeGap > 0) {
    for (const agencyId of agencies) {
      await m.query(
        `INSERT INTO dossier_code_sequence (agency_id, day, last_value) VALUES (${params(m, 3)})
         ON CONFLICT (agency_id, day) DO UPDATE SET last_value = dossier_code_sequence.last_value + excluded.last_value`,
        [agencyId, day, o.dossierCodeGap],
      );
    }
  }
  let dossiers = 0;
  if (o.digitisationCodeGap > 0) {
    const count = (await m.query('SELECT COUNT(*) AS n FROM dossier')) as Array<{ n: number | string }>;
    dossiers = Number(count[0].n);
    // `WHERE true`: SQLite needs it to tell the upsert's ON CONFLICT from a join's ON.
    await m.query(
      `INSERT INTO digitisation_code_sequence (dossier_id, last_value) SELECT id, ${params(m, 1)} FROM dossier WHERE true
       ON CONFLICT (dossier_id) DO UPDATE SET last_value = digitisation_code_sequence.last_value + excluded.last_value`,
      [o.digitisationCodeGap],
    );
  }
  return { agencies, day, dossierCodeGap: o.dossierCodeGap, dossiers, digitisationCodeGap: o.digitisationCodeGap };
}

/** 1 when the upsert wrote (a new counter, or one raised), 0 when the counter was already as high. */
async function raise(m: EntityManager, sql: string, values: unknown[]): Promise<number> {
  const rows = (await m.query(`${sql} RETURNING 1 AS raised`, values)) as unknown[];
  return rows.length;
}
