import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@motcua/workflow';

export const IS_PUBLIC = 'motcua:public';
export const ROLES = 'motcua:roles';
/** Machine roles of a route for other systems (machine-clients/machine-route.ts): staff guards leave it to the machine guard. */
export const MACHINE_ROUTE_ROLES = 'motcua:machine-roles';
export const PENDING_PASSWORD_OK = 'motcua:pending-password-ok';

/** No login needed. Every route is closed unless marked so. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Roles allowed on a route. A route with neither @Public nor @Roles is refused (deny by default). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** Open to a user who must still replace a temporary password (otherwise refused with PASSWORD_CHANGE_REQUIRED). */
export const AllowPendingPasswordChange = () => SetMetadata(PENDING_PASSWORD_OK, true);

export const ALL_STAFF: Role[] = ['admin', 'clerk', 'specialist', 'leader', 'reporter'];

/** The authenticated user, as carried by the access token. */
export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  departmentCode: string | null;
  /** Logged in with a temporary password, not yet replaced. */
  mustChangePassword?: boolean;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
