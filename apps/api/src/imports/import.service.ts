import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { once } from 'node:events';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { chargesFee } from '@motcua/catalogue';
import { clockFromHistory, pauseMinutes, processingWorkingMinutes } from '@motcua/deadlines';
import { clockColumns } from '../dossiers/dossier-clock.mapping';
import { bulkInsert, UnitOfWork } from '@motcua/persistence';
import { DOSSIER_MACHINE_VERSION, DossierState, PersistedDossier } from '@motcua/workflow';
import { AuthUser } from '../common/auth.decorators';
import { AppError } from '../common/errors';
import { CatalogueService, ProcedureView } from '../catalogue/catalogue.service';
import { AgencyIdentity } from '../catalogue/agency-identity';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { DossierClock } from '../deadlines/dossier-clock.service';
import { DossierEventEntity } from '../dossiers/dossier-event.entity';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossierPauseEntity } from '../dossiers/dossier-pause.entity';
import { nameSearchKey } from '../dossiers/name-search';
import { PortalRecords } from '../portal-records/portal-records.service';
import { DossierRatingEntity } from '../ratings/dossier-rating.entity';
import { ImportLine, ImportProblem, ImportRules, parseImportLine } from './import-line';
import { IMPORT_MAX_LINE_BYTES, ndjsonLines } from './ndjson-body';

export class ImportRejectedError extends AppError {
  readonly status = 422;
  readonly code = 'IMPORT_REJECTED';
}

/**
 * What an import would do (a dry run): lines read, valid, new dossiers, open imported dossiers
 * closed; the problems by line (the first ones) and how many there are in all. The import itself
 * answers `{ imported, closed }`.
 */
export interface ImportPreview {
  dryRun: true;
  read: number;
  valid: number;
  imported: number;
  closed: number;
  problems: ImportProblem[];
  totalProblems: number;
}

/** Problems listed in the answer; the rest are only counted. */
const MAX_REPORTED_PROBLEMS = 1000;
/** Codes looked up in the database at once, and lines converted and inserted at once. */
const BATCH = 200;
const IMPORTED_APPLICANT_NAME = 'Hồ sơ nhập từ hệ thống cũ';

/** States of an imported dossier still in processing: a later line for its code closes it. */
const OPEN_STATES: readonly string[] = ['processing', 'awaiting_supplement'];

/** What the first pass learnt: the problems (the first ones, and how many), and where the valid lines wait. */
class FirstPass {
  readonly problems: ImportProblem[] = [];
  total = 0;
  /** Valid lines. */
  lines = 0;
  /** Non-blank lines read, valid or not. */
  read = 0;
  /** Line of each valid code so far, for duplicates within the file. */
  readonly lineOfCode = new Map<string, number>();
  /** Codes of imported dossiers still open that a line of this file closes. */
  readonly closing = new Set<string>();
  constructor(readonly spool: WriteStream) {}

  report(problem: ImportProblem): void {
    this.total += 1;
    if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push(problem);
  }
}

