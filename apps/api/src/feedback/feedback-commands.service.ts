import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import {
  advanceFeedbackClocks,
  citizenActor,
  FeedbackActor,
  FeedbackClocks,
  FeedbackEvent,
  FeedbackSource,
  feedbackTimeliness,
  feedbackWorkflow,
  FEEDBACK_PHASES,
} from '@motcua/workflow';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { AppError, NotFoundError } from '../common/errors';
import { sameSecret } from '../common/secrets';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { AgencyIdentity } from '../catalogue/agency-identity';
import { DepartmentEntity } from '../catalogue/department.entity';
import { CalendarHolder } from '../deadlines/calendar-holder';
import { canSeeDossier, toActor } from '../dossiers/dossier-access';
import { DossierCodeGenerator } from '../dossiers/dossier-code.generator';
import { DossierEntity } from '../dossiers/dossier.entity';
import { applyTransition } from '../workflow-records/apply-transition';
import { CounterFeedbackDto, FeedbackContentDto, PublicFeedbackDto } from './dto/submit-feedback.dto';
import { FeedbackEventDto, PublicFeedbackEventDto, toFeedbackEvent } from './dto/feedback-event.dto';
import { FeedbackEventEntity } from './feedback-event.entity';
import { FeedbackEntity } from './feedback.entity';
import { canSeeFeedback, FeedbackView, PublicFeedbackView, toFeedbackView, toPublicFeedbackView } from './feedback.view';
import { PortalRecords } from '../portal-records/portal-records.service';

export class UnknownDepartmentError extends AppError {
  readonly status = 400;
  readonly code = 'UNKNOWN_DEPARTMENT';
}

/** One message for an unknown code and a wrong secret: the answer never says which. */
const NOT_FOUND_BY_SECRET = 'No feedback with this code and secret';
const DOSSIER_NOT_FOUND_BY_SECRET = 'No dossier with this code and secret';

/** What the citizen keeps after sending: the code and the secret to follow it up. */
export interface FeedbackReceipt {
  code: string;
  secret: string;
  feedback: PublicFeedbackView;
}

/**
 * The write side of feedback (PAKN). Every change is one unit of work through the same
 * transition path as dossiers (`applyTransition`): version check, the machine's decision,
 * compare-and-set, audit event; the deadline phase clocks and the indicator facts are
 * computed from the decision's effects in the same transaction.
 */
