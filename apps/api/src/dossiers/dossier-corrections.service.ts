import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@motcua/persistence';
import { END_STATES } from '@motcua/workflow';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { AppError, ImportedReadOnlyError, NotFoundError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { PortalRecords } from '../portal-records/portal-records.service';
import { canSeeDossier } from './dossier-access';
import { CorrectApplicantDto } from './dossier-corrections';
import { assigneeNames } from './assignee-names';
import { recordCorrection } from './correction-event';
import { DossierEntity } from './dossier.entity';
import { DossierView, toDossierView } from './dossier.view';
import { nameSearchKey } from './name-search';

/** After the result is issued the applicant's data is what the result was issued to: no more edits. */
export class CorrectionClosedError extends AppError {
  readonly status = 409;
  readonly code = 'CORRECTION_CLOSED';
}

const APPLICANT_COLUMNS = ['applicantName', 'applicantIdNumber', 'applicantPhone', 'applicantEmail', 'applicantAddress'] as const;

@Injectable()
export class DossierCorrections {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly time: Clock,
    private readonly records: PortalRecords,
  ) {}

  /** Corrects the applicant's data before the result: one transaction, version checked, the change and its reason in the history. */
  async correctApplicant(user: AuthUser, id: string, dto: CorrectApplicantDto): Promise<DossierView> {
    const now = this.time.now();
    return this.uow.run(async (m) => {
      const row = await m.findOne(DossierEntity, { where: { id } });
      if (!row || !canSeeDossier(user, row.snapshot.context.steps)) throw new NotFoundError(`Dossier ${id} not found`);
      if (row.imported) throw new ImportedReadOnlyError('Imported dossiers are read-only');
      if (row.state === 'result_issued' || END_STATES.includes(row.state)) {
        throw new CorrectionClosedError(`The dossier is ${row.state}: its applicant data can no longer be corrected`);
      }
      const a = dto.applicant;
      const after = { applicantName: a.fullName, applicantIdNumber: a.idNumber, applicantPhone: a.phone ?? null, applicantEmail: a.email ?? null, applicantAddress: a.address ?? null };
      const changes: Record<string, [unknown, unknown]> = {};
      for (const key of APPLICANT_COLUMNS) if (row[key] !== after[key]) changes[key] = [row[key], after[key]];
      if (Object.keys(changes).length === 0) return toDossierView(row, user, this.config.publicBaseUrl, undefined, await assigneeNames(m, [row]));
      const columns = { ...after, applicantNameSearch: nameSearchKey(a.fullName) };
      const version = await recordCorrection(m, row, dto.expectedVersion, user, 'CORRECT_APPLICANT', { reason: dto.reason, changes }, now, columns);
      const next = { ...row, ...columns, version, updatedAt: now };
      await this.records.refresh(m, next);
      return toDossierView(next, user, this.config.publicBaseUrl, undefined, await assigneeNames(m, [next]));
    });
  }
}