/**
 * Historical import from the previous system: every line is validated first, then all
 * are written in one transaction or none. Imported dossiers are read-only and count in
 * the indicators like live ones.
 *
 * The body is read as a stream, one line at a time (issue #14, D9): the first pass validates each
 * line, keeping only the codes seen (duplicates), the first problems and a count of the others,
 * and writes the valid lines to a spool file in DATA_DIR; the second pass, only when no line has a
 * problem, reads the spool back in batches inside the one transaction. Memory does not grow with
 * the file; the transaction is not open while the client is still sending.
 *
 * A dossier imported while still in processing is closed by a later import line for the same code
 * with its outcome (issue #11: it would otherwise stay open, and late, forever): the row, its
 * supplementation history and its portal record are rebuilt from the new line, as one more version.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalogue: CatalogueService,
    private readonly clock: DossierClock,
    private readonly agency: AgencyIdentity,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly records: PortalRecords,
  ) {}

  /**
   * Imports the file, or with `dryRun` only reports what it would do: the same validation (one code
   * path), the problems by line instead of a refusal, nothing written.
   */
  async importNdjson(user: AuthUser, body: Readable, options: { dryRun?: boolean } = {}): Promise<ImportPreview | { imported: number; closed: number }> {
    const procedures = new Map((await this.catalogue.listProcedures()).map((p) => [p.code, p]));
    const dir = join(this.config.dataDir, 'tmp');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const spoolPath = join(dir, `import-${randomUUID()}.ndjson`);
    const pass = new FirstPass(createWriteStream(spoolPath, { mode: 0o600 }));
    try {
      await this.validate(body, pass, { procedureExists: (code) => procedures.has(code), isLiveCode: liveCodeTest(this.agency.id) });
      if (pass.lines === 0 && pass.total === 0) throw new ImportRejectedError('The file has no dossiers', { problems: [] });
      if (options.dryRun) {
        return { dryRun: true, read: pass.read, valid: pass.lines, imported: pass.lines - pass.closing.size, closed: pass.closing.size, problems: pass.problems, totalProblems: pass.total };
      }
      if (pass.total > 0) {
        throw new ImportRejectedError(`${pass.total} problem(s) found; nothing was imported`, { problems: pass.problems, total: pass.total });
      }
      const now = new Date();
      await this.uow.run(async (m) => {
        let batch: ImportLine[] = [];
        for await (const { text, number } of ndjsonLines(createReadStream(spoolPath), Infinity, IMPORT_MAX_LINE_BYTES)) {
          const { value } = parseImportLine(text!, number, { procedureExists: () => true, isLiveCode: () => false });
          batch.push(value!);
          if (batch.length === BATCH) {
            await this.write(m, batch, pass.closing, procedures, user, now);
            batch = [];
          }
        }
        if (batch.length) await this.write(m, batch, pass.closing, procedures, user, now);
      });
      return { imported: pass.lines - pass.closing.size, closed: pass.closing.size };
    } finally {
      pass.spool.destroy();
      rmSync(spoolPath, { force: true });
    }
  }

  private async validate(body: Readable, pass: FirstPass, rules: ImportRules): Promise<void> {
    // Valid lines whose codes are still to be looked up in the database.
    let unchecked: Array<{ code: string; line: number; procedureCode: string; ends: boolean }> = [];
    const checkExisting = async () => {
      const codes = unchecked;
      unchecked = [];
      if (codes.length === 0) return;
      const existing = await this.uow.read((m) =>
        m.find(DossierEntity, { where: { code: In(codes.map((c) => c.code)) }, select: { code: true, imported: true, state: true, procedureCode: true } }),
      );
      const byCode = new Map(existing.map((e) => [e.code, e]));
      for (const c of codes) {
        const found = byCode.get(c.code);
        if (!found) continue;
        if (!found.imported || !OPEN_STATES.includes(found.state)) pass.report({ line: c.line, field: 'code', message: 'a dossier with this code already exists' });
        else if (!c.ends) pass.report({ line: c.line, field: 'outcome', message: 'the imported dossier with this code is still in processing: a new line for it must give its outcome' });
        else if (found.procedureCode !== c.procedureCode) pass.report({ line: c.line, field: 'procedureCode', message: `differs from the imported dossier it closes (${found.procedureCode})` });
        else pass.closing.add(c.code);
      }
    };
    for await (const { text, number } of ndjsonLines(body)) {
      if (text === null) {
        pass.read += 1;
        pass.report({ line: number, field: null, message: `is longer than ${IMPORT_MAX_LINE_BYTES} bytes` });
        continue;
      }
      if (text.trim() === '') continue;
      pass.read += 1;
      const r = parseImportLine(text, number, rules);
      for (const problem of r.problems) pass.report(problem);
      if (!r.value) continue;
      const earlier = pass.lineOfCode.get(r.value.code);
      if (earlier !== undefined) {
        pass.report({ line: number, field: 'code', message: `duplicate of line ${earlier}` });
        continue;
      }
      pass.lineOfCode.set(r.value.code, number);
      pass.lines += 1;
      unchecked.push({ code: r.value.code, line: number, procedureCode: r.value.procedureCode, ends: r.value.outcome !== 'processing' });
      if (unchecked.length === BATCH) await checkExisting();
      // Once a problem is known nothing will be imported: the rest is only validated.
      if (pass.total === 0 && !pass.spool.write(`${text}\n`)) await once(pass.spool, 'drain');
    }
    await checkExisting();
    pass.spool.end();
    await once(pass.spool, 'finish');
    pass.problems.sort((a, b) => a.line - b.line);
  }

  /** New dossiers in bulk; lines closing an open imported dossier one by one. Every dossier's portal record follows. */
  private async write(m: EntityManager, lines: ImportLine[], closing: ReadonlySet<string>, procedures: Map<string, ProcedureView>, user: AuthUser, now: Date): Promise<void> {
    const rows = lines.filter((l) => !closing.has(l.code)).map((line) => this.toRow(line, procedures.get(line.procedureCode)!, user, now));
    await bulkInsert(m, DossierEntity, rows.map((r) => r.dossier));
    await bulkInsert(m, DossierEventEntity, rows.map((r) => r.event));
    await bulkInsert(m, DossierRatingEntity, rows.filter((r) => r.rating).map((r) => r.rating!));
    await bulkInsert(m, DossierPauseEntity, rows.flatMap((r) => r.pauses));
    // The portal record of each imported dossier: what the indicators count, and what the portal receives.
    for (const r of rows) await this.records.refresh(m, r.dossier.id);
    for (const line of lines.filter((l) => closing.has(l.code))) await this.close(m, line, procedures.get(line.procedureCode)!, user, now);
  }

  /** Closes an imported dossier still in processing with the outcome a later line gives: one more version, audited. */
  private async close(m: EntityManager, line: ImportLine, procedure: ProcedureView, user: AuthUser, now: Date): Promise<void> {
    const current = await m.findOneOrFail(DossierEntity, { where: { code: line.code } });
    if (!current.imported || !OPEN_STATES.includes(current.state)) {
      throw new ImportRejectedError(`Dossier ${line.code} changed while the file was imported; nothing was imported`, { problems: [] });
    }
    const next = this.toRow(line, procedure, user, now, { id: current.id, version: current.version + 1 });
    const { id: _id, code: _code, createdBy: _by, createdAt: _at, ...columns } = next.dossier;
    const updated = await m.update(DossierEntity, { id: current.id, version: current.version }, columns);
    if (updated.affected !== 1) throw new ImportRejectedError(`Dossier ${line.code} changed while the file was imported; nothing was imported`, { problems: [] });
    await m.delete(DossierPauseEntity, { dossierId: current.id });
    await bulkInsert(m, DossierPauseEntity, next.pauses);
    await m.insert(DossierEventEntity, { ...next.event, fromState: current.state, payload: { ...next.event.payload, closes: true } });
    if (next.rating && !(await m.findOne(DossierRatingEntity, { where: { dossierId: current.id } }))) await m.insert(DossierRatingEntity, next.rating);
    await this.records.refresh(m, current.id);
  }

  private toRow(line: ImportLine, procedure: ProcedureView, user: AuthUser, now: Date, existing: { id: string; version: number } = { id: randomUUID(), version: 1 }) {
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
    const { id, version } = existing;
    const dossier: DossierEntity = {
      id,
      code: line.code,
      submissionRef: null,
      procedureVersionId: procedure.versionId,
      procedureCode: procedure.code,
      channel: line.channel,
      state,
      snapshot,
      machineVersion: DOSSIER_MACHINE_VERSION,
      version,
      currentStepIndex: ended ? null : 0,
      currentDepartmentCode: ended ? null : (procedure.steps[0]?.departmentCode ?? null),
      assigneeId: null,
      applicantName: IMPORTED_APPLICANT_NAME,
      applicantNameSearch: nameSearchKey(IMPORTED_APPLICANT_NAME),
      applicantIdNumber: '',
      applicantPhone: null,
      applicantEmail: null,
      applicantAddress: null,
      intakeRecord: null,
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
      version,
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

/** Whether a code has the form of the codes this service issues, `<agency>-YYMMDD-NNNN` (see DossierCodeGenerator). */
function liveCodeTest(agencyId: string): (code: string) => boolean {
  const pattern = new RegExp(`^${agencyId.replace(/[.]/g, '\\.')}-\\d{6}-\\d{4,}$`, 'i');
  return (code) => pattern.test(code);
}
