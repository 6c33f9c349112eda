import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { isUniqueViolation, UnitOfWork } from '@motcua/persistence';
import type { ObjectStorage } from '@motcua/storage';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { CatalogueService } from '../catalogue/catalogue.service';
import { DossierCommands } from '../dossiers/dossier-commands.service';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossierFileEntity } from '../files/dossier-file.entity';
import { OBJECT_STORAGE } from '../files/object-storage.provider';
import { electronicComponentRow } from '../files/electronic-copy';
import { fromPortalRecord, PortalFieldError, PortalSubmission } from './portal-dossier.adapter';
import { CheckedFile, checkPortalFile } from './portal-files';
import { PortalInboundEntity } from './portal-inbound.entity';

/** What the portal gets back: our reference for its dossier. */
export interface PortalAck {
  portalDossierId: string;
  dossierId: string;
  /** Our dossier code (the reference the citizen and the portal quote). */
  reference: string;
  state: string;
  /** True when this portal id had been received before: nothing new was stored. */
  replayed: boolean;
}

/**
 * Receives the dossiers citizens submitted on the national portal (DVCQG). Order, so that nothing
 * is half-stored: validate the whole record and every file first (422 naming the field); store the
 * files; then one transaction creates the dossier in `submitted` (channel online), its file rows and
 * the inbound row keyed by the portal's id. If that fails, or another request with the same id won,
 * the stored objects are removed again.
 */
@Injectable()
export class PortalInboundService {
  private readonly logger = new Logger('PortalInbound');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly dossiers: DossierCommands,
    private readonly catalogue: CatalogueService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly time: Clock,
  ) {}

  async receive(client: AuthUser, body: unknown): Promise<PortalAck> {
    const submission = fromPortalRecord(body);
    const earlier = await this.earlier(submission.portalDossierId);
    if (earlier) return earlier;
    const procedure = await this.catalogue.findCurrent(submission.procedureCode);
    if (!procedure) throw new PortalFieldError('MaTTHC', `procedure ${submission.procedureCode} is not in the catalogue`);
    const componentKeys = new Set(procedure.components.map((c) => c.key));
    submission.files.forEach((f, i) => {
      if (!componentKeys.has(f.componentKey)) throw new PortalFieldError(`TaiLieuNop[${i}].MaThanhPhanHoSo`, `procedure ${procedure.code} has no component "${f.componentKey}"`);
    });
    const checked: CheckedFile[] = [];
    for (const file of submission.files) checked.push(await checkPortalFile(file, this.config.maxUploadBytes));

    const batch = randomUUID();
    const stored: string[] = [];
    const rows: DossierFileEntity[] = [];
    try {
      for (const file of checked) {
        const id = randomUUID();
        // Stored before the dossier has its id; under dossiers/ so that the orphan sweep removes it if we die before the commit.
        const storageKey = `dossiers/portal-${batch}/${id}.${file.extension}`;
        await this.storage.put(storageKey, Readable.from([file.content]), { contentType: file.contentType, size: file.content.length });
        stored.push(storageKey);
        rows.push(this.fileRow(id, storageKey, file, client));
      }
      const created = await this.dossiers.create(client, dossierDto(submission), undefined, async (m, dossier) => {
        for (const row of rows) await m.insert(DossierFileEntity, { ...row, dossierId: dossier.id, applicantIdNumber: dossier.applicantIdNumber });
        await m.insert(PortalInboundEntity, {
          portalDossierId: submission.portalDossierId,
          dossierId: dossier.id,
          clientId: client.id,
          portalSubmittedAt: submission.portalSubmittedAt,
          vneidVerified: submission.vneidVerified,
          receivedAt: this.time.now(),
        });
      });
      return { portalDossierId: submission.portalDossierId, dossierId: created.dossier.id, reference: created.dossier.code, state: created.dossier.state, replayed: false };
    } catch (error) {
      await this.removeAll(stored);
      if (isUniqueViolation(error)) {
        // A concurrent request with the same portal id created the dossier first.
        const winner = await this.earlier(submission.portalDossierId);
        if (winner) return winner;
      }
      throw error;
    }
  }

  private async earlier(portalDossierId: string): Promise<PortalAck | null> {
    return this.uow.read(async (m) => {
      const inbound = await m.findOne(PortalInboundEntity, { where: { portalDossierId } });
      if (!inbound) return null;
      const dossier = await m.findOneByOrFail(DossierEntity, { id: inbound.dossierId });
      return { portalDossierId, dossierId: dossier.id, reference: dossier.code, state: dossier.state, replayed: true };
    });
  }

  private fileRow(id: string, storageKey: string, file: CheckedFile, client: AuthUser): DossierFileEntity {
    // dossierId and applicantIdNumber are set once the dossier row exists (in the creating transaction).
    return electronicComponentRow({
      id,
      dossierId: '',
      applicantIdNumber: '',
      componentKey: file.componentKey,
      storageKey,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.content.length,
      sha256: file.sha256,
      uploadedBy: client.id,
      uploadedAt: this.time.now(),
    });
  }

  private async removeAll(keys: string[]): Promise<void> {
    for (const key of keys) await this.storage.remove(key).catch((e: unknown) => this.logger.warn(`Could not remove ${key}: ${String(e)}`));
  }
}

function dossierDto(s: PortalSubmission) {
  return { procedureCode: s.procedureCode, channel: 'online' as const, applicant: s.applicant };
}
