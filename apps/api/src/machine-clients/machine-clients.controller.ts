import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { NameText } from '../common/input.decorators';
import { MACHINE_ROLES, MachineRole } from './machine-client.entity';
import { MachineClientsService } from './machine-clients.service';

export class CreateMachineClientDto {
  @ApiProperty({ example: 'Cổng Dịch vụ công quốc gia' })
  @NameText(100)
  name!: string;

  @ApiProperty({ enum: MACHINE_ROLES })
  @IsIn(MACHINE_ROLES as MachineRole[])
  role!: MachineRole;
}

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new BadInputError('id must be a UUID') });

/** Administrators manage the machine accounts of other systems; the secret is shown once, at creation and at each rotation. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/machine-clients')
export class MachineClientsController {
  constructor(private readonly clients: MachineClientsService) {}

  @Get()
  @Roles('admin')
  list() {
    return this.clients.list();
  }

  @Post()
  @Roles('admin')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateMachineClientDto) {
    return this.clients.create(user, dto.name, dto.role);
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @Roles('admin')
  rotate(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.clients.rotate(user, id);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles('admin')
  deactivate(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.clients.deactivate(user, id);
  }

  @Get(':id/changes')
  @Roles('admin')
  changes(@Param('id', uuid) id: string) {
    return this.clients.changes(id);
  }
}
