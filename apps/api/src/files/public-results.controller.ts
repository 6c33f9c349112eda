import { Controller, Get, Param, Req, StreamableFile, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { FilesService } from './files.service';

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * The public link of an electronic result (DuongDanTepTinKetQua in the portal record): the portal,
 * the applicant's data store and the applicant download the signed PDF from it. The link's token
 * is the secret (192 random bits); the answer is rate-limited per address like the other public routes.
 */
@ApiTags('public')
@Controller('public/results')
@Public()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ login: true })
export class PublicResultsController {
  constructor(private readonly files: FilesService) {}

  @Get(':token')
  @ApiProduces('application/pdf')
  async download(@Param('token') token: string, @Req() req: FastifyRequest): Promise<StreamableFile> {
    if (!TOKEN.test(token)) throw new BadInputError('Not a result link');
    const { file, dossierCode, stream } = await this.files.openIssuedResult(token, req.ip);
    return new StreamableFile(stream, {
      type: 'application/pdf',
      length: file.size,
      disposition: `attachment; filename="ket-qua-${dossierCode.replace(/[^A-Za-z0-9.-]/g, '_')}.pdf"`,
    });
  }
}
