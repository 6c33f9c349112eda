/**
 * Pure mapping from a committed dossier change to the messages that must leave the process.
 * No Nest, no database: DossierCommands and the deadline sweep call it inside their transaction
 * and hand the result to OutboxWriter.enqueue.
 */
import type { DossierEffect, DossierState } from '@motcua/workflow';
import type { NotificationContent } from '../notifications/notification.types';
import type { OutboxMessageInput } from './outbox.types';
import { publicLookupUrl } from '../common/public-lookup-url';

/**
 * The dossier after the change (a DossierEntity row plus the procedure's name, and the agency's
 * name). The portal record is not among these messages: PortalRecords sends it whenever its
 * content changes, whatever changed it.
 */
export interface DossierOutboxFacts {
  id: string;
  code: string;
  procedureCode: string;
  version: number;
  state: DossierState;
  receivedAt: Date | null;
  appointmentAt: Date | null;
  processingEndedAt: Date | null;
  updatedAt: Date;
  procedureName: string;
  agencyName: string;
  applicantName: string;
  applicantEmail: string | null;
  applicantPhone: string | null;
  /** Legal due time; before an apology it is also the appointment the apology moves. */
  dueAt: Date | null;
  lookupSecret: string | null;
}

/** The change: what the workflow decided (a Decision from startDossier or decide fits). */
export interface DossierChange {
  from?: DossierState | null;
  to: DossierState;
  effects: readonly DossierEffect[];
}

export interface DossierOutboxSettings {
  /** Base of the public lookup link (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  /** PORTAL_SYNC_URL is set (the records themselves are queued by PortalRecords). */
  portalSync: boolean;
  /** WEBHOOK_URL is set. */
  webhook: boolean;
}

export const DOSSIER_AGGREGATE = 'dossier';

export function dossierOutboxMessages(facts: DossierOutboxFacts, change: DossierChange, settings: DossierOutboxSettings): OutboxMessageInput[] {
  const base = { aggregateType: DOSSIER_AGGREGATE, aggregateId: facts.id, aggregateVersion: facts.version };
  const messages: OutboxMessageInput[] = [];
  for (const { topic, content } of applicantNotifications(facts, change.effects, settings)) {
    if (facts.applicantEmail) {
      messages.push({ ...base, topic, channel: 'email', idempotencyKey: `${facts.id}:${facts.version}:email:${topic}`, payload: { ...content, to: facts.applicantEmail } });
    }
    if (facts.applicantPhone) {
      messages.push({ ...base, topic, channel: 'sms', idempotencyKey: `${facts.id}:${facts.version}:sms:${topic}`, payload: { ...content, to: facts.applicantPhone } });
    }
  }
  if (settings.webhook) {
    messages.push({
      ...base,
      topic: 'dossier.changed',
      channel: 'webhook',
      idempotencyKey: `${facts.id}:${facts.version}:webhook`,
      payload: {
        event: {
          type: 'dossier.changed',
          dossierId: facts.id,
          code: facts.code,
          procedureCode: facts.procedureCode,
          version: facts.version,
          from: change.from ?? null,
          state: change.to,
          effects: change.effects.map((e) => e.type),
          occurredAt: facts.updatedAt.toISOString(),
        },
      },
    });
  }
  return messages;
}

export type DeadlineKind = 'due_soon' | 'overdue';

/** The dossier as the deadline sweep sees it. */
export interface DeadlineFacts {
  id: string;
  code: string;
  version: number;
  procedureCode: string;
  state: DossierState;
  dueAt: Date | null;
  appointmentAt: Date | null;
  currentDepartmentCode: string | null;
}

/**
 * A dossier crossed a deadline threshold: other systems (the one-stop unit's dashboard, the
 * leadership's reminders to write an apology before the due time, DOMAIN.md §2.9) hear of it once
 * per dossier and threshold, like the sweep's own notification record.
 */
export function deadlineOutboxMessages(facts: DeadlineFacts, kind: DeadlineKind, settings: Pick<DossierOutboxSettings, 'webhook'>): OutboxMessageInput[] {
  if (!settings.webhook) return [];
  const topic = `deadline.${kind}`;
  return [
    {
      topic,
      channel: 'webhook',
      aggregateType: DOSSIER_AGGREGATE,
      aggregateId: facts.id,
      aggregateVersion: facts.version,
      idempotencyKey: `${facts.id}:${topic}:webhook`,
      payload: {
        event: {
          type: topic,
          dossierId: facts.id,
          code: facts.code,
          procedureCode: facts.procedureCode,
          state: facts.state,
          dueAt: facts.dueAt?.toISOString() ?? null,
          appointmentAt: facts.appointmentAt?.toISOString() ?? null,
          departmentCode: facts.currentDepartmentCode,
        },
      },
    },
  ];
}

/** The applicant hears of receipt, supplementation requests, apologies and results; nothing else. */
function applicantNotifications(
  f: DossierOutboxFacts,
  effects: readonly DossierEffect[],
  settings: DossierOutboxSettings,
): Array<{ topic: DossierEffect['type']; content: NotificationContent }> {
  const common = {
    agencyName: f.agencyName,
    applicantName: f.applicantName,
    dossierCode: f.code,
    procedureName: f.procedureName,
    lookupUrl: publicLookupUrl(settings.publicBaseUrl, f.code, f.lookupSecret),
  };
  // Instants travel as UTC ISO strings; the templates show them in Viet Nam's time.
  const at = (d: Date | null) => (d ?? f.updatedAt).toISOString();
  const out: Array<{ topic: DossierEffect['type']; content: NotificationContent }> = [];
  for (const e of effects) {
    switch (e.type) {
      case 'dossier.received':
        out.push({ topic: e.type, content: { template: 'receipt', data: { ...common, receivedAt: at(f.receivedAt), appointmentAt: f.appointmentAt?.toISOString() ?? null } } });
        break;
      case 'supplement.requested':
        out.push({ topic: e.type, content: { template: 'supplement_request', data: { ...common, reason: e.reason, duringIntake: e.duringIntake, requestedAt: at(f.updatedAt) } } });
        break;
      case 'apology.recorded':
        // One apology per dossier (DOMAIN.md §2.9), so the appointment it moves is the legal due time.
        out.push({
          topic: e.type,
          content: { template: 'apology', data: { ...common, reason: e.reason, previousAppointmentAt: f.dueAt?.toISOString() ?? null, newAppointmentAt: new Date(e.newAppointment).toISOString() } },
        });
        break;
      case 'result.issued':
        out.push({ topic: e.type, content: { template: 'result_ready', data: { ...common, issuedAt: at(f.processingEndedAt) } } });
        break;
      default:
        break;
    }
  }
  return out;
}
