import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { UnitOfWork } from '@motcua/persistence';
import { allowedEvents } from '@motcua/workflow';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { AppError, ImportedReadOnlyError, NotFoundError } from '../common/errors';
import { NameText } from '../common/input.decorators';
import { canSeeDossier, toActor } from '../dossiers/dossier-access';
import { recordCorrection } from '../dossiers/correction-event';
import { DossierEntity } from '../dossiers/dossier.entity';
import { PortalRecords } from '../portal-records/portal-records.service';
import { DossierFileEntity } from './dossier-file.entity';
import { FileView, toFileView } from './file.view';
import { OPEN_FOR_COMPONENTS } from './files.service';

export class RemoveFileDto {
  @ApiProperty({ example: 4, description: 'The dossier version the user saw' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ example: 'Quét nhầm trang của hồ sơ khác' })
  @NameText(500)
  reason!: string;
}

/** The file cannot be removed now (an issued result, a generated form, a dossier past digitisation…). */
export class FileNotRemovableError extends AppError {
  readonly status = 409;
  readonly code = 'FILE_NOT_REMOVABLE';
}

/**
 * Removing a wrong scan (the counter, while components may still be added) or a result not yet issued
 * (whoever may issue it now). Nothing is deleted: the file row becomes `removed` with who, when and
 * why, its bytes stay in storage, and the dossier's history gets a REMOVE_FILE entry (one
 * transaction, the dossier's version checked and raised).
 */
@Injectable()
export class FileRemoval {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly time: Clock,
    private readonly records: PortalRecords,
  ) {}

  async remove(user: AuthUser, fileId: string, dto: RemoveFileDto): Promise<FileView> {
    const now = this.time.now();
    return this.uow.run(async (m) => {
      const file = await m.findOne(DossierFileEntity, { where: { id: fileId } });
      const dossier = file ? await m.findOne(DossierEntity, { where: { id: file.dossierId } }) : null;
      if (!file || !dossier || !canSeeDossier(user, dossier.snapshot.context.steps)) throw new NotFoundError(`File ${fileId} not found`);
      if (dossier.imported) throw new ImportedReadOnlyError('Imported dossiers are read-only');
      this.checkRemovable(user, file, dossier);
      const payload = { reason: dto.reason, fileId: file.id, fileName: file.fileName, purpose: file.purpose, ...(file.componentKey ? { componentKey: file.componentKey } : {}) };
      await recordCorrection(m, dossier, dto.expectedVersion, user, 'REMOVE_FILE', payload, now);
      const removed = { purpose: 'removed' as const, removedFrom: file.purpose, removedAt: now, removedBy: user.id, removedReason: dto.reason };
      await m.update(DossierFileEntity, { id: file.id }, removed);
      await this.records.refresh(m, dossier.id);
      return toFileView({ ...file, ...removed });
    });
  }

  private checkRemovable(user: AuthUser, file: DossierFileEntity, dossier: DossierEntity): void {
    if (file.purpose === 'component') {
      if (!user.roles.includes('clerk')) throw new FileNotRemovableError('Only the one-stop unit removes component scans');
      if (!OPEN_FOR_COMPONENTS.has(dossier.state)) throw new FileNotRemovableError(`Component scans are fixed once the dossier is ${dossier.state}`);
      return;
    }
    if (file.purpose === 'result') {
      if (dossier.resultFileId === file.id) throw new FileNotRemovableError('An issued result cannot be removed');
      if (!allowedEvents(dossier.snapshot, toActor(user)).includes('ISSUE_RESULT')) {
        throw new FileNotRemovableError('Only whoever may issue the result now can remove a result file');
      }
      return;
    }
    throw new FileNotRemovableError(`A ${file.purpose} file cannot be removed`);
  }
}
