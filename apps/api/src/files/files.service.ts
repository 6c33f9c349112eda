import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ObjectStorage } from '@motcua/storage';
import { UnitOfWork } from '@motcua/persistence';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { AppError, ForbiddenActionError, NotFoundError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';
import { canSeeDossier } from '../dossiers/dossier-access';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DigitisationMetadata, DossierFileEntity, SignatureRecord } from './dossier-file.entity';
import { ResultDownloadEntity } from './result-download.entity';
import { FileView, toFileView } from './file.view';
import { OBJECT_STORAGE } from './object-storage.provider';
import { DigitisationCodes } from './digitisation-codes';
import { prepareUpload, PreparedUpload, storedFileName, storePrepared, UnsupportedFileTypeError } from './upload-stream';
import { SigningService } from '../signing/signing.service';
import { certificateSummary, collectRevocationFor, SignatureError, requestTimestamp, signDetached, signPdf, verifyDetached, verifyPdfSignature, type RevocationMaterial } from '@motcua/signatures';
import { evidenceOf, toRecord } from './signature-record';
import { allowedEvents } from '@motcua/workflow';
import { stampNotice, TRIAL_NOTICE } from '@motcua/documents';
import { toActor } from '../dossiers/dossier-access';
import { PortalRecords } from '../portal-records/portal-records.service';

export class UnknownComponentError extends AppError {
  readonly status = 422;
  readonly code = 'UNKNOWN_COMPONENT';
}

export class SignatureInvalidError extends AppError {
  readonly status = 422;
  readonly code = 'SIGNATURE_INVALID';
}

export class ResultNotSignableError extends AppError {
  readonly status = 422;
  readonly code = 'PDF_NOT_SIGNABLE';
}

/** The TSA failed while signing: sign again without a timestamp. */
class TsaUnavailable extends Error {}

export class DossierClosedForFilesError extends AppError {
  readonly status = 409;
  readonly code = 'DOSSIER_NOT_ACCEPTING_FILES';
}

/** States in which the one-stop unit may still attach component files. */
export const OPEN_FOR_COMPONENTS = new Set(['submitted', 'received', 'awaiting_supplement']);

/**
 * Digitised components and other dossier files. Order of writes, so that nothing is
 * half-stored: the object first (storage down → 503, no row), then one transaction for
 * the row; if that fails the object is removed at once, and if the process dies in
 * between, `sweepOrphans` removes objects that no row references.
 */
