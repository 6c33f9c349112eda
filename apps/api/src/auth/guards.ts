import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@motcua/workflow';
import { AuthUser, IS_PUBLIC, MACHINE_ROUTE_ROLES, PENDING_PASSWORD_OK, ROLES } from '../common/auth.decorators';
import { PasswordChangeRequiredError } from '../users/user-admin.errors';

/** Global: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const targets = [context.getHandler(), context.getClass()];
    // Machine routes authenticate by client credentials in their own guard, never by a staff token.
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) || isMachineRoute(this.reflector, targets)) return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err || !user) throw new UnauthorizedException({ error: 'UNAUTHORIZED', message: 'A valid bearer token is required' });
    return user;
  }
}

/** Global: a logged-in route must declare its roles with @Roles(); routes that don't are refused. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) || isMachineRoute(this.reflector, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles) throw new ForbiddenException({ error: 'FORBIDDEN', message: 'This route declares no roles' });
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user || !user.roles.some((r) => roles.includes(r))) {
      throw new ForbiddenException({ error: 'FORBIDDEN', message: `Requires one of the roles: ${roles.join(', ')}` });
    }
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PENDING_PASSWORD_OK, targets)) {
      throw new PasswordChangeRequiredError('Choose a new password first (POST /api/auth/password)');
    }
    return true;
  }
}

function isMachineRoute(reflector: Reflector, targets: Parameters<Reflector['getAllAndOverride']>[1]): boolean {
  const roles = reflector.getAllAndOverride<string[] | undefined>(MACHINE_ROUTE_ROLES, targets);
  return Array.isArray(roles) && roles.length > 0;
}
