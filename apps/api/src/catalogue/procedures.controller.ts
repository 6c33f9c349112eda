import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, Roles } from '../common/auth.decorators';
import { CatalogueService } from './catalogue.service';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller()
export class ProceduresController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('procedures')
  @Roles(...ALL_STAFF)
  list() {
    return this.catalogue.listProcedures();
  }

  @Get('procedures/:code')
  @Roles(...ALL_STAFF)
  get(@Param('code') code: string) {
    return this.catalogue.getCurrent(code);
  }

  @Get('departments')
  @Roles(...ALL_STAFF)
  departments() {
    return this.catalogue.listDepartments();
  }
}
