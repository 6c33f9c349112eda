import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import { FEEDBACK_EVENT_LABELS_VI, FEEDBACK_STATE_LABELS_VI, FeedbackEventType, FeedbackState, viewingDepartment } from '@motcua/workflow';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/errors';
import { ListFeedbackQuery } from './dto/list-feedback.query';
import { FeedbackEventEntity } from './feedback-event.entity';
import { FeedbackEntity } from './feedback.entity';
import { canSeeFeedback, FeedbackView, PublicFeedbackView, toFeedbackView, toPublicFeedbackView, withTimeLeft } from './feedback.view';
import { CalendarHolder } from '../deadlines/calendar-holder';
import { sameSecret } from '../common/secrets';
import { UserEntity } from '../users/user.entity';

/** Audit rows of the citizen's own actions carry `citizen:<code>` (see `citizenActor`), not a user id. */
function isCitizenReference(actorId: string): boolean {
  return actorId.startsWith('citizen:');
}

/** The read side of feedback: staff lists scoped like dossiers, detail, history, the citizen's page. */
@Injectable()
export class FeedbackQueries {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly calendar: CalendarHolder,
  ) {}

  private staffView(row: FeedbackEntity, user: AuthUser): FeedbackView {
    return withTimeLeft(toFeedbackView(row, user), this.clock.now(), this.calendar.current);
  }

  async list(user: AuthUser, q: ListFeedbackQuery): Promise<{ items: FeedbackView[]; total: number; page: number; pageSize: number }> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    return this.uow.read(async (m) => {
      const qb = m.createQueryBuilder(FeedbackEntity, 'f');
      const department = viewingDepartment(user);
      if (department !== null) qb.andWhere('f.department_code = :department', { department });
      if (q.state) qb.andWhere('f.state = :state', { state: q.state });
      if (q.category) qb.andWhere('f.category = :category', { category: q.category });
      if (q.departmentCode) qb.andWhere('f.department_code = :code', { code: q.departmentCode });
      if (q.overdue) qb.andWhere('f.handled_at IS NULL AND f.due_at < :now', { now: this.clock.now() });
      const [rows, total] = await qb
        // Most urgent first; feedback without a running handling clock last.
        .orderBy('CASE WHEN f.due_at IS NULL THEN 1 ELSE 0 END', 'ASC')
        .addOrderBy('f.due_at', 'ASC')
        .addOrderBy('f.received_at', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
      return { items: rows.map((r) => this.staffView(r, user)), total, page, pageSize };
    });
  }

  async get(user: AuthUser, id: string): Promise<FeedbackView> {
    const row = await this.uow.read((m) => m.findOne(FeedbackEntity, { where: { id } }));
    if (!row || !canSeeFeedback(user, row)) throw new NotFoundError(`Feedback ${id} not found`);
    return this.staffView(row, user);
  }

  async history(user: AuthUser, id: string) {
    return this.uow.read(async (m) => {
      const row = await m.findOne(FeedbackEntity, { where: { id } });
      if (!row || !canSeeFeedback(user, row)) throw new NotFoundError(`Feedback ${id} not found`);
      const events = await m.find(FeedbackEventEntity, { where: { feedbackId: id }, order: { version: 'ASC' } });
      // People read full names, never logins; the citizen's events carry the author's name.
      const staffIds = [...new Set(events.map((e) => e.actorId).filter((a) => !isCitizenReference(a)))];
      const people = new Map((staffIds.length ? await m.find(UserEntity, { where: { id: In(staffIds) } }) : []).map((u) => [u.id, u]));
      return events.map((e) => ({
        version: e.version,
        type: e.type,
        typeLabel: e.type === 'CREATE' ? 'Tiếp nhận phản ánh, kiến nghị' : FEEDBACK_EVENT_LABELS_VI[e.type as FeedbackEventType] ?? e.type,
        from: e.fromState,
        to: e.toState,
        toLabel: FEEDBACK_STATE_LABELS_VI[e.toState as FeedbackState] ?? e.toState,
        actor: {
          id: e.actorId,
          username: e.actorUsername,
          fullName: isCitizenReference(e.actorId) ? row.authorName : (people.get(e.actorId)?.fullName ?? e.actorUsername),
          title: isCitizenReference(e.actorId) ? 'Người phản ánh, kiến nghị' : (people.get(e.actorId)?.title ?? null),
        },
        at: e.occurredAt.toISOString(),
        payload: e.payload,
        details: e.details,
      }));
    });
  }

  /** The citizen's page. An unknown code and a wrong secret get the same 404. */
  async lookup(code: string, secret: string): Promise<PublicFeedbackView> {
    return this.uow.read(async (m) => {
      const row = await m.findOne(FeedbackEntity, { where: { code } });
      if (!row || !sameSecret(row.lookupSecret, secret)) throw new NotFoundError('No feedback with this code and secret');
      const events = await m.find(FeedbackEventEntity, { where: { feedbackId: row.id }, order: { version: 'ASC' } });
      return toPublicFeedbackView(row, events);
    });
  }
}
