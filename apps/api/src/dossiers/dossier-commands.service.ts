import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { EntityManager } from 'typeorm';
import { findById, isUniqueViolation, UnitOfWork } from '@motcua/persistence';
import { chargesFee } from '@motcua/catalogue';
import { processingWorkingMinutes, STOPPED_CLOCK } from '@motcua/deadlines';
import { currentStepIndex, DossierEvent, dossierWorkflow, keepsAssignee, PersistedDossier, startDossier } from '@motcua/workflow';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import {
  BadInputError,
  ComponentsMissingError,
  ResultMissingError,
  ImportedReadOnlyError,
  DeadlineRuleError,
  IdempotencyKeyReusedError,
  NotFoundError,
  UnknownProcedureError,
} from '../common/errors';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';
import { AgencyIdentity } from '../catalogue/agency-identity';
import { DossierClock } from '../deadlines/dossier-clock.service';
import { clockColumns, clockDetails, clockOf, clockRecordWrites, persistClockRecords } from './dossier-clock.mapping';
import { canSeeDossier, toActor } from './dossier-access';
import { assigneeNames } from './assignee-names';
import { DossierCodeGenerator } from './dossier-code.generator';
import { DossierEventEntity } from './dossier-event.entity';
import { DossierEntity } from './dossier.entity';
import { DossierView, toDossierView } from './dossier.view';
import { CreateDossierDto } from './dto/create-dossier.dto';
import { DossierEventDto } from './dto/dossier-event.dto';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { DossierFileEntity } from '../files/dossier-file.entity';
import { toWorkflowEvent } from './to-workflow-event';
import { supplementComponents } from './supplement-components';
import { nameSearchKey } from './name-search';
import { normaliseIntake } from './intake-record';
import { onlineIntakeDetails, withIntake } from './online-intake';
import { instantOf } from '../common/input.decorators';
import { applyTransition } from '../workflow-records/apply-transition';
import { insertStatement } from '../workflow-records/write-batch';
import { dossierOutboxMessages, loadProcedureFacts, OutboxWriter } from '../outbox';
import { PortalRecords } from '../portal-records/portal-records.service';

/** Extra rows another module writes in the creating transaction (the portal's files and its inbound record). */
export type WithinCreate = (m: EntityManager, row: DossierEntity) => Promise<void>;

export interface CreateResult {
  dossier: DossierView;
  /** True when an earlier request with the same Idempotency-Key created it. */
  replayed: boolean;
}

/**
 * The write side of dossiers. Every command is one unit of work: read the row,
 * decide with the workflow machine, compare-and-set on `version`, append the audit
 * event. Nothing here knows HTTP.
 */
