import { DataSource } from 'typeorm';
import type { RestoreSettings } from '@config/app-config';
import { holdWaitingMessages } from '../outbox/outbox-hold';
import { GapReport, resyncCodeSequences, ResyncReport, skipCodesAfterRestore } from './code-sequences';

export interface RestoreReport {
  resync: ResyncReport;
  /** Messages held for an administrator (RESTORE_MODE only). */
  held: number;
  gaps: GapReport | null;
}

/**
 * What `main.js migrate` does after the migrations: counters resynchronised from the stored codes,
 * always; with RESTORE_MODE=on also the waiting outbox held and the counters moved past the safety
 * gaps. One transaction: a restore step that fails leaves nothing half done and can be run again.
 */
export async function runRestoreStep(dataSource: DataSource, o: { now: Date; agencyIds: string[]; settings: RestoreSettings }): Promise<RestoreReport> {
  return dataSource.transaction(async (m) => {
    const resync = await resyncCodeSequences(m);
    if (!o.settings.mode) return { resync, held: 0, gaps: null };
    const held = await holdWaitingMessages(m, o.now);
    const gaps = await skipCodesAfterRestore(m, {
      now: o.now,
      agencyIds: o.agencyIds,
      dossierCodeGap: o.settings.dossierCodeGap,
      digitisationCodeGap: o.settings.digitisationCodeGap,
    });
    return { resync, held, gaps };
  });
}

/** One line for the operator. */
export function describeRestoreReport(r: RestoreReport): string {
  const resync = `code counters raised to the stored codes: ${r.resync.dossierCountersRaised} dossier-code, ${r.resync.digitisationCountersRaised} digitisation`;
  if (!r.gaps) return resync;
  return (
    `RESTORE_MODE: ${r.held} outbox message(s) held for an administrator (GET /api/admin/outbox?status=held); ` +
    `dossier codes of ${r.gaps.day} continue ${r.gaps.dossierCodeGap} past the highest for ${r.gaps.agencies.join(', ') || 'no agency'}; ` +
    `digitisation codes of ${r.gaps.dossiers} dossier(s) continue ${r.gaps.digitisationCodeGap} further; ${resync}. ` +
    'Remove RESTORE_MODE before starting the services.'
  );
}
