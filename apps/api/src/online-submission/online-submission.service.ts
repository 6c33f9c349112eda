import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, In, IsNull, LessThan } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import { cleanIdNumber } from '@motcua/text';
import type { ObjectStorage } from '@motcua/storage';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { AppError, BadInputError, ComponentsMissingError, NotFoundError } from '../common/errors';
import { publicLookupUrl } from '../common/public-lookup-url';
import { sameSecret } from '../common/secrets';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { AgencyIdentity } from '../catalogue/agency-identity';
import { CatalogueService, ProcedureView } from '../catalogue/catalogue.service';
import { DossierCommands } from '../dossiers/dossier-commands.service';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossierFileEntity } from '../files/dossier-file.entity';
import { UnknownComponentError } from '../files/files.service';
import { electronicComponentRow } from '../files/electronic-copy';
import { OBJECT_STORAGE } from '../files/object-storage.provider';
import { prepareUpload, storedFileName, storePrepared } from '../files/upload-stream';
import { IdentityService } from '../identity/identity.service';
import { DOSSIER_AGGREGATE, OutboxMessageInput, OutboxWriter } from '../outbox';
import { OnlineSubmissionEntity, OnlineSubmissionFileEntity } from './online-submission.entity';
import { CitizenApplicantDto, StartSubmissionDto } from './online-submission.dto';

export class ProcedureNotOnlineError extends AppError {
  readonly status = 422;
  readonly code = 'PROCEDURE_NOT_ONLINE';
}

export class SubmissionExpiredError extends AppError {
  readonly status = 410;
  readonly code = 'SUBMISSION_EXPIRED';
}

export class SubmissionConfirmedError extends AppError {
  readonly status = 409;
  readonly code = 'SUBMISSION_CONFIRMED';
}

/** The applicant's ID number is not the one the identity provider gave for the signed-in citizen. */
export class IdentityMismatchError extends AppError {
  readonly status = 422;
  readonly code = 'IDENTITY_MISMATCH';
}

export class ProcedureChangedError extends AppError {
  readonly status = 409;
  readonly code = 'PROCEDURE_CHANGED';
}

/** Who acts for an online submission: the citizen, who has no staff account (files and events say "citizen"). */
export const CITIZEN = 'citizen';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A procedure as the citizen chooses it: what it is, what it costs, what to upload. */
export interface OnlineProcedure {
  code: string;
  name: string;
  field: string;
  onlineLevel: string;
  processingTime: { amount: number; unit: string } | null;
  fee: { amountVnd: number | null; text: string | null };
  components: Array<{ key: string; name: string; required: boolean }>;
}

export interface SubmissionFileView {
  componentKey: string;
  fileName: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

/** What the citizen keeps: the reference to quote and the secret of the lookup (also sent by e-mail/SMS). */
export interface ConfirmedSubmission {
  /** The dossier's reference as the API gives it (its code); never built by the client. */
  reference: string;
  secret: string;
  lookupUrl: string | null;
  state: string;
  submittedAt: string;
  procedureName: string;
  /** The submission had been confirmed before: the same answer, nothing new stored. */
  replayed: boolean;
}

/**
 * The citizen's online submission (issue #16) in three steps, so that large scans go one by one with
 * progress and a failure never leaves half a dossier:
 * 1. `start`: the procedure (one the catalogue offers online) and the applicant → a draft and a token;
 * 2. `upload`: one file per component, through the counter's checks (type from the bytes, a whole
 *    PDF, MAX_UPLOAD_BYTES, SHA-256 — files/upload-stream.ts); a new upload replaces the component's file;
 * 3. `confirm`: in ONE transaction the dossier is created in `submitted` with channel online (as the
 *    national portal's, DossierCommands.create), its file rows, the draft marked with the dossier,
 *    and the e-mail/SMS with the reference and the secret queued in the outbox.
 * A draft never confirmed is removed with its files after ONLINE_SUBMISSION_DRAFT_HOURS (`sweep`).
 */
@Injectable()
export class OnlineSubmissionService {
  private readonly logger = new Logger('OnlineSubmission');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalogue: CatalogueService,
    private readonly dossiers: DossierCommands,
    private readonly outbox: OutboxWriter,
    private readonly agency: AgencyIdentity,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly time: Clock,
    private readonly identity: IdentityService,
  ) {}

  /** The procedures a citizen can submit online: those the catalogue marks online, partial or full-process. */
  async onlineProcedures(): Promise<OnlineProcedure[]> {
    const all = await this.catalogue.listProcedures();
    return all.filter((p) => p.onlineLevel !== null).map(toOnlineProcedure);
  }