@Injectable()
export class DossierCommands {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly catalogue: CatalogueService,
    private readonly codes: DossierCodeGenerator,
    private readonly clock: DossierClock,
    private readonly agency: AgencyIdentity,
    private readonly time: Clock,
    private readonly outbox: OutboxWriter,
    private readonly records: PortalRecords,
  ) {}

  async create(user: AuthUser, dto: CreateDossierDto, idempotencyKey?: string, within?: WithinCreate): Promise<CreateResult> {
    const procedure = await this.catalogue.findCurrent(dto.procedureCode);
    if (!procedure) throw new UnknownProcedureError(`Procedure ${dto.procedureCode} does not exist`, { procedureCode: dto.procedureCode });
    const intakeRecord = dto.intake ? normaliseIntake(dto.intake, procedure.components) : null;
    const requestHash = hashRequest(dto);
    try {
      return await this.uow.run(async (m) => {
        if (idempotencyKey) {
          const earlier = await m.findOne(IdempotencyKeyEntity, { where: { userId: user.id, key: idempotencyKey } });
          if (earlier) return this.replay(m, earlier, requestHash, user);
        }
        const now = this.time.now();
        const id = randomUUID();
        // Claim the key first: a concurrent twin then fails here, before taking a code.
        if (idempotencyKey) {
          await m.insert(IdempotencyKeyEntity, { userId: user.id, key: idempotencyKey, requestHash, dossierId: id, createdAt: now });
        }
        const decision = startDossier({ channel: dto.channel, steps: procedure.steps });
        const clock = this.clock.advance(STOPPED_CLOCK, decision.effects, now, procedure.processingTime, procedure.steps);
        // Received on the spot (counter): the receipt code now. Submitted (online, postal): a submission
        // reference until ACCEPT receives it (TT 01/2018 Art 19 numbers receipts by the receipt date).
        const submissionRef = isReceipt(decision.effects) ? null : await this.codes.submissionRef(m, now);
        const row: DossierEntity = {
          id,
          code: submissionRef ?? (await this.codes.next(m, this.agency.id, now)),
          submissionRef,
          procedureVersionId: procedure.versionId,
          procedureCode: procedure.code,
          channel: dto.channel,
          state: decision.to,
          snapshot: decision.snapshot,
          machineVersion: decision.snapshot.machineVersion,
          version: 1,
          ...placement(decision.snapshot),
          assigneeId: null,
          applicantName: dto.applicant.fullName,
          applicantNameSearch: nameSearchKey(dto.applicant.fullName),
          applicantIdNumber: dto.applicant.idNumber,
          applicantPhone: dto.applicant.phone ?? null,
          applicantEmail: dto.applicant.email ?? null,
          applicantAddress: dto.applicant.address ?? null,
          intakeRecord,
          submittedAt: now,
          ...clockColumns(clock.state),
          legalAppointmentAt: clock.state.receivedAt ? clock.state.dueAt : null,
          deadlineStatus: this.clock.status(clock.state, now),
          finishedAt: null,
          digitised: false,
          reusedComponent: false,
          eResult: false,
          resultCode: null,
          resultToken: null,
          resultFileId: null,
          resultLink: null,
          lookupSecret: randomBytes(18).toString('base64url'),
          rating: null,
          feeApplies: chargesFee(procedure.fee),
          paymentMethod: null,
          imported: false,
          paperResult: procedure.paperResult,
          hasComplaint: false,
          processingWorkingMinutes: null,
          field: procedure.field,
          departmentCode: procedure.steps[0]?.departmentCode ?? null,
          createdBy: user.id,
          createdAt: now,
          updatedAt: now,
        };
        await m.insert(DossierEntity, row);
        if (within) await within(m, row);
        await persistClockRecords(m, id, clock.records, procedure.steps);
        await m.insert(DossierEventEntity, {
          id: randomUUID(),
          dossierId: id,
          version: 1,
          type: 'CREATE',
          fromState: null,
          toState: decision.to,
          stepFrom: null,
          stepTo: null,
          actorId: user.id,
          actorUsername: user.username,
          payload: { channel: dto.channel, procedureVersion: procedure.version, ...(submissionRef ? { submissionRef } : { code: row.code }) },
          details: clockDetails(clock.records, STOPPED_CLOCK, clock.state, procedure.steps),
          occurredAt: now,
        });
        // Notifications and the portal record leave only after this transaction commits (outbox).
        const facts = { ...row, procedureName: procedure.name, nationalProcedureCode: procedure.nationalCode, agencyName: this.agency.name };
        await this.outbox.enqueue(m, dossierOutboxMessages(facts, decision, this.outbox.dossierSettings));
        await this.records.refresh(m, row);
        return { dossier: toDossierView(row, user, this.config.publicBaseUrl, this.clock.lastOfficialYear), replayed: false };
      });
    } catch (error) {
      if (idempotencyKey && isUniqueViolation(error)) {
        // Lost the race to a concurrent request with the same key: answer with its dossier.
        return this.uow.read(async (m) => {
          const earlier = await m.findOneOrFail(IdempotencyKeyEntity, { where: { userId: user.id, key: idempotencyKey } });
          return this.replay(m, earlier, requestHash, user);
        });
      }
      throw error;
    }
  }

  async applyEvent(user: AuthUser, dossierId: string, dto: DossierEventDto): Promise<DossierView> {
    const event = toWorkflowEvent(dto);
    if (dto.components !== undefined && dto.type !== 'REQUEST_SUPPLEMENT') throw new BadInputError(`Event ${dto.type} does not take components`, { fields: ['components'] });
    return this.uow.run(async (m) => {
      const row = await findById(m, DossierEntity, dossierId);
      if (!row || !canSeeDossier(user, row.snapshot.context.steps)) throw new NotFoundError(`Dossier ${dossierId} not found`);
      if (row.imported) throw new ImportedReadOnlyError('Imported dossiers are read-only');
      const supplement = dto.components ? supplementComponents(dto.components, (await m.findOneByOrFail(ProcedureVersionEntity, { id: row.procedureVersionId })).components) : null;
      const now = this.time.now();
      const steps = row.snapshot.context.steps;
      const before = clockOf(row);
      let clock: ReturnType<DossierClock['advance']> | undefined;
      let apologyLate = false;
      let receiptCode: string | null = null;
      const { next, decision } = await applyTransition(m, {
        workflow: dossierWorkflow,
        entity: DossierEntity,
        row,
        expectedVersion: dto.expectedVersion,
        event,
        actor: toActor(user),
        now,
        columns: async (decision) => {
          apologyLate = this.checkClockRules(event, before, now);
          const fileFacts =
            event.type === 'COMPLETE_DIGITISATION' ? await this.digitisationFacts(m, row) : event.type === 'ISSUE_RESULT' ? await this.resultFacts(m, row) : {};
          const received = isReceipt(decision.effects);
          clock = this.clock.advance(before, decision.effects, now, received ? await processingTimeOf(m, row) : null, steps);
          // A submission received now gets its receipt code from today's sequence, in this transaction (issue #12).
          if (received && row.code === row.submissionRef) receiptCode = await this.codes.next(m, this.agency.id, now);
          return {
            ...(receiptCode ? { code: receiptCode } : {}),
            ...clockColumns(clock.state),
            // The legal appointment is the one given at receipt; later supplementations and apologies never move it.
            ...(received ? { legalAppointmentAt: clock.state.dueAt } : {}),
            deadlineStatus: this.clock.status(clock.state, now),
            finishedAt: decision.done ? now : row.finishedAt,
            processingWorkingMinutes: row.processingWorkingMinutes ?? processingWorkingMinutes(clock.state, this.clock.calendar),
            ...fileFacts,
            ...placement(decision.snapshot),
            // Whoever held the dossier holds it only at that step: forwarded, sent back or ended, it is unassigned.
            ...(keepsAssignee({ state: row.state, context: row.snapshot.context }, { state: decision.to, context: decision.snapshot.context }) ? {} : { assigneeId: null }),
          };
        },
        auditWrites: (decision, version) => {
          const { type: _type, ...payload } = event;
          return [
            ...clockRecordWrites(m, row.id, clock!.records, steps),
            insertStatement(m, DossierEventEntity, {
              id: randomUUID(),
              dossierId: row.id,
              version,
              type: event.type,
              fromState: decision.from,
              toState: decision.to,
              stepFrom: decision.stepFrom,
              stepTo: decision.stepTo,
              actorId: user.id,
              actorUsername: user.username,
              payload,
              // An online submission's accept/reject is flagged late after its intake hours (issue #16).
              details: withIntake(
                withIntake(
                  {
                    ...clockDetails(clock!.records, before, clock!.state, steps),
                    ...(event.type === 'APOLOGISE' ? { apologyLate } : {}),
                    ...(supplement ? { supplement } : {}),
                  },
                  // Both codes of a submission received now, so the history links the reference to the receipt code.
                  receiptCode ? { code: { submissionRef: row.submissionRef, receiptCode } } : {},
                ),
                onlineIntakeDetails(row, event, this.clock.calendar, this.config.online.intakeWorkingHours, now),
              ),
              occurredAt: now,
            }),
          ];
        },
      });
      const facts = { ...next, ...(await this.procedureFacts(m, row.procedureVersionId)), agencyName: this.agency.name };
      await this.outbox.enqueue(m, dossierOutboxMessages(facts, decision, this.outbox.dossierSettings));
      const pausesChanged = clock!.records.some((r) => r.kind === 'pause.opened' || r.kind === 'pause.closed');
      await this.records.refreshAfterTransition(m, row, next, pausesChanged);
      return toDossierView(next, user, this.config.publicBaseUrl, this.clock.lastOfficialYear, await assigneeNames(m, [next]));
    });
  }

  /** Procedure versions never change once written, so their names are read once per version and process. */
  private readonly procedureFactsCache = new Map<string, Awaited<ReturnType<typeof loadProcedureFacts>>>();

  private async procedureFacts(m: EntityManager, versionId: string) {
    let facts = this.procedureFactsCache.get(versionId);
    if (!facts) {
      facts = await loadProcedureFacts(m, versionId);
      this.procedureFactsCache.set(versionId, facts);
    }
    return facts;
  }

  /**
   * Digitisation is complete only when every required component has a file, scanned or
   * reused from the applicant's data store (TT 01/2023; indicators 4.2 and 4.3 read the flags set here).
   */
  private async digitisationFacts(m: EntityManager, row: DossierEntity): Promise<Pick<DossierEntity, 'digitised' | 'reusedComponent'>> {
    const version = await m.findOneByOrFail(ProcedureVersionEntity, { id: row.procedureVersionId });
    const files = await m.find(DossierFileEntity, { where: { dossierId: row.id, purpose: 'component' } });
    const present = new Set(files.map((f) => f.componentKey));
    const missing = version.components.filter((c) => c.required && !present.has(c.key));
    if (missing.length > 0) {
      throw new ComponentsMissingError(`Required components have no file yet: ${missing.map((c) => c.name).join('; ')}`, {
        missing: missing.map((c) => c.key),
      });
    }
    return { digitised: true, reusedComponent: files.some((f) => f.reusedFrom !== null) };
  }

  /**
   * ISSUE_RESULT needs a result document whose signature verified. Issuing it gives the electronic
   * result its code (MaKetQua) and the token of its public link (DuongDanTepTinKetQua): both travel
   * in the portal record (indicators 3.3, 4.1, 4.2, DOMAIN.md §1.5).
   */
  private async resultFacts(m: EntityManager, row: DossierEntity): Promise<Pick<DossierEntity, 'eResult' | 'resultCode' | 'resultToken' | 'resultFileId'>> {
    const results = await m.find(DossierFileEntity, { where: { dossierId: row.id, purpose: 'result' }, order: { uploadedAt: 'DESC' } });
    const signed = results.find((f) => f.signature?.valid);
    if (!signed) {
      throw new ResultMissingError('Attach the signed result document (POST /api/dossiers/:id/result) before issuing the result');
    }
    return { eResult: true, resultCode: `KQ-${row.code}`, resultToken: randomBytes(24).toString('base64url'), resultFileId: signed.id };
  }

  /**
   * Time rules the machine cannot see: an apology must move the appointment later. Returns whether
   * the apology came later than the lead time before the due time (recorded and counted, not refused).
   */
  private checkClockRules(event: DossierEvent, clock: ReturnType<typeof clockOf>, now: Date): boolean {
    if (event.type !== 'APOLOGISE') return false;
    const check = this.clock.checkApology(clock, now, instantOf(event.newAppointment));
    if (!check.ok) throw new DeadlineRuleError(check.message, { rule: check.code });
    return check.late;
  }

  private async replay(m: EntityManager, earlier: IdempotencyKeyEntity, requestHash: string, user: AuthUser): Promise<CreateResult> {
    if (earlier.requestHash !== requestHash) {
      throw new IdempotencyKeyReusedError('This Idempotency-Key was already used with a different request body');
    }
    const row = await m.findOneByOrFail(DossierEntity, { id: earlier.dossierId });
    return { dossier: toDossierView(row, user, this.config.publicBaseUrl, this.clock.lastOfficialYear), replayed: true };
  }
}

