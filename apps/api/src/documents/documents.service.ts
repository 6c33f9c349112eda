import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { PROCESSING_TIME_UNIT_LABELS_VI } from '@motcua/catalogue';
import { renderApology, renderControlSlip, renderProcessingRefusal, renderReceipt, renderRefusal, renderSupplementRequest, type ReceivedForm } from '@motcua/documents';
import type { ObjectStorage } from '@motcua/storage';
import { UnitOfWork } from '@motcua/persistence';
import { AuthUser } from '../common/auth.decorators';
import { NotFoundError } from '../common/errors';
import { publicLookupUrl } from '../common/public-lookup-url';
import { lookupCodeOf } from '../common/lookup-code';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { AgencyIdentity } from '../catalogue/agency-identity';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';
import { canSeeDossier } from '../dossiers/dossier-access';
import { DossierEventEntity } from '../dossiers/dossier-event.entity';
import { DossierEntity } from '../dossiers/dossier.entity';
import type { SupplementComponents } from '../dossiers/supplement-components';
import { DossierFileEntity, FilePurpose } from '../files/dossier-file.entity';
import { OBJECT_STORAGE } from '../files/object-storage.provider';
import { DocumentNotAvailableError } from './document-errors';
import { PaperSignatories } from './paper-signatories';
import { handoversOf } from './control-slip-rows';
import { Clock } from '../common/clock';

export type DocumentKind = 'receipt' | 'supplement-request' | 'refusal' | 'apology' | 'control-slip';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['receipt', 'supplement-request', 'refusal', 'apology', 'control-slip'];

const PURPOSE: Record<DocumentKind, FilePurpose> = {
  receipt: 'receipt',
  'supplement-request': 'supplement_request',
  refusal: 'refusal',
  apology: 'apology',
  'control-slip': 'control_slip',
};
/** The event each paper is issued for (the latest one counts). */
const EVENT: Record<Exclude<DocumentKind, 'receipt' | 'control-slip'>, string[]> = {
  'supplement-request': ['REQUEST_SUPPLEMENT'],
  refusal: ['REFUSE', 'REJECT'],
  apology: ['APOLOGISE'],
};