  async start(dto: StartSubmissionDto): Promise<{ id: string; token: string; expiresAt: string; procedure: OnlineProcedure }> {
    if (!dto.applicant.phone && !dto.applicant.email) throw new BadInputError('Give a phone number or an e-mail address: the reference and the secret are sent there', { field: 'applicant.phone' });
    // Signed in: a valid citizen token (401 otherwise), whose ID number, when it has one, is the applicant's.
    const signedIn = dto.identityToken === undefined ? null : this.identity.verifyCitizenToken(dto.identityToken);
    if (signedIn?.idNumber && signedIn.idNumber !== cleanIdNumber(dto.applicant.idNumber)) {
      throw new IdentityMismatchError("The applicant's ID number is not the one of the signed-in citizen", { field: 'applicant.idNumber' });
    }
    const procedure = await this.onlineProcedure(dto.procedureCode);
    const token = randomBytes(24).toString('base64url');
    const now = this.time.now();
    const row: OnlineSubmissionEntity = {
      id: randomUUID(),
      tokenHash: hashToken(token),
      procedureCode: procedure.code,
      procedureVersionId: procedure.versionId,
      ...applicantColumns(dto.applicant),
      identityVerified: signedIn !== null,
      dossierId: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.online.submissionDraftHours * 3600_000),
      confirmedAt: null,
    };
    await this.uow.run((m) => m.insert(OnlineSubmissionEntity, row));
    return { id: row.id, token, expiresAt: row.expiresAt.toISOString(), procedure: toOnlineProcedure(procedure) };
  }

  /** The draft's files so far (a page reloaded mid-way shows what is already sent). */
  async files(id: string, token: string): Promise<SubmissionFileView[]> {
    return this.uow.read(async (m) => {
      const draft = await this.draft(m, id, token);
      const files = await m.find(OnlineSubmissionFileEntity, { where: { submissionId: draft.id }, order: { uploadedAt: 'ASC' } });
      return files.map(fileView);
    });
  }

  async upload(id: string, token: string, componentKey: string, upload: { stream: Readable; fileName: string }): Promise<SubmissionFileView> {
    let draft: OnlineSubmissionEntity;
    try {
      draft = await this.uow.read((m) => this.openDraft(m, id, token));
      const procedure = await this.catalogue.getCurrent(draft.procedureCode);
      if (!procedure.components.some((c) => c.key === componentKey)) {
        throw new UnknownComponentError(`Procedure ${procedure.code} has no component "${componentKey}"`, { components: procedure.components.map((c) => c.key) });
      }
    } catch (error) {
      upload.stream.destroy();
      throw error;
    }
    const prepared = await prepareUpload(upload.stream, this.config.maxUploadBytes);
    const fileId = randomUUID();
    // Not under dossiers/: the orphan sweep there would take a draft's file; `sweep` below looks after these.
    const storageKey = `submissions/${draft.id}/${fileId}.${prepared.extension}`;
    await storePrepared(this.storage, storageKey, prepared);
    let replaced: string | null = null;
    try {
      prepared.assertComplete();
      const row: OnlineSubmissionFileEntity = {
        id: fileId,
        submissionId: draft.id,
        componentKey,
        storageKey,
        fileName: storedFileName(upload.fileName, prepared.contentType),
        contentType: prepared.contentType,
        size: prepared.meter.bytes,
        sha256: prepared.meter.sha256Hex,
        uploadedAt: this.time.now(),
      };
      await this.uow.run(async (m) => {
        // Again inside the transaction: the draft may have been confirmed while the file streamed.
        await this.openDraft(m, id, token);
        // And hold its row (as `confirm` does), so a confirmation cannot take the file list this replaces.
        const held = await m.update(OnlineSubmissionEntity, { id: draft.id, dossierId: IsNull() }, { expiresAt: draft.expiresAt });
        if (held.affected !== 1) throw new SubmissionConfirmedError('This submission is already confirmed');
        const earlier = await m.findOne(OnlineSubmissionFileEntity, { where: { submissionId: draft.id, componentKey } });
        if (earlier) {
          await m.delete(OnlineSubmissionFileEntity, { id: earlier.id });
          replaced = earlier.storageKey;
        }
        await m.insert(OnlineSubmissionFileEntity, row);
      });
      if (replaced) await this.remove([replaced]);
      return fileView(row);
    } catch (error) {
      await this.remove([storageKey]);
      throw error;
    }
  }

  async confirm(id: string, token: string): Promise<ConfirmedSubmission> {
    const { draft, files } = await this.uow.read(async (m) => {
      const d = await this.draft(m, id, token);
      return { draft: d, files: await m.find(OnlineSubmissionFileEntity, { where: { submissionId: d.id } }) };
    });
    if (draft.dossierId) return this.confirmed(draft.dossierId, true);
    if (draft.expiresAt.getTime() <= this.time.now().getTime()) throw new SubmissionExpiredError('This submission has expired: start again');
    const procedure = await this.catalogue.getCurrent(draft.procedureCode);
    if (procedure.onlineLevel === null) throw new ProcedureNotOnlineError(`Procedure ${procedure.code} is no longer offered online`);
    requireComponents(procedure, files);
    const citizen: AuthUser = { id: CITIZEN, username: CITIZEN, fullName: draft.applicantName, roles: [], departmentCode: null };
    const applicant = {
      fullName: draft.applicantName,
      idNumber: draft.applicantIdNumber,
      ...(draft.applicantPhone ? { phone: draft.applicantPhone } : {}),
      ...(draft.applicantEmail ? { email: draft.applicantEmail } : {}),
      ...(draft.applicantAddress ? { address: draft.applicantAddress } : {}),
    };
    try {
      const created = await this.dossiers.create(citizen, { procedureCode: procedure.code, channel: 'online', applicant }, undefined, async (m, dossier) => {
        // Compare-and-set: of two confirmations racing, one claims the draft; the other's transaction rolls back.
        const claimed = await m.update(OnlineSubmissionEntity, { id: draft.id, dossierId: IsNull() }, { dossierId: dossier.id, confirmedAt: dossier.createdAt });
        if (claimed.affected !== 1) throw new SubmissionConfirmedError('This submission was confirmed meanwhile');
        // The files as they are now that the draft's row is held (an upload may have replaced one since the check above).
        const held = await m.find(OnlineSubmissionFileEntity, { where: { submissionId: draft.id } });
        requireComponents(procedure, held);
        for (const f of held) {
          await m.insert(
            DossierFileEntity,
            electronicComponentRow({
              id: f.id,
              dossierId: dossier.id,
              applicantIdNumber: dossier.applicantIdNumber,
              componentKey: f.componentKey,
              storageKey: f.storageKey,
              fileName: f.fileName,
              contentType: f.contentType,
              size: f.size,
              sha256: f.sha256,
              uploadedBy: CITIZEN,
              uploadedAt: f.uploadedAt,
            }),
          );
        }
        await this.outbox.enqueue(m, this.notifications(dossier, procedure));
      });
      return this.confirmed(created.dossier.id, false);
    } catch (error) {
      if (error instanceof SubmissionConfirmedError) {
        const winner = await this.uow.read((m) => m.findOneByOrFail(OnlineSubmissionEntity, { id: draft.id }));
        if (winner.dossierId) return this.confirmed(winner.dossierId, true);
      }
      throw error;
    }
  }

  /**
   * Removes drafts never confirmed once they expired, with their files, and objects under
   * `submissions/` that no row references (a crash between storing and the row), older than `minAgeMs`.
   */
  async sweep(minAgeMs = 15 * 60_000): Promise<{ drafts: number; objects: string[] }> {
    const now = this.time.now();
    const expired = await this.uow.run(async (m) => {
      const drafts = await m.find(OnlineSubmissionEntity, { where: { dossierId: IsNull(), expiresAt: LessThan(now) }, take: 500 });
      if (drafts.length === 0) return { count: 0, keys: [] as string[] };
      const ids = drafts.map((d) => d.id);
      const files = await m.find(OnlineSubmissionFileEntity, { where: { submissionId: In(ids) } });
      await m.delete(OnlineSubmissionFileEntity, { submissionId: In(ids) });
      await m.delete(OnlineSubmissionEntity, { id: In(ids), dossierId: IsNull() });
      return { count: drafts.length, keys: files.map((f) => f.storageKey) };
    });
    // The expired drafts' objects once their rows are gone (a failure here leaves them to the pass below).
    await this.remove(expired.keys);
    const removed: string[] = [...expired.keys];
    const cutoff = now.getTime() - minAgeMs;
    for await (const object of this.storage.list('submissions/')) {
      if (object.lastModified.getTime() > cutoff) continue;
      const referenced = await this.uow.read(
        async (m) =>
          (await m.count(OnlineSubmissionFileEntity, { where: { storageKey: object.key } })) + (await m.count(DossierFileEntity, { where: { storageKey: object.key } })),
      );
      if (referenced === 0) {
        await this.storage.remove(object.key);
        removed.push(object.key);
      }
    }
    if (expired.count || removed.length) this.logger.log(`Removed ${expired.count} expired online submission drafts and ${removed.length} objects`);
    return { drafts: expired.count, objects: removed };
  }

  private async onlineProcedure(code: string): Promise<ProcedureView> {
    const procedure = await this.catalogue.findCurrent(code);
    if (!procedure) throw new NotFoundError(`Procedure ${code} does not exist`);
    if (procedure.onlineLevel === null) throw new ProcedureNotOnlineError(`Procedure ${code} is not offered online: it is submitted at the one-stop unit`);
    return procedure;
  }

  /** The draft of an id and its token; one answer for an unknown id and a wrong token. */
  private async draft(m: EntityManager, id: string, token: string): Promise<OnlineSubmissionEntity> {
    const draft = ID.test(id) ? await m.findOne(OnlineSubmissionEntity, { where: { id } }) : null;
    if (!draft || !sameSecret(draft.tokenHash, hashToken(token))) throw new NotFoundError('No submission with this id and token');
    return draft;
  }

  /** A draft that still takes files: neither confirmed nor expired. */
  private async openDraft(m: EntityManager, id: string, token: string): Promise<OnlineSubmissionEntity> {
    const draft = await this.draft(m, id, token);
    if (draft.dossierId) throw new SubmissionConfirmedError('This submission is already confirmed');
    if (draft.expiresAt.getTime() <= this.time.now().getTime()) throw new SubmissionExpiredError('This submission has expired: start again');
    return draft;
  }

  /** The answer of a confirmed submission, read back from its dossier (the first time and on a replay alike). */
  private async confirmed(dossierId: string, replayed: boolean): Promise<ConfirmedSubmission> {
    const dossier = await this.uow.read((m) => m.findOneByOrFail(DossierEntity, { id: dossierId }));
    const procedure = await this.catalogue.getCurrent(dossier.procedureCode);
    const secret = dossier.lookupSecret ?? '';
    return {
      reference: dossier.code,
      secret,
      lookupUrl: publicLookupUrl(this.config.publicBaseUrl, dossier.code, secret || null),
      state: dossier.state,
      submittedAt: dossier.submittedAt.toISOString(),
      procedureName: procedure.name,
      replayed,
    };
  }

  /** The e-mail and SMS with the reference and the secret, written in the creating transaction. */
  private notifications(dossier: DossierEntity, procedure: ProcedureView): OutboxMessageInput[] {
    const data = {
      agencyName: this.agency.name,
      applicantName: dossier.applicantName,
      dossierCode: dossier.code,
      procedureName: procedure.name,
      lookupUrl: publicLookupUrl(this.config.publicBaseUrl, dossier.code, dossier.lookupSecret),
      submittedAt: dossier.submittedAt.toISOString(),
      secret: dossier.lookupSecret ?? '',
      intakeWorkingHours: this.config.online.intakeWorkingHours,
    };
    const topic = 'submission.received';
    const base = { aggregateType: DOSSIER_AGGREGATE, aggregateId: dossier.id, aggregateVersion: dossier.version, topic };
    const out: OutboxMessageInput[] = [];
    const content = { template: 'submission_received' as const, data };
    if (dossier.applicantEmail) out.push({ ...base, channel: 'email', idempotencyKey: `${dossier.id}:${dossier.version}:email:${topic}`, payload: { ...content, to: dossier.applicantEmail } });
    if (dossier.applicantPhone) out.push({ ...base, channel: 'sms', idempotencyKey: `${dossier.id}:${dossier.version}:sms:${topic}`, payload: { ...content, to: dossier.applicantPhone } });
    return out;
  }

  private async remove(keys: string[]): Promise<void> {
    for (const key of keys) await this.storage.remove(key).catch((e: unknown) => this.logger.warn(`Could not remove ${key}: ${String(e)}`));
  }
}

