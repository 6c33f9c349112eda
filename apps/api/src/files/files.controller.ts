import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { privateDocumentHeaders } from '../common/security-headers';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { ALL_STAFF, AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { FilesService } from './files.service';
import { readUpload } from './multipart-upload';
import { ALLOWED_TYPES } from './upload-stream';

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new BadInputError('id must be a UUID') });

export class ReuseFileDto {
  @IsUUID('4')
  fileId!: string;
}

@ApiTags('files')
@ApiBearerAuth()
@Controller()
export class FilesController {
  constructor(
    private readonly files: FilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Upload one scan of a dossier component (multipart field `file`). Type is sniffed from the bytes. */
  @Post('dossiers/:id/components/:key/files')
  @Roles('clerk')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  async upload(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('key') key: string, @Req() req: FastifyRequest) {
    const upload = await readUpload(req, { maxFileBytes: this.config.maxUploadBytes, fields: [] });
    return this.files.uploadComponent(user, id, key, upload);
  }

  /**
   * The result document (PDF), multipart: field `mode` first (`sign`: the service signs
   * it with the agency certificate; `signed`: already signed elsewhere, verified here),
   * then `file`. A signature that does not verify → 422 SIGNATURE_INVALID, nothing stored.
   */
  @Post('dossiers/:id/result')
  @Roles('specialist', 'leader')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { mode: { type: 'string', enum: ['sign', 'signed'] }, file: { type: 'string', format: 'binary' } }, required: ['mode', 'file'] } })
  async uploadResult(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Req() req: FastifyRequest) {
    const upload = await readUpload(req, { maxFileBytes: this.config.maxUploadBytes, fields: ['mode'] });
    const mode = upload.fields.mode;
    if (mode !== 'sign' && mode !== 'signed') {
      upload.stream.resume();
      throw new BadInputError('Field "mode" (sent before "file") must be "sign" or "signed"');
    }
    return this.files.uploadResult(user, id, mode, upload);
  }

  /** Re-verifies the stored file's signature and reports the verdict. */
  @Get('files/:id/verification')
  @Roles(...ALL_STAFF)
  verification(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.files.verification(user, id);
  }

  /** Attach a file from the applicant's data store instead of scanning the paper again. */
  @Post('dossiers/:id/components/:key/reuse')
  @Roles('clerk')
  reuse(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('key') key: string, @Body() dto: ReuseFileDto) {
    return this.files.reuseComponent(user, id, key, dto.fileId);
  }

  @Get('dossiers/:id/files')
  @Roles(...ALL_STAFF)
  list(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.files.listForDossier(user, id);
  }

  /** The applicant's data store (TT 01/2023 Art 24), searched by ID number at the counter. */
  @Get('applicants/:idNumber/files')
  @Roles('clerk')
  store(@Param('idNumber') idNumber: string) {
    if (!/^[A-Za-z0-9-]{6,20}$/.test(idNumber)) throw new BadInputError('idNumber must be 6–20 letters, digits or dashes');
    return this.files.applicantStore(idNumber);
  }

  /** Streams the file through the API (authorised like its dossier). */
  @Get('files/:id')
  @Roles(...ALL_STAFF)
  async download(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const { file, stream } = await this.files.open(user, id);
    // Shown inline only when a browser renders the type itself.
    privateDocumentHeaders(reply);
    const disposition = ALLOWED_TYPES.has(file.contentType) ? 'inline' : 'attachment';
    return new StreamableFile(stream, {
      type: file.contentType,
      length: file.size,
      disposition: `${disposition}; filename="${file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  /** A short-lived direct link (MinIO presigned URL); null on disk storage, where the API streams. */
  @Get('files/:id/url')
  @Roles(...ALL_STAFF)
  url(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.files.presignedUrl(user, id);
  }
}
