import { Brackets, EntityManager, SelectQueryBuilder } from 'typeorm';
import { DossierState, END_STATES } from '@motcua/workflow';
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