@Injectable()
export class FilesService {
  private readonly logger = new Logger('Files');

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly time: Clock,
    private readonly signing: SigningService,
    private readonly records: PortalRecords,
    private readonly digitisationCodes: DigitisationCodes,
  ) {}

  async uploadComponent(
    user: AuthUser,
    dossierId: string,
    componentKey: string,
    upload: { stream: Readable; fileName: string; metadata?: DigitisationMetadata },
  ): Promise<FileView> {
    const dossier = await this.visibleDossier(user, dossierId);
    if (!OPEN_FOR_COMPONENTS.has(dossier.state)) {
      upload.stream.destroy();
      throw new DossierClosedForFilesError(`Components cannot be added to a dossier in state ${dossier.state}`);
    }
    const version = await this.uow.read((m) => m.findOneByOrFail(ProcedureVersionEntity, { id: dossier.procedureVersionId }));
    if (!version.components.some((c) => c.key === componentKey)) {
      upload.stream.destroy();
      throw new UnknownComponentError(`Procedure ${version.procedureCode} has no component "${componentKey}"`, {
        components: version.components.map((c) => c.key),
      });
    }
    const prepared = await prepareUpload(upload.stream, this.config.maxUploadBytes);
    const id = randomUUID();
    const storageKey = `dossiers/${dossier.id}/${id}.${prepared.extension}`;
    await this.store(storageKey, prepared);
    const now = this.time.now();
    let signed: { signature: SignatureRecord; signatureKey: string };
    try {
      prepared.assertComplete();
      signed = await this.signDigitisedCopy(user, storageKey, prepared.meter.sha256Hex, now);
    } catch (error) {
      await this.storage.remove(storageKey).catch(() => undefined);
      throw error;
    }
    const row: DossierFileEntity = {
      id,
      dossierId: dossier.id,
      applicantIdNumber: dossier.applicantIdNumber,
      purpose: 'component',
      componentKey,
      storageKey,
      fileName: storedFileName(upload.fileName, prepared.contentType),
      contentType: prepared.contentType,
      size: prepared.meter.bytes,
      sha256: prepared.meter.sha256Hex,
      uploadedBy: user.id,
      uploadedAt: now,
      digitisationCode: null,
      metadata: upload.metadata ?? null,
      signature: signed.signature,
      signatureKey: signed.signatureKey,
      reusedFrom: null,
    };
    try {
      await this.uow.run(async (m) => {
        row.digitisationCode = await this.digitisationCodes.next(m, dossier);
        await m.getRepository(DossierFileEntity).insert(row as never);
        // The record lists each component with its electronic copy (TaiLieuNop, indicators 4.2–4.4).
        await this.records.refresh(m, dossier.id);
      });
    } catch (error) {
      for (const key of [storageKey, signed.signatureKey]) {
        await this.storage.remove(key).catch((e: unknown) => this.logger.warn(`Could not remove ${key} after a failed insert: ${String(e)}`));
      }
      throw error;
    }
    return toFileView(row);
  }

  /**
   * The digitising clerk signs the scan (TT 01/2023 Art 7: each copy carries the
   * signature of the person who digitised it). A detached CMS keeps the scanned bytes
   * untouched, so the file's SHA-256 stays the one the client computed.
   */
  private async signDigitisedCopy(user: AuthUser, storageKey: string, sha256: string, at: Date): Promise<{ signature: SignatureRecord; signatureKey: string }> {
    const { identity, onBehalfOf } = this.signing.identityFor(user);
    const cms = await signDetached(await this.storage.get(storageKey), identity, { signingTime: at });
    const signatureKey = `${storageKey}.p7s`;
    await this.storage.put(signatureKey, Readable.from([cms]), { contentType: 'application/pkcs7-signature', size: cms.length });
    const cert = certificateSummary(identity.certificatePem);
    return {
      signatureKey,
      signature: {
        kind: 'detached_cms',
        signerName: cert.commonName,
        certificateSerial: cert.serialNumber,
        certificateIssuer: cert.issuer,
        signingTime: at.toISOString(),
        documentSha256: sha256,
        valid: true,
        reasons: [],
        onBehalfOf,
      },
    };
  }

  /** Re-verifies a stored file's signature (a signed result PDF, or a scan's detached CMS). */
  async verification(user: AuthUser, fileId: string): Promise<SignatureRecord> {
    const file = await this.visibleFile(user, fileId);
    const trust = this.signing.trustStore;
    if (file.purpose === 'result') {
      const pdf = await readAll(await this.storage.get(file.storageKey));
      // At the recorded upload time, never "now": a result stays valid after its certificate expires.
      const receivedAt = file.uploadedAt;
      const verdict = await this.verifyResult(pdf, receivedAt, evidenceOf(file.signature));
      return toRecord(verdict, 'pdf', file.signature?.onBehalfOf ?? null, { receivedAt, verifiedAt: this.time.now() });
    }
    if (!file.signatureKey) {
      return { kind: 'detached_cms', signerName: null, certificateSerial: null, certificateIssuer: null, signingTime: null, documentSha256: file.sha256, valid: false, reasons: ['NO_SIGNATURE'], onBehalfOf: null };
    }
    const cms = await readAll(await this.storage.get(file.signatureKey));
    const verdict = await verifyDetached(await this.storage.get(file.storageKey), cms, { trust, at: file.uploadedAt });
    return toRecord({ ...verdict, documentSha256: verdict.dataSha256 }, 'detached_cms', file.signature?.onBehalfOf ?? null, { receivedAt: file.uploadedAt, verifiedAt: this.time.now() });
  }

  /**
   * The result document, required before ISSUE_RESULT. Either the leader uploads a PDF
   * signed elsewhere (USB token) and it is verified — whole file covered, digest, chain to
   * a trust anchor, valid at signing time — or the service signs it with the agency
   * certificate. A file that fails verification is refused and nothing is stored.
   */
  async uploadResult(user: AuthUser, dossierId: string, mode: 'sign' | 'signed', upload: { stream: Readable; fileName: string }): Promise<FileView> {
    const dossier = await this.visibleDossier(user, dossierId);
    if (!allowedEvents(dossier.snapshot, toActor(user)).includes('ISSUE_RESULT')) {
      upload.stream.destroy();
      throw new ForbiddenActionError('Only the handler of the last step may attach the result, while it can be issued');
    }
    const prepared = await prepareUpload(upload.stream, this.config.maxUploadBytes);
    if (prepared.contentType !== 'application/pdf') {
      prepared.body.destroy();
      throw new UnsupportedFileTypeError('The result must be a PDF');
    }
    let original: Buffer;
    try {
      original = await readAll(prepared.body);
    } catch (error) {
      throw prepared.clientFailure() ?? error;
    }
    prepared.assertComplete();
    let pdf: Buffer;
    let onBehalfOf: string | null;
    const receivedAt = this.time.now();
    if (mode === 'sign') {
      pdf = await this.signResult(original, dossier.code, user.fullName, receivedAt);
      onBehalfOf = user.fullName;
    } else {
      pdf = original;
      onBehalfOf = null;
    }
    const verdict = await this.verifyResult(pdf, receivedAt, undefined);
    if (!verdict.valid) {
      throw new SignatureInvalidError(`The result's signature is not acceptable: ${verdict.reasons.map((r) => r.code).join(', ')}`, {
        reasons: verdict.reasons.map((r) => r.code),
        messages: verdict.reasons.map((r) => r.message),
        signatures: toRecord(verdict, 'pdf', onBehalfOf, { receivedAt, verifiedAt: receivedAt }).signatures,
      });
    }
    const id = randomUUID();
    const storageKey = `dossiers/${dossier.id}/${id}.pdf`;
    await this.storage.put(storageKey, Readable.from([pdf]), { contentType: 'application/pdf', size: pdf.length });
    const row: DossierFileEntity = {
      id,
      dossierId: dossier.id,
      applicantIdNumber: dossier.applicantIdNumber,
      purpose: 'result',
      componentKey: null,
      storageKey,
      fileName: storedFileName(upload.fileName, 'application/pdf'),
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: verdict.documentSha256,
      uploadedBy: user.id,
      uploadedAt: receivedAt,
      digitisationCode: null,
      metadata: null,
      signature: toRecord(verdict, 'pdf', onBehalfOf, { receivedAt, verifiedAt: receivedAt }),
      signatureKey: null,
      reusedFrom: null,
    };
    try {
      await this.uow.run((m) => m.getRepository(DossierFileEntity).insert(row as never));
    } catch (error) {
      await this.storage.remove(storageKey).catch(() => undefined);
      throw error;
    }
    return toFileView(row);
  }

  /** Every signature of a result, at `receivedAt`, under the configured policy and trust. */
  private verifyResult(pdf: Buffer, receivedAt: Date, evidence: RevocationMaterial | undefined) {
    return verifyPdfSignature(pdf, { trust: this.signing.trustStore, receivedAt, policy: this.signing.policy, fetcher: this.signing.fetcher, evidence });
  }

  /**
   * The service signs with the agency certificate: PAdES-B-LT when the certificate names
   * OCSP/CRL services (their answers embedded), B-T when a TSA is configured. An
   * unreachable TSA or responder degrades to a plain signature (logged), never a failure.
   */
  private async signResult(original: Buffer, dossierCode: string, signerName: string, at: Date): Promise<Buffer> {
    const identity = this.signing.agencyIdentity;
    const settings = this.config.signing;
    let revocation: RevocationMaterial | undefined;
    if (settings.embedRevocation && settings.revocation !== 'off') {
      revocation = await collectRevocationFor({ ...identity, fetcher: this.signing.fetcher, at, timeoutMs: settings.revocationTimeoutMs }).catch((error: unknown) => {
        this.logger.warn(`Could not collect revocation data to embed: ${String(error)}`);
        return undefined;
      });
    }
    const tsaUrl = settings.tsaUrl;
    // A trial (or demo) certificate: the paper itself says so on every page, and so does the signature's reason.
    const trial = (await this.signing.agencyCheck()).trial;
    const reason = `${trial ? `${TRIAL_NOTICE}. ` : ''}Kết quả giải quyết hồ sơ ${dossierCode}`;
    const options = { reason, signerName, location: 'Lai Châu', signingTime: at, revocation };
    try {
      const paper = trial ? await this.stamped(original) : original;
      if (!tsaUrl) return await signPdf(paper, identity, options);
      try {
        const timestamp = (value: Uint8Array) =>
          requestTimestamp(this.signing.fetcher, tsaUrl, value, 'sha256', settings.revocationTimeoutMs).catch((error: unknown) => {
            throw new TsaUnavailable(String(error));
          });
        return await signPdf(paper, identity, { ...options, timestamp });
      } catch (error) {
        if (!(error instanceof TsaUnavailable)) throw error;
        this.logger.warn(`TSA ${tsaUrl} unavailable, signing without a timestamp: ${error.message}`);
        return await signPdf(paper, identity, options);
      }
    } catch (error) {
      // The PDF cannot take a signature (unreadable, encrypted, no page): the uploader's file, a 422.
      if (error instanceof SignatureError && (error.code === 'INVALID_PDF' || error.code === 'SIGNATURE_TOO_LARGE')) {
        throw new ResultNotSignableError(`The result cannot be signed: ${error.message}`);
      }
      throw error;
    }
  }

  private async stamped(original: Buffer): Promise<Buffer> {
    try {
      return await stampNotice(original, TRIAL_NOTICE);
    } catch (error) {
      throw new ResultNotSignableError(`The result cannot be signed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Attaches a file from the applicant's data store instead of a new scan (counted by indicator 4.3). */
  async reuseComponent(user: AuthUser, dossierId: string, componentKey: string, sourceFileId: string): Promise<FileView> {
    const dossier = await this.visibleDossier(user, dossierId);
    if (!OPEN_FOR_COMPONENTS.has(dossier.state)) throw new DossierClosedForFilesError(`Components cannot be added to a dossier in state ${dossier.state}`);
    return this.uow.run(async (m) => {
      const version = await m.findOneByOrFail(ProcedureVersionEntity, { id: dossier.procedureVersionId });
      if (!version.components.some((c) => c.key === componentKey)) throw new UnknownComponentError(`Procedure ${version.procedureCode} has no component "${componentKey}"`);
      const source = await m.findOne(DossierFileEntity, { where: { id: sourceFileId } });
      // The store is per applicant: a file of somebody else is as good as non-existent.
      if (!source || source.applicantIdNumber !== dossier.applicantIdNumber || (source.purpose !== 'component' && source.purpose !== 'result')) {
        throw new NotFoundError(`File ${sourceFileId} is not in this applicant's data store`);
      }
      const row: DossierFileEntity = {
        ...source,
        id: randomUUID(),
        dossierId: dossier.id,
        purpose: 'component',
        componentKey,
        uploadedBy: user.id,
        uploadedAt: this.time.now(),
        digitisationCode: await this.digitisationCodes.next(m, dossier),
        reusedFrom: source.reusedFrom ?? source.id,
      };
      await m.getRepository(DossierFileEntity).insert(row as never);
      return toFileView(row);
    });
  }

  async listForDossier(user: AuthUser, dossierId: string): Promise<FileView[]> {
    await this.visibleDossier(user, dossierId);
    const rows = await this.uow.read((m) => m.find(DossierFileEntity, { where: { dossierId }, order: { uploadedAt: 'ASC' } }));
    return rows.map(toFileView);
  }

  /** The applicant's data store: their components and results from every dossier. */
  async applicantStore(idNumber: string): Promise<FileView[]> {
    const rows = await this.uow.read((m) =>
      m
        .createQueryBuilder(DossierFileEntity, 'f')
        .where('f.applicant_id_number = :idNumber', { idNumber })
        .andWhere("f.purpose IN ('component', 'result')")
        .andWhere('f.reused_from IS NULL')
        .orderBy('f.uploaded_at', 'DESC')
        .limit(200)
        .getMany(),
    );
    return rows.map(toFileView);
  }

  /** Opens a file for download, checking the caller may see its dossier. */
  async open(user: AuthUser, fileId: string): Promise<{ file: DossierFileEntity; stream: Readable }> {
    const file = await this.visibleFile(user, fileId);
    return { file, stream: await this.storage.get(file.storageKey) };
  }

  /**
   * The signed file of an issued electronic result, by the token of its public link (the link the
   * portal record carries as DuongDanTepTinKetQua). Unknown token → 404, saying nothing more.
   */
  async openIssuedResult(token: string, clientAddress: string): Promise<{ file: DossierFileEntity; dossierCode: string; stream: Readable }> {
    const found = await this.uow.read(async (m) => {
      const dossier = await m.findOne(DossierEntity, { where: { resultToken: token }, select: { id: true, code: true, resultFileId: true } });
      const file = dossier?.resultFileId ? await m.findOne(DossierFileEntity, { where: { id: dossier.resultFileId, dossierId: dossier.id } }) : null;
      return dossier && file ? { dossier, file } : null;
    });
    if (!found) throw new NotFoundError('No electronic result with this link');
    const stream = await this.storage.get(found.file.storageKey);
    // Every download is audited (issue #16), once the file is there to be sent.
    try {
      await this.uow.run((m) =>
        m.insert(ResultDownloadEntity, { id: randomUUID(), dossierId: found.dossier.id, fileId: found.file.id, clientAddress: clientAddress.slice(0, 64), downloadedAt: this.time.now() }),
      );
    } catch (error) {
      stream.destroy();
      throw error;
    }
    return { file: found.file, dossierCode: found.dossier.code, stream };
  }

  async presignedUrl(user: AuthUser, fileId: string): Promise<{ url: string | null; expiresAt: string | null }> {
    const file = await this.visibleFile(user, fileId);
    const expirySeconds = 300;
    const url = await this.storage.presignedGetUrl(file.storageKey, { expirySeconds, downloadName: file.fileName, contentType: file.contentType });
    return { url, expiresAt: url ? new Date(this.time.now().getTime() + expirySeconds * 1000).toISOString() : null };
  }

  /** Required components of the dossier's procedure that have no file yet. */
  async missingRequiredComponents(dossier: DossierEntity): Promise<string[]> {
    return this.uow.read(async (m) => {
      const version = await m.findOneByOrFail(ProcedureVersionEntity, { id: dossier.procedureVersionId });
      const present = new Set(
        (await m.find(DossierFileEntity, { where: { dossierId: dossier.id, purpose: 'component' }, select: { componentKey: true } })).map((f) => f.componentKey),
      );
      return version.components.filter((c) => c.required && !present.has(c.key)).map((c) => c.key);
    });
  }

  /**
   * Removes stored objects that no row references and that are older than `minAgeMs`
   * (younger ones may belong to an upload still in flight).
   */
  async sweepOrphans(minAgeMs = 15 * 60_000): Promise<{ examined: number; removed: string[] }> {
    const cutoff = this.time.now().getTime() - minAgeMs;
    const removed: string[] = [];
    let examined = 0;
    for await (const object of this.storage.list('dossiers/')) {
      examined++;
      if (object.lastModified.getTime() > cutoff) continue;
      const referenced = await this.uow.read((m) =>
        m.createQueryBuilder(DossierFileEntity, 'f').where('f.storage_key = :k OR f.signature_key = :k', { k: object.key }).getCount(),
      );
      if (referenced === 0) {
        await this.storage.remove(object.key);
        removed.push(object.key);
      }
    }
    if (removed.length) this.logger.warn(`Removed ${removed.length} orphaned objects`);
    return { examined, removed };
  }

  /** Stores an upload; a failure of the client's stream (cut short, gone) is the client's 400, not a 5xx. */
  private async store(key: string, prepared: PreparedUpload): Promise<void> {
    await storePrepared(this.storage, key, prepared);
  }

  private async visibleDossier(user: AuthUser, dossierId: string): Promise<DossierEntity> {
    const dossier = await this.uow.read((m) => m.findOne(DossierEntity, { where: { id: dossierId } }));
    if (!dossier || !canSeeDossier(user, dossier.snapshot.context.steps)) throw new NotFoundError(`Dossier ${dossierId} not found`);
    return dossier;
  }

  private async visibleFile(user: AuthUser, fileId: string): Promise<DossierFileEntity> {
    const file = await this.uow.read((m) => m.findOne(DossierFileEntity, { where: { id: fileId } }));
    if (!file) throw new NotFoundError(`File ${fileId} not found`);
    await this.visibleDossier(user, file.dossierId).catch(() => {
      throw new NotFoundError(`File ${fileId} not found`);
    });
    return file;
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

