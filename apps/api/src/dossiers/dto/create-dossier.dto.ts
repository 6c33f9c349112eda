import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Channel, CHANNELS } from '@motcua/workflow';
import { Type } from 'class-transformer';
import { NameText, NestedObject } from '../../common/input.decorators';
import { IntakeRecordDto } from './intake-record.dto';

export class ApplicantDto {
  @ApiProperty({ example: 'Nguyễn Văn Ánh' })
  @NameText(255)
  fullName!: string;

  @ApiProperty({ description: 'Citizen ID (CCCD, 12 digits), passport number or tax code', example: '012345678901' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{6,20}$/, { message: 'idNumber must be 6–20 letters, digits or dashes' })
  idNumber!: string;

  @ApiPropertyOptional({ example: '0912345678' })
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

export class CreateDossierDto {
  @ApiProperty({ example: '1.014393' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  procedureCode!: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS as Channel[])
  channel!: Channel;

  @ApiProperty({ type: ApplicantDto })
  @NestedObject(() => ApplicantDto)
  applicant!: ApplicantDto;

  @ApiPropertyOptional({ type: IntakeRecordDto, description: 'What was received per component (counter and postal dossiers); printed on Mẫu 01' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IntakeRecordDto)
  intake?: IntakeRecordDto;
}
