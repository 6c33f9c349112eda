import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { chargesFee } from '@motcua/catalogue';
import { clockFromHistory, pauseMinutes, processingWorkingMinutes } from '@motcua/deadlines';
import { clockColumns } from '../dossiers/dossier-clock.mapping';
import { UnitOfWork } from '@motcua/persistence';
import { DOSSIER_MACHINE_VERSION, DossierState, PersistedDossier } from '@motcua/workflow';
import { AuthUser } from '../common/auth.decorators';
import { AppError } from '../common/errors';
import { CatalogueService, ProcedureView } from '../catalogue/catalogue.service';
import { DossierClock } from '../deadlines/dossier-clock.service';
import { DossierEventEntity } from '../dossiers/dossier-event.entity';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossierPauseEntity } from '../dossiers/dossier-pause.entity';
import { PortalRecords } from '../portal-records/portal-records.service';
import { DossierRatingEntity } from '../ratings/dossier-rating.entity';
import { ImportLine, ImportProblem, parseImportLine } from './import-line';

export class ImportRejectedError extends AppError {
  readonly status = 422;
  readonly code = 'IMPORT_REJECTED';
}

const MAX_REPORTED_PROBLEMS = 1000;

/**
 * Historical import from the previous system: every line is validated first, then all
 * are written in one transaction or none. Imported dossiers are read-only and count in
 * the indicators like live ones.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalogue: CatalogueService,
    private readonly clock: DossierClock,
    private readonly records: PortalRecords,
  ) {}

  async importNdjson(user: AuthUser, body: string): Promise<{ imported: number }> {
    const procedures = new Map((await this.catalogue.listProcedures()).map((p) => [p.code, p]));
    const lines = body.split(/\r?\n/);
    const problems: ImportProblem[] = [];
    const parsed: ImportLine[] = [];
    const seen = new Map<string, number>();
    lines.forEach((text, i) => {
      if (text.trim() === '') return;
      const r = parseImportLine(text, i + 1, (code) => procedures.has(code));
      problems.push(...r.problems);
      if (!r.value) return;
      const earlier = seen.get(r.value.code);
      if (earlier !== undefined) problems.push({ line: i + 1, field: 'code', message: `duplicate of line ${earlier}` });
      seen.set(r.value.code, i + 1);
      parsed.push(r.value);
    });
    if (parsed.length === 0 && problems.length === 0) throw new ImportRejectedError('The file has no dossiers', { problems: [] });
    const existing = await this.uow.read((m) =>
      parsed.length ? m.find(DossierEntity, { where: { code: In(parsed.map((p) => p.code)) }, select: { code: true } }) : Promise.resolve([]),
    );
    for (const e of existing) problems.push({ line: seen.get(e.code)!, field: 'code', message: 'a dossier with this code already exists' });
    if (problems.length > 0) {
      problems.sort((a, b) => a.line - b.line);
      throw new ImportRejectedError(`${problems.length} problem(s) found; nothing was imported`, { problems: problems.slice(0, MAX_REPORTED_PROBLEMS), total: problems.length });
    }
    const now = new Date();
    const rows = parsed.map((line) => this.toRow(line, procedures.get(line.procedureCode)!, user, now));
    await this.uow.run(async (m) => {
      for (let i = 0; i < rows.length; i += 200) {
        const batch = rows.slice(i, i + 200);
        // Taken before the insert: TypeORM writes the columns it reads back after a multi-row insert on SQLite into the
        // entities by position, and the rows do not come back in the order they went in.
        const ids = batch.map((b) => b.dossier.id);
        await m.getRepository(DossierEntity).insert(batch.map((b) => b.dossier) as never);
        await m.getRepository(DossierEventEntity).insert(batch.map((b) => b.event) as never);
        const ratings = batch.filter((b) => b.rating).map((b) => b.rating!);
        if (ratings.length) await m.insert(DossierRatingEntity, ratings);
        const pauses = batch.flatMap((b) => b.pauses);
        if (pauses.length) await m.insert(DossierPauseEntity, pauses);
        // The portal record of each imported dossier: what the indicators count, and what the portal receives.
        for (const id of ids) await this.records.refresh(m, id);
      }
    });
    return { imported: rows.length };
  }

  private toRow(line: ImportLine, procedure: ProcedureView, user: AuthUser, now: Date) {
    const calendar = this.clock.calendar;
    const ended = line.outcome !== 'processing';
    // The file's dueAt is the appointment given at receipt; the clock rules (pauses, ended while paused, outcome) are the live ones.
    const clock = clockFromHistory({ receivedAt: line.receivedAt, dueAt: line.dueAt, supplements: line.supplements, endedAt: ended ? line.finishedAt : null }, calendar);
    const state: DossierState = ended ? line.outcome : clock.pausedAt ? 'awaiting_supplement' : 'processing';
    const snapshot: PersistedDossier = {
      machineVersion: DOSSIER_MACHINE_VERSION,
      value: state,
      context: {
        channel: line.channel,
        steps: procedure.steps,
        stepIndex: ended ? null : 0,
        supplementRequests: line.supplements.length,
        resumeTo: state === 'awaiting_supplement' ? 'processing' : null,
        apologised: false,
      },
      status: ended ? 'done' : 'active',
    };
    const id = randomUUID();
    const dossier: DossierEntity = {
      id,
      code: line.code,
      procedureVersionId: procedure.versionId,
      procedureCode: procedure.code,
      channel: line.channel,
      state,
      snapshot,
      machineVersion: DOSSIER_MACHINE_VERSION,
      version: 1,
      currentStepIndex: ended ? null : 0,
      currentDepartmentCode: ended ? null : (procedure.steps[0]?.departmentCode ?? null),
      applicantName: 'Hồ sơ nhập từ hệ thống cũ',
      applicantIdNumber: '',
      applicantPhone: null,
      applicantEmail: null,
      applicantAddress: null,
      submittedAt: line.receivedAt,
      ...clockColumns(clock),
      // The file's dueAt is the appointment given at receipt: the legal one (DOMAIN.md §1.5).
      legalAppointmentAt: line.dueAt,
      deadlineStatus: null,
      finishedAt: ended ? line.finishedAt : null,
      digitised: line.digitised,
      reusedComponent: false,
      eResult: line.eResult,
      resultCode: line.resultCode,
      resultToken: null,
      resultFileId: null,
      resultLink: line.resultLink,
      rating: line.rating,
      // The fee flag comes from the procedure, as for a live dossier (indicator 3.6's denominator).
      feeApplies: chargesFee(procedure.fee),
      paymentMethod: importedPayment(line.paidOnline),
      imported: true,
      paperResult: procedure.paperResult,
      hasComplaint: false,
      processingWorkingMinutes: processingWorkingMinutes(clock, calendar),
      field: procedure.field,
      departmentCode: procedure.steps[0]?.departmentCode ?? null,
      lookupSecret: null,
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    };
    const event: DossierEventEntity = {
      id: randomUUID(),
      dossierId: id,
      version: 1,
      type: 'IMPORT',
      fromState: null,
      toState: state,
      stepFrom: null,
      stepTo: null,
      actorId: user.id,
      actorUsername: user.username,
      payload: { source: 'import', outcome: line.outcome, supplements: line.supplements.length },
      details: null,
      occurredAt: now,
    };
    const rating: DossierRatingEntity | null = line.rating ? { dossierId: id, level: line.rating, comment: null, createdAt: line.finishedAt ?? now } : null;
    // The supplementation requests as pause intervals, like a live dossier's (the record lists them).
    const pauses: DossierPauseEntity[] = line.supplements.map((p) => ({
      id: randomUUID(),
      dossierId: id,
      startedAt: p.requestedAt,
      endedAt: p.completedAt ?? (ended ? clock.processingEndedAt : null),
      workingMinutes: p.completedAt ? pauseMinutes(p.requestedAt, p.completedAt, calendar) : ended ? 0 : null,
      reason: 'Nhập từ hệ thống cũ',
    }));
    return { dossier, event, rating, pauses };
  }
}

/** An imported payment keeps its channel: the national platform (code 1) or the province's portal (code 2). */
function importedPayment(paid: ImportLine['paidOnline']): DossierEntity['paymentMethod'] {
  if (paid === null) return null;
  if (paid === 'national') return 'national_portal';
  if (paid === 'provincial') return 'provincial_portal';
  return paid ? 'online_unspecified' : 'counter';
}