@Injectable()
export class FeedbackCommands {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly codes: DossierCodeGenerator,
    private readonly agency: AgencyIdentity,
    private readonly calendar: CalendarHolder,
    private readonly time: Clock,
    private readonly records: PortalRecords,
  ) {}

  /** From the public page, without login. Linking a dossier needs its secret; a wrong one is a 404 that says nothing. */
  async submitPublic(dto: PublicFeedbackDto): Promise<FeedbackReceipt> {
    return this.uow.run(async (m) => {
      let dossier: DossierEntity | null = null;
      if (dto.dossierCode !== undefined || dto.dossierSecret !== undefined) {
        dossier = dto.dossierCode ? await m.findOne(DossierEntity, { where: { code: dto.dossierCode } }) : null;
        if (!dossier || !dossier.lookupSecret || !dto.dossierSecret || !sameSecret(dossier.lookupSecret, dto.dossierSecret)) {
          throw new NotFoundError(DOSSIER_NOT_FOUND_BY_SECRET);
        }
      }
      const row = await this.receive(m, dto, dossier ? 'dossier' : 'portal', dossier, null);
      return { code: row.code, secret: row.lookupSecret, feedback: toPublicFeedbackView(row, []) };
    });
  }

  /** Recorded by a clerk at the counter (optionally about a dossier the clerk can see). */
  async submitAtCounter(user: AuthUser, dto: CounterFeedbackDto): Promise<FeedbackView> {
    return this.uow.run(async (m) => {
      let dossier: DossierEntity | null = null;
      if (dto.dossierCode !== undefined) {
        dossier = await m.findOne(DossierEntity, { where: { code: dto.dossierCode } });
        if (!dossier || !canSeeDossier(user, dossier.snapshot.context.steps)) throw new NotFoundError(`Dossier ${dto.dossierCode} not found`);
      }
      const row = await this.receive(m, dto, dossier ? 'dossier' : 'counter', dossier, user);
      return toFeedbackView(row, user);
    });
  }

  async applyStaffEvent(user: AuthUser, id: string, dto: FeedbackEventDto): Promise<FeedbackView> {
    const event = toFeedbackEvent(dto);
    return this.uow.run(async (m) => {
      const row = await m.findOne(FeedbackEntity, { where: { id } });
      if (!row || !canSeeFeedback(user, row)) throw new NotFoundError(`Feedback ${id} not found`);
      if (event.type === 'CLASSIFY' && !(await m.exists(DepartmentEntity, { where: { code: event.departmentCode } }))) {
        throw new UnknownDepartmentError(`Department ${event.departmentCode} does not exist`, { departmentCode: event.departmentCode });
      }
      const next = await this.transition(m, row, dto.expectedVersion, event, toActor(user), user.username);
      return toFeedbackView(next, user);
    });
  }

  /** The citizen, with the feedback's secret: rate the answer, or send the supplement asked for. */
  async applyCitizenEvent(code: string, dto: PublicFeedbackEventDto): Promise<PublicFeedbackView> {
    const event = toFeedbackEvent(dto);
    return this.uow.run(async (m) => {
      const row = await m.findOne(FeedbackEntity, { where: { code } });
      if (!row || !sameSecret(row.lookupSecret, dto.secret)) throw new NotFoundError(NOT_FOUND_BY_SECRET);
      const next = await this.transition(m, row, dto.expectedVersion ?? row.version, event, citizenActor(row.code), 'citizen');
      const events = await m.find(FeedbackEventEntity, { where: { feedbackId: row.id }, order: { version: 'ASC' } });
      return toPublicFeedbackView(next, events);
    });
  }

  private async receive(
    m: EntityManager,
    dto: FeedbackContentDto,
    source: FeedbackSource,
    dossier: DossierEntity | null,
    staff: AuthUser | null,
  ): Promise<FeedbackEntity> {
    const now = this.time.now();
    const decision = feedbackWorkflow.start({ source, dossierCode: dossier?.code ?? null });
    const clocks = advanceFeedbackClocks({}, decision.effects, now, this.calendar.current, this.config.deadlines.feedback);
    const timeliness = feedbackTimeliness(clocks);
    const code = await this.codes.next(m, `PAKN-${this.agency.id}`, now);
    const row: FeedbackEntity = {
      id: randomUUID(),
      code,
      lookupSecret: randomBytes(18).toString('base64url'),
      state: decision.to,
      snapshot: decision.snapshot,
      machineVersion: decision.snapshot.machineVersion,
      version: 1,
      source,
      dossierId: dossier?.id ?? null,
      dossierCode: dossier?.code ?? null,
      category: null,
      departmentCode: null,
      title: dto.title.trim(),
      content: dto.content.trim(),
      authorName: dto.author.fullName.trim(),
      authorPhone: dto.author.phone ?? null,
      authorEmail: dto.author.email ?? null,
      authorAddress: dto.author.address ?? null,
      answer: null,
      answeredAt: null,
      publishedAt: null,
      clocks,
      receivedAt: now,
      dueAt: timeliness.dueAt,
      handledAt: null,
      onTime: null,
      verdict: null,
      ratedAt: null,
      finishedAt: null,
      createdBy: staff?.id ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await m.insert(FeedbackEntity, row);
    if (dossier) {
      // Indicator 5.4: a dossier with a PAKN about it is not counted as satisfied (DOMAIN.md §1.3).
      await m.update(DossierEntity, { id: dossier.id }, { hasComplaint: true });
      await this.records.refresh(m, dossier.id);
    }
    await m.insert(FeedbackEventEntity, {
      id: randomUUID(),
      feedbackId: row.id,
      version: 1,
      type: 'CREATE',
      fromState: null,
      toState: decision.to,
      actorId: staff?.id ?? citizenActor(code).userId,
      actorUsername: staff?.username ?? 'citizen',
      payload: row.dossierCode ? { source, dossierCode: row.dossierCode } : { source },
      details: { dueAt: dueTimes(clocks) },
      occurredAt: now,
    });
    return row;
  }

  private async transition(m: EntityManager, row: FeedbackEntity, expectedVersion: number, event: FeedbackEvent, actor: FeedbackActor, actorName: string) {
    const now = this.time.now();
    let clocks: FeedbackClocks = row.clocks;
    const { next } = await applyTransition(m, {
      workflow: feedbackWorkflow,
      entity: FeedbackEntity,
      row,
      expectedVersion,
      event,
      actor,
      now,
      columns: (decision) => {
        clocks = advanceFeedbackClocks(row.clocks, decision.effects, now, this.calendar.current, this.config.deadlines.feedback);
        const timeliness = feedbackTimeliness(clocks);
        const context = decision.snapshot.context;
        return {
          clocks,
          category: context.category,
          departmentCode: context.departmentCode,
          verdict: context.verdict,
          ratedAt: event.type === 'RATE' ? now : row.ratedAt,
          answer: event.type === 'ANSWER' ? event.answer : row.answer,
          answeredAt: event.type === 'ANSWER' ? now : row.answeredAt,
          publishedAt: event.type === 'PUBLISH' ? now : row.publishedAt,
          dueAt: timeliness.dueAt,
          handledAt: timeliness.handledAt,
          onTime: timeliness.onTime,
          finishedAt: decision.done ? now : row.finishedAt,
        };
      },
      audit: async (decision, version) => {
        const { type: _type, ...payload } = event;
        await m.insert(FeedbackEventEntity, {
          id: randomUUID(),
          feedbackId: row.id,
          version,
          type: event.type,
          fromState: decision.from,
          toState: decision.to,
          actorId: actor.userId,
          actorUsername: actorName,
          payload,
          details: { phasesEnded: phasesEnded(row.clocks, clocks), dueAt: dueTimes(clocks) },
          occurredAt: now,
        });
      },
    });
    return next;
  }
}

/** Phases this transition closed, with their verdict, for the audit trail. */
function phasesEnded(before: FeedbackClocks, after: FeedbackClocks) {
  return FEEDBACK_PHASES.filter((p) => after[p]?.endedAt && !before[p]?.endedAt).map((phase) => ({
    phase,
    completed: after[phase]!.completed,
    late: after[phase]!.late,
    dueAt: after[phase]!.dueAt,
  }));
}

/** Due time of every open phase. */
function dueTimes(clocks: FeedbackClocks): Record<string, string> {
  const out: Record<string, string> = {};
  for (const phase of FEEDBACK_PHASES) {
    const c = clocks[phase];
    if (c && c.endedAt === null) out[phase] = c.dueAt;
  }
  return out;
}
