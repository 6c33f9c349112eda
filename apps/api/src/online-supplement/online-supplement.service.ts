import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import type { ObjectStorage } from '@motcua/storage';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossierEventEntity } from '../dossiers/dossier-event.entity';
import { DossierFileEntity } from '../files/dossier-file.entity';
import { OBJECT_STORAGE } from '../files/object-storage.provider';
import { electronicComponentRow } from '../files/electronic-copy';
import { dossierBySecret } from '../public/dossier-by-secret';
import { prepareUpload, storedFileName, storePrepared } from '../files/upload-stream';
import { PortalRecords } from '../portal-records/portal-records.service';

export class NotAwaitingSupplementError extends AppError {
  readonly status = 409;
  readonly code = 'NOT_AWAITING_SUPPLEMENT';
}

export class UnknownSupplementComponentError extends AppError {
  readonly status = 422;
  readonly code = 'UNKNOWN_COMPONENT';
}

/** Who uploaded a file through the public page (there is no staff account behind it). */
const CITIZEN = 'citizen';

/** What the citizen sees while a supplementation is requested: the reason, the components, what they already sent. */
export interface SupplementView {
  reason: string | null;
  requestedAt: string | null;
  components: Array<{ key: string; name: string; required: boolean }>;
  uploaded: Array<{ componentKey: string; fileName: string; uploadedAt: string }>;
}

/**
 * Online supplementation: while a dossier awaits a supplement, the applicant (with the dossier's
 * code and secret, the lookup's credentials) uploads the missing files on the lookup page. The files
 * go through the counter's checks (type from the bytes, whole PDF, size limit, SHA-256); the clerk
 * then records the supplement as received, which resumes the dossier and its clock as at the counter.
 */
@Injectable()
export class OnlineSupplementService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly time: Clock,
    private readonly records: PortalRecords,
  ) {}

  async upload(code: string, secret: string, componentKey: string, upload: { stream: Readable; fileName: string }) {
    let dossier: DossierEntity;
    let version: ProcedureVersionEntity;
    try {
      ({ dossier, version } = await this.uow.read(async (m) => {
        const d = await dossierBySecret(m, code, secret);
        return { dossier: d, version: await m.findOneByOrFail(ProcedureVersionEntity, { id: d.procedureVersionId }) };
      }));
      if (dossier.state !== 'awaiting_supplement') throw new NotAwaitingSupplementError('Files can be sent here only while a supplement is requested');
      if (!version.components.some((c) => c.key === componentKey)) {
        throw new UnknownSupplementComponentError(`Procedure ${version.procedureCode} has no component "${componentKey}"`, { components: version.components.map((c) => c.key) });
      }
    } catch (error) {
      upload.stream.destroy();
      throw error;
    }
    const prepared = await prepareUpload(upload.stream, this.config.maxUploadBytes);
    const id = randomUUID();
    const storageKey = `dossiers/${dossier.id}/${id}.${prepared.extension}`;
    await storePrepared(this.storage, storageKey, prepared);
    try {
      prepared.assertComplete();
      const row = electronicComponentRow({
        id,
        dossierId: dossier.id,
        applicantIdNumber: dossier.applicantIdNumber,
        componentKey,
        storageKey,
        fileName: storedFileName(upload.fileName, prepared.contentType),
        contentType: prepared.contentType,
        size: prepared.meter.bytes,
        sha256: prepared.meter.sha256Hex,
        uploadedBy: CITIZEN,
        uploadedAt: this.time.now(),
      });
      await this.uow.run(async (m) => {
        // The state again, inside the transaction: the dossier may have moved on while the file was streaming.
        const current = await m.findOneByOrFail(DossierEntity, { id: dossier.id });
        if (current.state !== 'awaiting_supplement') throw new NotAwaitingSupplementError('The supplement is no longer requested');
        await m.insert(DossierFileEntity, row);
        await this.records.refresh(m, dossier.id);
      });
      return { componentKey, fileName: row.fileName, size: row.size, sha256: row.sha256, uploadedAt: row.uploadedAt.toISOString() };
    } catch (error) {
      await this.storage.remove(storageKey).catch(() => undefined);
      throw error;
    }
  }
}

/** For the lookup: the open supplementation request and the files the applicant sent since it. */
export async function supplementView(m: EntityManager, dossier: DossierEntity, version: ProcedureVersionEntity): Promise<SupplementView | null> {
  if (dossier.state !== 'awaiting_supplement') return null;
  const request = await m.findOne(DossierEventEntity, { where: { dossierId: dossier.id, type: 'REQUEST_SUPPLEMENT' }, order: { version: 'DESC' } });
  const files = await m.find(DossierFileEntity, { where: { dossierId: dossier.id, purpose: 'component', uploadedBy: CITIZEN }, order: { uploadedAt: 'ASC' } });
  const since = request?.occurredAt.getTime() ?? 0;
  return {
    reason: typeof request?.payload?.reason === 'string' ? request.payload.reason : null,
    requestedAt: request?.occurredAt.toISOString() ?? null,
    components: version.components.map((c) => ({ key: c.key, name: c.name, required: c.required })),
    uploaded: files.filter((f) => f.uploadedAt.getTime() >= since).map((f) => ({ componentKey: f.componentKey ?? '', fileName: f.fileName, uploadedAt: f.uploadedAt.toISOString() })),
  };
}
