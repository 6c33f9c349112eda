import { Actor, canViewDossier, ProcessingStep, viewingDepartment } from '@motcua/workflow';
import { AuthUser } from '../common/auth.decorators';

/** Whether the user may see a dossier with these steps (the rule is the workflow library's). */
export function canSeeDossier(user: AuthUser, steps: readonly ProcessingStep[]): boolean {
  return canViewDossier(user, steps);
}

/** Department filter to apply to lists (mirrors `canViewDossier` in SQL), or null when the user sees everything. */
export function departmentScope(user: AuthUser): string | null {
  return viewingDepartment(user);
}

export function toActor(user: AuthUser): Actor {
  return { userId: user.id, roles: user.roles, departmentCode: user.departmentCode };
}
