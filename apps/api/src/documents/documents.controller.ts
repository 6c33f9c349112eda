import { Controller, Get, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import type { FastifyReply } from 'fastify';
import { BadInputError } from '../common/errors';
import { privateDocumentHeaders } from '../common/security-headers';
import { DOCUMENT_KINDS, DocumentKind, DocumentsService } from './documents.service';

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new BadInputError('id must be a UUID') });

@ApiTags('documents')
@ApiBearerAuth()
@Controller('dossiers/:id/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** The receipt and appointment slip (Mẫu 01) with its QR code, or the paper issued for the latest supplement request, refusal or apology. */
  @Get(':kind')
  @Roles(...ALL_STAFF)
  @ApiParam({ name: 'kind', enum: DOCUMENT_KINDS })
  @ApiProduces('application/pdf')
  async get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('kind') kind: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    if (!DOCUMENT_KINDS.includes(kind as DocumentKind)) throw new BadInputError(`kind must be one of ${DOCUMENT_KINDS.join(', ')}`);
    const { fileName, stream } = await this.documents.open(user, id, kind as DocumentKind);
    privateDocumentHeaders(reply);
    return new StreamableFile(stream, { type: 'application/pdf', disposition: `inline; filename="${fileName}"` });
  }
}
