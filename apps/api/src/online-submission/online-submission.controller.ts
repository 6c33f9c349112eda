import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { readUpload } from '../files/multipart-upload';
import { StartSubmissionDto, SubmissionTokenDto } from './online-submission.dto';
import { OnlineSubmissionService } from './online-submission.service';

/**
 * The citizen's online submission (issue #16), without login: rate-limited per address like the
 * lookup; a draft is reached only with its id and the token its creator was given, so nobody can
 * touch another's submission, and no dossier is reachable from here.
 */
@ApiTags('public')
@Controller('public')
@Public()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ login: true })
export class OnlineSubmissionController {
  constructor(
    private readonly submissions: OnlineSubmissionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Procedures the catalogue offers online (partial or full-process), with their components and fee. */
  @Get('procedures')
  procedures() {
    return this.submissions.onlineProcedures();
  }

  @Post('submissions')
  @ApiCreatedResponse({ description: 'A draft: its id and the token that reaches it (kept by the citizen\'s browser only)' })
  start(@Body() dto: StartSubmissionDto) {
    return this.submissions.start(dto);
  }

  @Get('submissions/:id/files')
  files(@Param('id') id: string, @Query() q: SubmissionTokenDto) {
    return this.submissions.files(id, q.token);
  }

  /** One component's file (a new upload for the same component replaces it). */
  @Post('submissions/:id/files')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { token: { type: 'string' }, componentKey: { type: 'string' }, file: { type: 'string', format: 'binary' } }, required: ['token', 'componentKey', 'file'] },
  })
  async upload(@Param('id') id: string, @Req() req: FastifyRequest) {
    const upload = await readUpload(req, { maxFileBytes: this.config.maxUploadBytes, fields: ['token', 'componentKey'] });
    const { token, componentKey } = upload.fields;
    if (!token || token.length > 128 || !componentKey || componentKey.length > 64) {
      upload.stream.destroy();
      throw new BadInputError('Send the fields "token" (1–128 characters) and "componentKey" (1–64) before the file');
    }
    return this.submissions.upload(id, token, componentKey, upload);
  }

  /** Makes the dossier (state submitted, channel online); the reference and the secret come back and go out by e-mail/SMS. */
  @Post('submissions/:id/confirm')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'Confirmed: the reference and the lookup secret' })
  @ApiOkResponse({ description: 'Confirmed before: the same answer, nothing new stored' })
  async confirm(@Param('id') id: string, @Body() dto: SubmissionTokenDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const answer = await this.submissions.confirm(id, dto.token);
    if (answer.replayed) void reply.status(200);
    return answer;
  }
}
