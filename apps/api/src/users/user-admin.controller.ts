import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { CreateUserDto, UpdateUserDto, UserActionDto } from './user-admin.dto';
import { UserAdminService } from './user-admin.service';
import { PasswordResetLinks } from './password-reset-links.service';

/** Staff accounts: administrators only; every change audited (GET …/changes). */
@ApiTags('users')
@ApiBearerAuth()
@Controller('admin/users')
@Roles('admin')
export class UserAdminController {
  constructor(
    private readonly users: UserAdminService,
    private readonly links: PasswordResetLinks,
  ) {}

  @Get()
  list() {
    return this.users.list();
  }

  /** Creates the account with a temporary password, shown once here (to print and hand over). */
  @Post()
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  update(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  /** Stops new logins; a token already issued lasts until it expires (JWT_EXPIRES_IN_SECONDS). */
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UserActionDto) {
    return this.users.setActive(actor, id, false, dto);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  reactivate(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UserActionDto) {
    return this.users.setActive(actor, id, true, dto);
  }

  /** A new temporary password, shown once; the old one stops working at once. */
  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UserActionDto) {
    return this.users.resetPassword(actor, id, dto);
  }

  /** A one-time link for the user to set a password themself, shown once; any older link stops working. */
  @Post(':id/reset-link')
  @HttpCode(200)
  resetLink(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UserActionDto) {
    return this.links.issue(actor, id, dto);
  }

  @Get(':id/changes')
  changes(@Param('id', ParseUUIDPipe) id: string) {
    return this.users.changes(id);
  }
}
