import type { Actor, ProcessingStep } from '@motcua/workflow';
import { AuthUser } from '../common/auth.decorators';

/**
 * Who may see a dossier. The one-stop unit (clerks), leaders, reporters and admins
 * see every dossier of the agency; a specialist sees only dossiers whose procedure
 * has a step in their department. What each may *do* is the workflow's business.
 */
export function canSeeDossier(user: AuthUser, steps: readonly ProcessingStep[]): boolean {
  if (user.roles.some((r) => r !== 'specialist')) return true;
  return user.departmentCode !== null && steps.some((s) => s.departmentCode === user.departmentCode);
}

/** Department filter to apply to lists, or null when the user sees everything. */
export function departmentScope(user: AuthUser): string | null {
  if (user.roles.some((r) => r !== 'specialist')) return null;
  return user.departmentCode ?? '\u0000none';
}

export function toActor(user: AuthUser): Actor {
  return { userId: user.id, roles: user.roles, departmentCode: user.departmentCode };
}
