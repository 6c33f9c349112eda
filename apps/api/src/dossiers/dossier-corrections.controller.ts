import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { CorrectApplicantDto } from './dossier-corrections';
import { DossierCorrections } from './dossier-corrections.service';

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class DossierCorrectionsController {
  constructor(private readonly corrections: DossierCorrections) {}

  /** The counter (and the leader) correct the applicant's data until the result is issued; audited with the reason. */
  @Patch(':id/applicant')
  @Roles('clerk', 'leader')
  correctApplicant(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CorrectApplicantDto) {
    return this.corrections.correctApplicant(user, id, dto);
  }
}
