import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { MAX_INT32 } from '../common/page.query';
import { DossierAssignment } from './dossier-assignment.service';

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new BadInputError('id must be a UUID') });

export class AssignmentVersionDto {
  @ApiProperty({ example: 3, description: 'The dossier version the caller saw (409 VERSION_CONFLICT otherwise)' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  expectedVersion!: number;
}

export class AssignDto extends AssignmentVersionDto {
  @ApiProperty({ description: 'The person to give the dossier to: a handler of its current step, in that step’s department' })
  @IsUUID()
  userId!: string;
}

/**
 * Claim / assign / release a dossier at its current step (issue #15). Refusals: 403
 * NOT_STEP_HANDLER / NOT_DEPARTMENT_LEADER, 422 ASSIGNEE_OTHER_DEPARTMENT / ASSIGNEE_CANNOT_HANDLE /
 * ASSIGNEE_UNKNOWN, 409 ALREADY_ASSIGNED / NOT_ASSIGNED / NOT_AT_A_STEP / VERSION_CONFLICT.
 */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class DossierAssignmentController {
  constructor(private readonly assignment: DossierAssignment) {}

  /** A handler of the current step takes the dossier. */
  @Post(':id/claim')
  @HttpCode(200)
  @Roles('specialist', 'leader')
  @ApiOkResponse({ description: 'The dossier, held by the caller' })
  claim(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: AssignmentVersionDto) {
    return this.assignment.claim(user, id, dto.expectedVersion);
  }

  /** The holder (or the department's leader) gives the dossier back to the department. */
  @Post(':id/release')
  @HttpCode(200)
  @Roles('specialist', 'leader')
  @ApiOkResponse({ description: 'The dossier, held by nobody' })
  release(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: AssignmentVersionDto) {
    return this.assignment.release(user, id, dto.expectedVersion);
  }

  /** A leader of the current step's department gives the dossier to one of its handlers. */
  @Post(':id/assign')
  @HttpCode(200)
  @Roles('leader')
  @ApiOkResponse({ description: 'The dossier, held by the person chosen' })
  assign(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: AssignDto) {
    return this.assignment.assign(user, id, dto.expectedVersion, dto.userId);
  }

  /** Whom the calling leader may give the dossier to now. */
  @Get(':id/assignable-users')
  @Roles('leader')
  assignable(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.assignment.assignable(user, id);
  }
}
