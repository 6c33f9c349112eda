import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { projectRecord, type PortalRecord } from '@motcua/indicators';
import { UnitOfWork } from '@motcua/persistence';
import { AgencyIdentity } from '../catalogue/agency-identity';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { DossierEntity } from '../dossiers/dossier.entity';
import { OutboxWriter } from '../outbox/outbox-writer';
import { rollupRecordChange } from '../indicator-rollup/rollup-store';
import { factColumnsOf, recordRow } from './fact-columns';
import { PORTAL_RECORD_AGGREGATE } from './portal-delivery';
import { PortalRecordEntity } from './portal-record.entity';
import { loadRecordSource, recordRowOf, sameRecordRow, versionFacts, type VersionFacts } from './record-source';

/**
 * One record, two readers (issue #11): the record a dossier is synchronised to DVCQG with is the
 * one the indicators are computed from. Every change to anything the record shows (transitions,
 * files, payment, rating, complaint, import) calls `refresh` in its own transaction; the record is
 * projected again, and when its content changed it gets the next version, its fact columns are
 * rewritten and, with PORTAL_SYNC_URL set, it is queued for the portal.
 */
@Injectable()
export class PortalRecords {
  private readonly logger = new Logger('PortalRecords');
  /** Procedure versions never change once written. */
  private readonly versions = new Map<string, VersionFacts>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly agency: AgencyIdentity,
    private readonly time: Clock,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Must run inside the transaction of the change (`uow.run`). Pass the row when the caller has the updated one. */
  async refresh(m: EntityManager, dossier: string | DossierEntity): Promise<PortalRecordEntity> {
    const dossierId = typeof dossier === 'string' ? dossier : dossier.id;
    // Refreshes of one dossier take turns: each projects what the previous one committed.
    const current = await m.findOne(PortalRecordEntity, { where: { dossierId }, lock: pg(m) ? { mode: 'pessimistic_write' } : undefined });
    const row = typeof dossier === 'string' ? await m.findOneByOrFail(DossierEntity, { id: dossierId }) : dossier;
    const now = this.time.now();
    const source = await loadRecordSource(m, recordRowOf(row), await this.versionFacts(m, row.procedureVersionId), { resultLinkBaseUrl: this.config.reporting.resultLinkBaseUrl, now });
    const candidate = projectRecord({ ...source, version: current?.recordVersion ?? 1 });
    if (current && sameContent(current.record, candidate)) return current;
    const recordVersion = (current?.recordVersion ?? 0) + 1;
    const record: PortalRecord = { ...candidate, PhienBan: recordVersion };
    const entity = recordRow(dossierId, record, this.agency.id, now);
    if (current) await m.update(PortalRecordEntity, { dossierId }, entity);
    else await m.insert(PortalRecordEntity, entity);
    // The indicator buckets move with the facts, in this transaction (issue #17).
    await rollupRecordChange(m, dossierId, current && { code: current.code, columns: factColumnsOf(current) }, { code: entity.code, columns: factColumnsOf(entity) });
    if (this.outbox.dossierSettings.portalSync) {
      await this.outbox.enqueue(m, [
        {
          topic: 'dossier.record',
          channel: 'portal-sync',
          aggregateType: PORTAL_RECORD_AGGREGATE,
          aggregateId: dossierId,
          aggregateVersion: recordVersion,
          idempotencyKey: `${dossierId}:record:${recordVersion}:portal-sync`,
          payload: { record },
        },
      ]);
    }
    return entity;
  }

  /**
   * After a transition (inside its transaction): refresh only when something the record reads
   * changed — its row fields (`recordRowOf`) or its supplementation pauses (`pausesChanged`); a
   * transition changes no files, payment or inbound record. Most transitions (forward, send back,
   * assign) change none of it, and skipping saves the lock and 3–4 reads of a refresh (issue #17).
   */
  async refreshAfterTransition(m: EntityManager, before: DossierEntity, after: DossierEntity, pausesChanged: boolean): Promise<void> {
    if (!pausesChanged && sameRecordRow(recordRowOf(before), recordRowOf(after))) return;
    await this.refresh(m, after);
  }

  /** Projects the records of dossiers that have none (those stored before records existed). Returns how many. */
  async backfill(batch = 200): Promise<number> {
    let total = 0;
    for (;;) {
      const ids: Array<{ id: string }> = await this.uow.read((m) =>
        m
          .createQueryBuilder(DossierEntity, 'd')
          .select('d.id', 'id')
          .leftJoin(PortalRecordEntity, 'r', 'r.dossier_id = d.id')
          .where('r.dossier_id IS NULL')
          .limit(batch)
          .getRawMany(),
      );
      if (ids.length === 0) break;
      await this.uow.run(async (m) => {
        for (const { id } of ids) await this.refresh(m, id);
      });
      total += ids.length;
    }
    if (total > 0) this.logger.log(`Projected the portal records of ${total} dossier(s) stored before records existed`);
    return total;
  }

  private async versionFacts(m: EntityManager, versionId: string): Promise<VersionFacts> {
    let facts = this.versions.get(versionId);
    if (!facts) {
      facts = versionFacts(await m.findOneByOrFail(ProcedureVersionEntity, { id: versionId }));
      this.versions.set(versionId, facts);
    }
    return facts;
  }
}

/** Same content: everything but the version and the time of the update. */
function sameContent(a: PortalRecord, b: PortalRecord): boolean {
  const strip = ({ PhienBan: _v, ThoiDiemCapNhat: _t, ...rest }: PortalRecord) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

function pg(m: EntityManager): boolean {
  return m.connection.driver.options.type === 'postgres';
}
