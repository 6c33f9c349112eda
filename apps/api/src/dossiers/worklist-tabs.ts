import { Brackets, EntityManager, SelectQueryBuilder } from 'typeorm';
import { DOSSIER_STATE_LABELS_VI, DossierState, END_STATES } from '@motcua/workflow';
import { DEADLINE_STATUS_LABELS_VI, OUTCOME_LABELS_VI } from '@motcua/deadlines';
import { AuthUser } from '../common/auth.decorators';
import { ProcedureStepEntity } from '../catalogue/procedure-step.entity';
import { departmentScope } from './dossier-access';
import { DossierEntity } from './dossier.entity';
import type { ListDossiersQuery } from './dto/list-dossiers.query';
import { containsPattern, nameSearchKey } from './name-search';

/**
 * The worklist's tabs (issue #15): open work (chờ xử lý) — of which due soon and overdue by the flag
 * the deadline sweep keeps — results waiting to be handed over (chờ trả kết quả), and closed dossiers.
 */
export const WORKLIST_TABS = ['open', 'due_soon', 'overdue', 'awaiting_return', 'closed'] as const;
export type WorklistTab = (typeof WORKLIST_TABS)[number];

const TAB_LABELS_VI: Record<WorklistTab, string> = {
  open: 'Chờ xử lý',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  awaiting_return: 'Chờ trả kết quả',
  closed: 'Đã kết thúc',
};

/** The filters of a list in Vietnamese words, for the head of its export. */
export function describeFiltersVi(q: ListDossiersQuery): string {
  const parts = [
    `nhóm «${q.tab ? TAB_LABELS_VI[q.tab] : 'Tất cả'}»`,
    q.state ? `trạng thái «${DOSSIER_STATE_LABELS_VI[q.state]}»` : '',
    q.deadlineStatus ? `thời hạn «${DEADLINE_STATUS_LABELS_VI[q.deadlineStatus]}»` : '',
    q.outcome ? `kết quả «${OUTCOME_LABELS_VI[q.outcome]}»` : '',
    q.procedureCode ? `thủ tục ${q.procedureCode}` : '',
    q.mine ? 'đang chờ đơn vị tôi xử lý' : '',
    q.assignee ? `đơn vị đang giữ ${q.assignee}` : '',
    q.assignedTo === 'me' ? 'do tôi xử lý' : q.assignedTo === 'nobody' ? 'chưa giao cho ai' : '',
    q.overdue === true ? 'quá hẹn trả' : q.overdue === false ? 'chưa quá hẹn trả' : '',
    q.text ? `tìm «${q.text}»` : '',
  ];
  return parts.filter(Boolean).join('; ');
}

/** The assignment filter: held by the viewer ("của tôi"), or by nobody ("chưa giao"). */
export const ASSIGNED_TO = ['me', 'nobody'] as const;
export type AssignedTo = (typeof ASSIGNED_TO)[number];

const OPEN = `d.state NOT IN (:...ended) AND d.state <> 'result_issued'`;

export function applyTab(qb: SelectQueryBuilder<DossierEntity>, tab: WorklistTab): void {
  const ended = END_STATES as DossierState[];
  if (tab === 'open') qb.andWhere(OPEN, { ended });
  else if (tab === 'due_soon' || tab === 'overdue') qb.andWhere(`${OPEN} AND d.deadline_status = :tabFlag`, { ended, tabFlag: tab });
  else if (tab === 'awaiting_return') qb.andWhere(`d.state = 'result_issued'`);
  else qb.andWhere('d.state IN (:...ended)', { ended });
}

/**
 * Every filter of the list except the tab and the paging: the list and the tab counts are built
 * from this one function, so a tab's count is the total the list shows for it.
 */
export function applyListFilters(m: EntityManager, qb: SelectQueryBuilder<DossierEntity>, user: AuthUser, q: ListDossiersQuery, now: Date): void {
  const scope = departmentScope(user);
  // A dossier held by the viewer's own department has a step there: the visibility test is
  // then implied, and leaving it out lets the department index serve the inbox alone.
  const heldByScope = scope !== null && ((q.mine && user.departmentCode === scope) || q.assignee === scope);
  if (scope !== null && !heldByScope) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM ${m.getRepository(ProcedureStepEntity).metadata.tableName} s
               WHERE s.procedure_version_id = d.procedure_version_id AND s.department_code = :scope)`,
      { scope },
    );
  }
  if (q.state) qb.andWhere('d.state = :state', { state: q.state });
  if (q.procedureCode) qb.andWhere('d.procedure_code = :procedureCode', { procedureCode: q.procedureCode });
  if (q.deadlineStatus) qb.andWhere('d.deadline_status = :deadlineStatus', { deadlineStatus: q.deadlineStatus });
  if (q.outcome) qb.andWhere('d.outcome = :outcome', { outcome: q.outcome });
  if (q.assignee) qb.andWhere('d.current_department_code = :assignee', { assignee: q.assignee });
  if (q.mine) {
    // A user without a department (an administrator, a reporter) holds no dossier.
    if (user.departmentCode === null) qb.andWhere('1 = 0');
    else qb.andWhere('d.current_department_code = :myDept', { myDept: user.departmentCode });
  }
  if (q.assignedTo === 'me') qb.andWhere('d.assignee_id = :me', { me: user.id });
  else if (q.assignedTo === 'nobody') qb.andWhere('d.assignee_id IS NULL');
  if (q.overdue !== undefined) {
    qb.andWhere(q.overdue ? `${OPEN} AND d.due_at < :now` : `NOT (${OPEN} AND d.due_at IS NOT NULL AND d.due_at < :now)`, { ended: END_STATES as DossierState[], now });
  }
  if (q.text) {
    // Names are compared folded (no case, no diacritics, either Unicode form) on both dialects;
    // codes and ID numbers are ASCII, compared without case.
    const like = containsPattern(q.text.toLowerCase());
    const name = containsPattern(nameSearchKey(q.text));
    qb.andWhere(
      new Brackets((w) =>
        w
          .where(`LOWER(d.code) LIKE :like ESCAPE '\\'`, { like })
          // A submission keeps its reference after receipt: the reference the applicant quotes still finds it.
          .orWhere(`LOWER(d.submission_ref) LIKE :like ESCAPE '\\'`, { like })
          .orWhere(`LOWER(d.applicant_id_number) LIKE :like ESCAPE '\\'`, { like })
          .orWhere(`d.applicant_name_search LIKE :name ESCAPE '\\'`, { name }),
      ),
    );
  }
}
