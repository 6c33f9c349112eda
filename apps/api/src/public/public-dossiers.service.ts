import { Inject, Injectable } from '@nestjs/common';
import { FindOptionsWhere } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { isUniqueViolation, UnitOfWork } from '@motcua/persistence';
import { DOSSIER_EVENT_LABELS_VI, DOSSIER_STATE_LABELS_VI, DossierEventType } from '@motcua/workflow';
import { AppError, NotFoundError } from '../common/errors';
import { Clock } from '../common/clock';
import { matchesLookupSecret } from '../common/lookup-code';
import { byTypedCode } from './dossier-by-secret';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';
import { DossierEventEntity } from '../dossiers/dossier-event.entity';
import { CORRECTION_LABELS_VI } from '../dossiers/dossier-corrections';
import { DossierEntity } from '../dossiers/dossier.entity';
import { receiptCodeOf } from '../dossiers/dossier.view';
import { DossierFileEntity } from '../files/dossier-file.entity';
import { DossierRatingEntity, RatingLevel } from '../ratings/dossier-rating.entity';
import { PortalRecords } from '../portal-records/portal-records.service';
import { paymentSummary } from '../payments/online-payments.service';
import { supplementView } from '../online-supplement/online-supplement.service';

export class AlreadyRatedError extends AppError {
  readonly status = 409;
  readonly code = 'ALREADY_RATED';
}

export class NotYetRatableError extends AppError {
  readonly status = 409;
  readonly code = 'NOT_YET_RATABLE';
}

/** One message for an unknown code and a wrong secret: the answer never says which. */
const NOT_FOUND = 'No dossier with this code and secret';

/**
 * What an applicant sees with the receipt's QR link: the state, the appointment and a
 * timeline, without personal data or staff names; and the one satisfaction rating.
 */
@Injectable()
export class PublicDossiersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly time: Clock,
    private readonly records: PortalRecords,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async lookup(code: string, secret: string) {
    return this.uow.read(async (m) => {
      const dossier = await this.find(m.getRepository(DossierEntity), code, secret);
      const [version, events, rating, results] = await Promise.all([
        m.findOneByOrFail(ProcedureVersionEntity, { id: dossier.procedureVersionId }),
        m.find(DossierEventEntity, { where: { dossierId: dossier.id }, order: { version: 'ASC' } }),
        m.findOne(DossierRatingEntity, { where: { dossierId: dossier.id } }),
        m.find(DossierFileEntity, { where: { dossierId: dossier.id, purpose: 'result' }, order: { uploadedAt: 'DESC' }, take: 1 }),
      ]);
      return {
        code: dossier.code,
        receiptCode: receiptCodeOf(dossier),
        submissionRef: dossier.submissionRef,
        procedureCode: dossier.procedureCode,
        procedureName: version.name,
        state: dossier.state,
        stateLabel: DOSSIER_STATE_LABELS_VI[dossier.state],
        channel: dossier.channel,
        receivedAt: dossier.receivedAt?.toISOString() ?? null,
        appointmentAt: dossier.appointmentAt?.toISOString() ?? null,
        finishedAt: dossier.finishedAt?.toISOString() ?? null,
        outcome: dossier.outcome,
        timeline: events.map((e) => ({
          at: e.occurredAt.toISOString(),
          label: e.type === 'CREATE' ? 'Tiếp nhận hồ sơ' : (DOSSIER_EVENT_LABELS_VI[e.type as DossierEventType] ?? CORRECTION_LABELS_VI[e.type] ?? e.type),
          state: DOSSIER_STATE_LABELS_VI[e.toState as DossierEntity['state']] ?? e.toState,
        })),
        rating: rating ? { level: rating.level, createdAt: rating.createdAt.toISOString() } : null,
        result: dossier.processingEndedAt ? publicResult(results[0]) : null,
        // The electronic result's download: the same public link the portal record carries (DuongDanTepTinKetQua); every download is audited.
        resultLink: dossier.resultToken ? `${this.config.reporting.resultLinkBaseUrl}/${dossier.resultToken}` : null,
        canRate: !rating && dossier.processingEndedAt !== null,
        payment: await paymentSummary(m, dossier, version),
        supplement: await supplementView(m, dossier, version),
      };
    });
  }

  /** Once per dossier, after processing ended (5.4 counts "dissatisfied"). */
  async rate(code: string, secret: string, level: RatingLevel, comment: string | null) {
    try {
      return await this.uow.run(async (m) => {
        const dossier = await this.find(m.getRepository(DossierEntity), code, secret);
        if (dossier.processingEndedAt === null) throw new NotYetRatableError('The dossier can be rated once it has a result');
        if (await m.findOne(DossierRatingEntity, { where: { dossierId: dossier.id } })) throw new AlreadyRatedError('This dossier has already been rated');
        const createdAt = this.time.now();
        await m.insert(DossierRatingEntity, { dossierId: dossier.id, level, comment, createdAt });
        await m.update(DossierEntity, { id: dossier.id }, { rating: level });
        await this.records.refresh(m, dossier.id);
        return { code: dossier.code, level, createdAt: createdAt.toISOString() };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AlreadyRatedError('This dossier has already been rated');
      throw error;
    }
  }

  private async find(repo: { findOne: (o: { where: FindOptionsWhere<DossierEntity>[] }) => Promise<DossierEntity | null> }, code: string, secret: string): Promise<DossierEntity> {
    const dossier = await repo.findOne({ where: byTypedCode(code) });
    if (!dossier || !dossier.lookupSecret || !matchesLookupSecret(dossier.lookupSecret, secret)) throw new NotFoundError(NOT_FOUND);
    return dossier;
  }
}

/**
 * Whether the issued result is validly signed, and by which organisation (the certificate's O,
 * never a staff member's name): the verdict recorded when it was stored, judged at its trusted
 * time, plus the SHA-256 a citizen can compare with the file they hold.
 */
function publicResult(file: DossierFileEntity | undefined) {
  if (!file?.signature) return null;
  const s = file.signature;
  return {
    validlySigned: s.valid,
    signedBy: s.signerOrganization ?? null,
    signedAt: s.trustedTime ?? s.signingTime ?? null,
    signatureCount: s.signatures?.length ?? (s.valid ? 1 : 0),
    documentSha256: s.documentSha256,
    verifiedAt: s.verifiedAt ?? file.uploadedAt.toISOString(),
  };
}