/** Whether a decision receives the dossier (issues the receipt and starts the clock). */
function isReceipt(effects: readonly { type: string }[]): boolean {
  return effects.some((e) => e.type === 'dossier.received');
}

async function processingTimeOf(m: EntityManager, row: DossierEntity): Promise<{ amount: number; unit: string } | null> {
  const v = await m.findOneByOrFail(ProcedureVersionEntity, { id: row.procedureVersionId });
  return v.processingAmount !== null && v.processingUnit !== null ? { amount: v.processingAmount, unit: v.processingUnit } : null;
}

/** Where the dossier sits: the current step and its department while it is being processed. */
function placement(snapshot: PersistedDossier): Pick<DossierEntity, 'currentStepIndex' | 'currentDepartmentCode'> {
  const index = currentStepIndex(snapshot.value, snapshot.context);
  return { currentStepIndex: index, currentDepartmentCode: index === null ? null : snapshot.context.steps[index].departmentCode };
}

function hashRequest(dto: CreateDossierDto): string {
  const canonical = JSON.stringify({
    procedureCode: dto.procedureCode,
    channel: dto.channel,
    applicant: [dto.applicant.fullName, dto.applicant.idNumber, dto.applicant.phone ?? null, dto.applicant.email ?? null, dto.applicant.address ?? null],
    ...(dto.intake ? { intake: dto.intake } : {}),
  });
  return createHash('sha256').update(canonical).digest('hex');
}
