import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { CatalogueAdminService } from './catalogue-admin.service';

const PROCEDURE_BODY = {
  description: 'A procedure as in config/catalogue/procedures.json: name, field, processingTime {amount, unit}, fee, paperResult, resultName, components, steps…',
  schema: { type: 'object' },
};

/**
 * Catalogue administration. The body is validated by libs/catalogue (the same rules as the
 * seed files), not by a DTO class, so one definition of a procedure's shape serves both.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/procedures')
export class CatalogueAdminController {
  constructor(private readonly admin: CatalogueAdminService) {}

  @Post()
  @Roles('admin')
  @ApiBody(PROCEDURE_BODY)
  create(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    return this.admin.create(user, body);
  }

  @Put(':code')
  @Roles('admin')
  @ApiBody(PROCEDURE_BODY)
  update(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: unknown) {
    return this.admin.update(user, code, body);
  }

  @Get(':code/versions')
  @Roles('admin', 'reporter', 'leader')
  history(@Param('code') code: string) {
    return this.admin.history(code);
  }
}