/** Every file belongs to a component of the procedure, and every required component has one. */
function requireComponents(procedure: ProcedureView, files: Array<{ componentKey: string }>): void {
  const keys = new Set(procedure.components.map((c) => c.key));
  if (files.some((f) => !keys.has(f.componentKey))) throw new ProcedureChangedError('The procedure changed since the submission was started: start again');
  const present = new Set(files.map((f) => f.componentKey));
  const missing = procedure.components.filter((c) => c.required && !present.has(c.key));
  if (missing.length > 0) {
    throw new ComponentsMissingError(`Required components have no file yet: ${missing.map((c) => c.name).join('; ')}`, { missing: missing.map((c) => c.key) });
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function applicantColumns(a: CitizenApplicantDto) {
  return { applicantName: a.fullName, applicantIdNumber: a.idNumber, applicantPhone: a.phone ?? null, applicantEmail: a.email ?? null, applicantAddress: a.address ?? null };
}

function fileView(f: OnlineSubmissionFileEntity): SubmissionFileView {
  return { componentKey: f.componentKey, fileName: f.fileName, size: f.size, sha256: f.sha256, uploadedAt: f.uploadedAt.toISOString() };
}

function toOnlineProcedure(p: ProcedureView): OnlineProcedure {
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    onlineLevel: p.onlineLevel ?? '',
    processingTime: p.processingTime,
    fee: p.fee,
    components: p.components.map((c) => ({ key: c.key, name: c.name, required: c.required })),
  };
}
