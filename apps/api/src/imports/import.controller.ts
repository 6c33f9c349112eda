import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { ImportService } from './import.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/dossiers')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  /** NDJSON, one past dossier per line; all lines are validated first, then all or nothing is imported. */
  @Post('import')
  @HttpCode(200)
  @Roles('admin')
  @ApiConsumes('application/x-ndjson')
  @ApiBody({ schema: { type: 'string' } })
  importNdjson(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    if (typeof body !== 'string') throw new BadInputError('Send the dossiers as application/x-ndjson, one JSON object per line');
    return this.imports.importNdjson(user, body);
  }
}
