import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { CreateDepartmentDto, DepartmentActionDto, RenameDepartmentDto } from './department-admin.dto';
import { DepartmentAdminService } from './department-admin.service';

/** Departments: administrators only; deactivated, never deleted; every change audited (GET …/changes). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/departments')
@Roles('admin')
export class DepartmentAdminController {
  constructor(private readonly departments: DepartmentAdminService) {}

  @Get()
  list() {
    return this.departments.list();
  }

  @Post()
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateDepartmentDto) {
    return this.departments.create(actor, dto);
  }

  @Patch(':code')
  rename(@CurrentUser() actor: AuthUser, @Param('code') code: string, @Body() dto: RenameDepartmentDto) {
    return this.departments.rename(actor, code, dto);
  }

  /** Refused (DEPARTMENT_IN_USE) while active accounts belong to it or a current procedure routes a step to it. */
  @Post(':code/deactivate')
  @HttpCode(200)
  deactivate(@CurrentUser() actor: AuthUser, @Param('code') code: string, @Body() dto: DepartmentActionDto) {
    return this.departments.setActive(actor, code, false, dto);
  }

  @Post(':code/reactivate')
  @HttpCode(200)
  reactivate(@CurrentUser() actor: AuthUser, @Param('code') code: string, @Body() dto: DepartmentActionDto) {
    return this.departments.setActive(actor, code, true, dto);
  }

  @Get(':code/changes')
  changes(@Param('code') code: string) {
    return this.departments.changes(code);
  }
}
