import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBasicAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { MachineRoute } from '../machine-clients/machine-route';
import schema from './portal-dossier.schema.json';
import { PortalInboundService } from './portal-inbound.service';

@ApiTags('portal')
@ApiBasicAuth()
@Controller('portal')
export class PortalInboundController {
  constructor(private readonly inbound: PortalInboundService) {}

  /** A dossier submitted on the national portal, with its files (machine account of role portal_client). */
  @Post('dossiers')
  @MachineRoute('portal_client')
  @ApiBody({ schema: schema as object })
  @ApiCreatedResponse({ description: 'Received: our reference for the portal dossier' })
  @ApiOkResponse({ description: 'This portal id was received before: the same reference, nothing new stored' })
  @ApiUnauthorizedResponse({ description: 'No or wrong machine credentials' })
  @ApiUnprocessableEntityResponse({ description: 'PORTAL_FIELD_INVALID, naming the field; nothing stored' })
  async receive(@CurrentUser() client: AuthUser, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const ack = await this.inbound.receive(client, body);
    if (ack.replayed) void reply.status(200);
    return ack;
  }
}