/**
 * The papers the one-stop unit hands out (TT 03/2025 Mẫu 01–04, numbering UNVERIFIED):
 * rendered once from the stored facts, then stored like any file and linked from the
 * dossier, so a reprint is the same paper.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly agency: AgencyIdentity,
    private readonly signatories: PaperSignatories,
    private readonly time: Clock,
  ) {}

  lookupUrl(dossier: Pick<DossierEntity, 'code' | 'lookupSecret'>): string | null {
    return publicLookupUrl(this.config.publicBaseUrl, dossier.code, dossier.lookupSecret);
  }

  async open(user: AuthUser, dossierId: string, kind: DocumentKind): Promise<{ fileName: string; stream: Readable }> {
    const dossier = await this.uow.read((m) => m.findOne(DossierEntity, { where: { id: dossierId } }));
    if (!dossier || !canSeeDossier(user, dossier.snapshot.context.steps)) throw new NotFoundError(`Dossier ${dossierId} not found`);
    const event = kind === 'receipt' || kind === 'control-slip' ? null : await this.latestEvent(dossier.id, EVENT[kind]);
    // The control slip follows the dossier: one paper per dossier version (a reprint of that version is the same file).
    const version = kind === 'control-slip' ? dossier.version : (event?.version ?? 0);
    const fileName = `${kind}-${dossier.code}${version ? `-v${version}` : ''}.pdf`;
    const stored = await this.uow.read((m) => m.findOne(DossierFileEntity, { where: { dossierId, purpose: PURPOSE[kind], fileName } }));
    if (stored) return { fileName, stream: await this.storage.get(stored.storageKey) };

    const pdf = await this.render(dossier, kind, event);
    const id = randomUUID();
    const storageKey = `dossiers/${dossier.id}/${id}.pdf`;
    await this.storage.put(storageKey, Readable.from([pdf]), { contentType: 'application/pdf', size: pdf.length });
    const row: DossierFileEntity = {
      id,
      dossierId: dossier.id,
      applicantIdNumber: dossier.applicantIdNumber,
      purpose: PURPOSE[kind],
      componentKey: null,
      storageKey,
      fileName,
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      uploadedBy: user.id,
      uploadedAt: new Date(),
      digitisationCode: null,
      metadata: null,
      signature: null,
      signatureKey: null,
      reusedFrom: null,
    };
    try {
      await this.uow.run((m) => m.getRepository(DossierFileEntity).insert(row as never));
    } catch (error) {
      await this.storage.remove(storageKey).catch(() => undefined);
      throw error;
    }
    return { fileName, stream: Readable.from([pdf]) };
  }

  private async render(dossier: DossierEntity, kind: DocumentKind, event: DossierEventEntity | null): Promise<Buffer> {
    const { version, files } = await this.uow.read(async (m) => ({
      version: await m.findOneByOrFail(ProcedureVersionEntity, { id: dossier.procedureVersionId }),
      files: await m.find(DossierFileEntity, { where: { dossierId: dossier.id, purpose: 'component' } }),
    }));
    const publicLookupUrl = this.lookupUrl(dossier);
    if (!publicLookupUrl) throw new DocumentNotAvailableError('Imported dossiers have no papers');
    const { receivingCentreName, parentAgency } = this.config.papers;
    const place = this.agency.province || 'Lai Châu';
    // Counter papers (01–03) come from the receiving centre (DOMAIN.md §2.2); the apology and a
    // refusal in processing from the agency that decides.
    const counter = { ...(parentAgency ? { parentAgency } : {}), agencyName: receivingCentreName, unitName: '', place };
    const agencyIssuer = { ...(parentAgency ? { parentAgency } : {}), agencyName: this.agency.name, place };
    const base = {
      issuer: counter,
      dossierCode: dossier.code,
      applicant: {
        name: dossier.applicantName,
        idNumber: dossier.applicantIdNumber,
        ...(dossier.applicantPhone ? { phone: dossier.applicantPhone } : {}),
        ...(dossier.applicantEmail ? { email: dossier.applicantEmail } : {}),
        ...(dossier.applicantAddress ? { address: dossier.applicantAddress } : {}),
      },
      // The national TTHC code, or nothing: an internal slug is never printed as "Mã thủ tục hành chính".
      procedure: { code: typeof version.definition.code === 'string' ? version.definition.code : '', name: version.name },
      publicLookupUrl,
      lookup: { pageUrl: `${this.config.publicBaseUrl}/#/tra-cuu`, code: lookupCodeOf(dossier.lookupSecret!) },
    };
    if (kind === 'receipt') {
      if (!dossier.receivedAt || !dossier.appointmentAt) throw new DocumentNotAvailableError('The dossier has not been received with an appointment yet');
      const present = new Set(files.map((f) => f.componentKey));
      // The receiving official: who accepted an online or postal submission, or who created a counter dossier (received on the spot).
      const receipt = (await this.latestEvent(dossier.id, ['ACCEPT'])) ?? (await this.latestEvent(dossier.id, ['CREATE']));
      const clerk = receipt ? await this.signatories.official(receipt.actorId, receipt.actorUsername) : await this.signatories.official(dossier.createdBy, '');
      return renderReceipt({
        ...base,
        issuedAt: dossier.receivedAt,
        receivedAt: dossier.receivedAt,
        channel: dossier.channel,
        components: version.components.map((c) => ({ name: c.name, ...receivedAs(dossier, c.key, present), digitised: present.has(c.key) })),
        ...(dossier.intakeRecord ? { sets: dossier.intakeRecord.sets } : {}),
        ...(dossier.intakeRecord?.logBook ? { logBook: dossier.intakeRecord.logBook } : {}),
        handlingAgency: this.agency.name,
        processingTime: version.processingAmount ? `${version.processingAmount} ${UNIT_VI[version.processingUnit ?? ''] ?? ''}`.trim() : undefined,
        appointmentAt: dossier.appointmentAt,
        resultDeliveryPlace: receivingCentreName,
        clerkName: clerk.name,
        ...(clerk.title ? { clerkTitle: clerk.title } : {}),
      });
    }
    if (kind === 'control-slip') return this.controlSlip(dossier, base);
    if (!event) throw new DocumentNotAvailableError(`No ${kind} was issued for this dossier`);
    const reason = String((event.payload as { reason?: unknown }).reason ?? '');
    const receivedAt = dossier.receivedAt ?? dossier.submittedAt;
    const actor = await this.signatories.official(event.actorId, event.actorUsername);
    const byActor = { clerkName: actor.name, ...(actor.title ? { clerkTitle: actor.title } : {}) };
    const handlingDepartment = await this.signatories.departmentName(dossier.snapshot.context.steps[event.stepFrom ?? 0]?.departmentCode);
    if (kind === 'supplement-request') {
      // The components asked for, each with what is missing (recorded with the request); the reason is printed once.
      const asked = ((event.details ?? {}) as { supplement?: SupplementComponents }).supplement?.components ?? [];
      const componentsToSupplement = asked.map((c) => ({ name: c.name, ...(c.requirement ? { requirement: c.requirement } : {}) }));
      return renderSupplementRequest({ ...base, issuedAt: event.occurredAt, receivedAt, reasons: [reason], componentsToSupplement, ...byActor });
    }
    if (kind === 'refusal') {
      // REJECT is the counter's refusal at intake (Mẫu 03, possibly of a submission never received);
      // REFUSE is the agency's reasoned reply to a dossier it examined, signed for the agency.
      if (event.type === 'REJECT') return renderRefusal({ ...base, issuedAt: event.occurredAt, receivedAt, received: dossier.receivedAt !== null, reasons: [reason], ...byActor });
      return renderProcessingRefusal({ ...base, issuer: agencyIssuer, issuedAt: event.occurredAt, receivedAt, reasons: [reason], handlingDepartment, signer: await this.signatories.agencySigner() });
    }
    const payload = event.payload as { newAppointment?: string };
    const details = (event.details ?? {}) as { appointmentAt?: string };
    return renderApology({
      ...base,
      issuer: agencyIssuer,
      issuedAt: event.occurredAt,
      receivedAt,
      reason,
      previousAppointmentAt: dossier.dueAt ?? receivedAt,
      newAppointmentAt: new Date(payload.newAppointment ?? details.appointmentAt ?? event.occurredAt),
      handlingDepartment,
      signer: await this.signatories.agencySigner(),
    });
  }

  /** The control slip: the dossier's hand-overs so far, with people's full names and units. */
  private async controlSlip(dossier: DossierEntity, base: Omit<Parameters<typeof renderControlSlip>[0], 'issuedAt' | 'receivedAt' | 'handlingAgency' | 'handovers'>): Promise<Buffer> {
    if (!dossier.receivedAt) throw new DocumentNotAvailableError('The dossier has not been received yet');
    const events = await this.uow.read((m) => m.find(DossierEventEntity, { where: { dossierId: dossier.id }, order: { version: 'ASC' } }));
    const steps = dossier.snapshot.context.steps;
    const units = new Map<number, string>();
    for (const [i, step] of steps.entries()) units.set(i, (await this.signatories.departmentName(step.departmentCode)) || step.name);
    const people = new Map<string, string>();
    for (const e of events) {
      if (people.has(e.actorId)) continue;
      const official = await this.signatories.official(e.actorId, e.actorUsername);
      people.set(e.actorId, official.title ? `${official.name} (${official.title})` : official.name);
    }
    const centre = this.config.papers.receivingCentreName;
    return renderControlSlip({
      ...base,
      issuedAt: this.time.now(),
      receivedAt: dossier.receivedAt,
      ...(dossier.appointmentAt ? { appointmentAt: dossier.appointmentAt } : {}),
      handlingAgency: this.agency.name,
      handovers: handoversOf(events, {
        unit: (i) => (i === null ? centre : (units.get(i) ?? centre)),
        person: (e) => people.get(e.actorId) ?? e.actorUsername,
        applicant: dossier.applicantName,
      }),
    });
  }

  private latestEvent(dossierId: string, types: string[]): Promise<DossierEventEntity | null> {
    return this.uow.read((m) =>
      m.createQueryBuilder(DossierEventEntity, 'e').where('e.dossier_id = :dossierId AND e.type IN (:...types)', { dossierId, types }).orderBy('e.version', 'DESC').getOne(),
    );
  }
}

/**
 * How a component was received: as the clerk recorded it at intake; for an online dossier without
 * a record, electronically when a file is there; otherwise unknown (dossiers received before
 * intake was recorded), printed as such rather than guessed.
 */
function receivedAs(dossier: DossierEntity, key: string, present: Set<string | null>): { form: ReceivedForm; count: number } {
  const recorded = dossier.intakeRecord?.components.find((c) => c.key === key);
  if (recorded) return { form: recorded.form, count: recorded.count };
  if (dossier.intakeRecord) return { form: 'not_submitted', count: 0 };
  if (dossier.channel === 'online') return present.has(key) ? { form: 'electronic', count: 1 } : { form: 'not_submitted', count: 0 };
  return { form: 'unrecorded', count: 0 };
}

const UNIT_VI: Record<string, string> = PROCESSING_TIME_UNIT_LABELS_VI;
