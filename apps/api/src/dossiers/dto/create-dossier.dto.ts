import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Channel, CHANNELS } from '@motcua/workflow';
import { Type } from 'class-transformer';
import { EmailAddress, IdNumber, NameText, NestedObject, PhoneNumber } from '../../common/input.decorators';
import { IntakeRecordDto } from './intake-record.dto';

export class ApplicantDto {
  @ApiProperty({ example: 'Nguyễn Văn Ánh' })
  @NameText(255)
  fullName!: string;

  @ApiProperty({ description: 'Citizen ID (CCCD, 12 digits; an old 9-digit CMND is accepted), passport number or tax code (10 or 13 digits); spaces are removed', example: '012345678901' })
  @IdNumber()
  idNumber!: string;

  @ApiPropertyOptional({ description: 'Vietnamese mobile (10 digits) or landline (11 digits); separators removed, +84 stored as 0', example: '0912345678' })
  @IsOptional()
  @PhoneNumber()
  phone?: string;

  @ApiPropertyOptional({ example: 'anh.nguyen@example.vn' })
  @IsOptional()
  @EmailAddress()
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
