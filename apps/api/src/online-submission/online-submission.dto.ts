import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Length, MaxLength } from 'class-validator';
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
}

export class SubmissionTokenDto {
  @ApiProperty({ description: 'The token given when the submission was started' })
  @IsString()
  @Length(1, 128)
  token!: string;
}
