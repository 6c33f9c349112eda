import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UnauthorizedException, UseGuards, ForbiddenException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { MACHINE_ROUTE_ROLES } from '../common/auth.decorators';
import { MachineClientsService } from './machine-clients.service';
import type { MachineRole } from './machine-client.entity';

/**
 * Authenticates a machine account by its client credentials (HTTP Basic). Staff bearer tokens are
 * not accepted here, and the staff guards let such routes through to this guard only.
 */
@Injectable()
export class MachineClientGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly clients: MachineClientsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<MachineRole[] | undefined>(MACHINE_ROUTE_ROLES, [context.getHandler(), context.getClass()]) ?? [];
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: unknown }>();
    const client = await this.clients.authenticate(request.headers.authorization);
    if (!client) {
      throw new UnauthorizedException({ error: 'UNAUTHORIZED', code: 'UNAUTHORIZED', message: 'Machine client credentials (HTTP Basic: client id and secret) are required' });
    }
    if (!roles.includes(client.role)) throw new ForbiddenException({ error: 'FORBIDDEN', message: `Requires one of the machine roles: ${roles.join(', ')}` });
    request.user = { id: client.id, username: `client:${client.name}`.slice(0, 64), fullName: client.name, roles: [], departmentCode: null, machineRole: client.role };
    return true;
  }
}

/** A route for machine accounts of these roles only (never staff). The guard comes with the metadata, so neither can be forgotten. */
export const MachineRoute = (...roles: MachineRole[]) => applyDecorators(SetMetadata(MACHINE_ROUTE_ROLES, roles), UseGuards(MachineClientGuard));
