import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Length, MaxLength, ValidateBy } from 'class-validator';
import { checkIdNumber, cleanIdNumber } from '@motcua/text';
import { NestedObject } from '../common/input.decorators';
import { ApplicantDto } from '../dossiers/dto/create-dossier.dto';

/**
 * The applicant as the citizen types them on the online form: the counter's fields and rules
 * (ApplicantDto), but the ID number is checked against the papers' formats (libs/text).
 */
export class CitizenApplicantDto extends OmitType(ApplicantDto, ['idNumber'] as const) {
  @ApiProperty({ description: 'CCCD (12 digits), old CMND (9), passport (a letter and 7 digits) or tax code (10, or 10-3); spaces and dots are removed', example: '001099012345' })
  @Transform(({ value }) => (typeof value === 'string' ? cleanIdNumber(value) : value))
  @IsString()
  @MaxLength(32)
  @ValidateBy({
    name: 'isIdNumber',
    validator: {
      validate: (value) => typeof value === 'string' && checkIdNumber(value).ok,
      defaultMessage: (args) => {
        const check = typeof args?.value === 'string' ? checkIdNumber(args.value) : null;
        return `idNumber ${check && !check.ok ? check.problem : 'must be a string'}`;
      },
    },
  })
  idNumber!: string;
}

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
