import { Readable } from 'node:stream';
import { Body, Controller, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { ImportService } from './import.service';
import { IMPORT_MAX_BYTES, ImportTooLargeError } from './ndjson-body';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/dossiers')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  /**
   * NDJSON, one past dossier per line; all lines are validated first, then all or nothing is imported.
   * With `dryRun=true` nothing is written: the answer is the preview (problems by line, counts).
   */
  @Post('import')
  @HttpCode(200)
  @Roles('admin')
  @ApiConsumes('application/x-ndjson')
  @ApiBody({ schema: { type: 'string' } })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'], description: 'Validate only and report; write nothing' })
  importNdjson(@CurrentUser() user: AuthUser, @Body() body: unknown, @Headers('content-length') length: string | undefined, @Query('dryRun') dryRun?: string) {
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') throw new BadInputError('dryRun must be true or false', { field: 'dryRun' });
    if (!(body instanceof Readable)) throw new BadInputError('Send the dossiers as application/x-ndjson, one JSON object per line');
    if (Number(length) > IMPORT_MAX_BYTES) throw new ImportTooLargeError(`The import is larger than ${IMPORT_MAX_BYTES} bytes; split it into several files`, { maxBytes: IMPORT_MAX_BYTES });
    return this.imports.importNdjson(user, body, { dryRun: dryRun === 'true' });
  }
}
