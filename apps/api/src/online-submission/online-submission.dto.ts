import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength, ValidateBy } from 'class-validator';
import { checkIdNumber, cleanIdNumber } from '@motcua/text';
import { NameText, NestedObject } from '../common/input.decorators';

/** The applicant as the citizen types them on the online form; the ID number is checked against the papers' formats (libs/text). */
export class CitizenApplicantDto {
  @ApiProperty({ example: 'Nguyễn Văn Ánh' })
  @NameText(255)
  fullName!: string;

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

  @ApiPropertyOptional({ example: '0912345678', description: 'Phone or e-mail (at least one): the reference and the secret are sent there' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 .-]{6,20}$/, { message: 'phone must be 6–20 digits' })
  phone?: string;

  @ApiPropertyOptional({ example: 'anh.nguyen@example.vn' })
  @IsOptional()
  @IsEmail()
  @MaxLength(255)
  email?: string;

  @ApiPropertyOptional({ example: 'Phường Đông Phong, tỉnh Lai Châu' })
  @IsOptional()
  @NameText(500)
  address?: string;
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
