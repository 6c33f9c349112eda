import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { NestedObject } from '../common/input.decorators';
import { ApplicantDto } from '../dossiers/dto/create-dossier.dto';

/**
 * The applicant as the citizen types them on the online form: the counter's fields and rules
 * (ApplicantDto, whose ID number, phone and e-mail follow libs/text contact-rules), one rule for both.
 */
export class CitizenApplicantDto extends ApplicantDto {}

export class StartSubmissionDto {
  @ApiProperty({ example: '1.014393', description: 'A procedure the catalogue offers online (partial or full-process)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  procedureCode!: string;

  @ApiProperty({ type: CitizenApplicantDto })
  @NestedObject(() => CitizenApplicantDto)
  applicant!: CitizenApplicantDto;

  @ApiPropertyOptional({ description: 'The citizen token of a sign-in with the identity provider (GET /api/public/identity/start): the submission is then recorded as signed in' })
  @IsOptional()
  @IsString()
  @Length(1, 4096)
  identityToken?: string;
}

export class SubmissionTokenDto {
  @ApiProperty({ description: 'The token given when the submission was started' })
  @IsString()
  @Length(1, 128)
  token!: string;
}
