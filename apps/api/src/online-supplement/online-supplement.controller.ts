import { Controller, Inject, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { Public } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { readUpload } from '../files/multipart-upload';
import { OnlineSupplementService } from './online-supplement.service';

/** The applicant sends a requested supplement from the lookup page (code + secret; rate-limited as the lookup). */
@ApiTags('public')
@Controller('public/dossiers')
@Public()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ login: true })
export class OnlineSupplementController {
  constructor(
    private readonly supplements: OnlineSupplementService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':code/supplement-files')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { secret: { type: 'string' }, componentKey: { type: 'string' }, file: { type: 'string', format: 'binary' } }, required: ['secret', 'componentKey', 'file'] },
  })
  async upload(@Param('code') code: string, @Req() req: FastifyRequest) {
    const upload = await readUpload(req, { maxFileBytes: this.config.maxUploadBytes, fields: ['secret', 'componentKey'] });
    const { secret, componentKey } = upload.fields;
    if (!secret || secret.length > 128 || !componentKey || componentKey.length > 64) {
      upload.stream.destroy();
      throw new BadInputError('Send the fields "secret" (1–128 characters) and "componentKey" (1–64) before the file');
    }
    return this.supplements.upload(code, secret, componentKey, upload);
  }
}
