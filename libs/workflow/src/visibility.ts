import type { Actor, ProcessingStep } from './dossier.types';

/**
 * Who may see a dossier (what they may *do* is the permission table's business).
 * The one-stop unit (clerks), leaders, reporters and admins see every dossier of the
 * agency; someone who is only a specialist sees the dossiers whose procedure has a step
 * in their department.
 */
export function canViewDossier(actor: Pick<Actor, 'roles' | 'departmentCode'>, steps: readonly ProcessingStep[]): boolean {
  const department = viewingDepartment(actor);
  return department === null || steps.some((s) => s.departmentCode === department);
}

/**
 * Who may see a feedback (PAKN): the same people as for dossiers, except that someone who is
 * only a specialist sees the feedback assigned to their department (none before it is classified).
 */
export function canViewFeedback(actor: Pick<Actor, 'roles' | 'departmentCode'>, assignedDepartment: string | null): boolean {
  const department = viewingDepartment(actor);
  return department === null || assignedDepartment === department;
}

/**
 * The department a list must be restricted to (a step of the procedure in it), or null
 * when the actor sees everything. A specialist without a department sees nothing: the
 * returned code matches no department.
 */
export function viewingDepartment(actor: Pick<Actor, 'roles' | 'departmentCode'>): string | null {
  if (actor.roles.some((r) => r !== 'specialist')) return null;
  return actor.departmentCode ?? '\u0000none';
}
