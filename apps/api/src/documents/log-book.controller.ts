import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../common/auth.decorators';
import { privateDocumentHeaders } from '../common/security-headers';
import { LogBookQuery } from './log-book.dto';
import { LogBookService } from './log-book.service';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('reports')
export class LogBookController {
  constructor(private readonly logBook: LogBookService) {}

  /** Sổ theo dõi hồ sơ: the dossiers received in a period (optionally of one procedure), as PDF or Excel. */
  @Get('log-book')
  @Roles('clerk', 'reporter', 'admin')
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async get(@Query() q: LogBookQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { fileName, contentType, bytes } = await this.logBook.export(q);
    privateDocumentHeaders(reply);
    void reply.header('content-type', contentType).header('content-disposition', `attachment; filename="${fileName}"`);
    return bytes;
  }
}
