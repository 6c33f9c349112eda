import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { Role, ROLES } from '@motcua/workflow';
import { NameText } from '../common/input.decorators';
import { USERNAME } from './user-rules';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class CreateUserDto {
  @ApiProperty({ example: 'cv.kh02', description: '3–64 lower-case letters, digits, dots, dashes or underscores' })
  @trimmed()
  @IsString()
  @Matches(USERNAME, { message: 'username must be 3–64 lower-case letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ example: 'Lò Văn Tủa' })
  @NameText(255)
  fullName!: string;

  @ApiPropertyOptional({ example: 'Chuyên viên', nullable: true })
  @IsOptional()
  @NameText(255)
  title?: string | null;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ example: 'PQLKH', nullable: true, description: 'Required for specialists' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  departmentCode?: string | null;
}

/** Any of the editable fields; `version` is the one the administrator saw. */
export class UpdateUserDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @NameText(255)
  fullName?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @NameText(255)
  title?: string | null;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(32)
  departmentCode?: string | null;

  @ApiPropertyOptional({ example: 'Điều chuyển sang Phòng Quản lý công nghệ' })
  @IsOptional()
  @NameText(500)
  reason?: string;
}

/** Deactivation, reactivation and password reset: the version seen and why. */
export class UserActionDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ example: 'Nghỉ hưu từ ngày 01/03/2026' })
  @NameText(500)
  reason!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({ description: 'At least 12 characters' })
  @IsString()
  @MaxLength(256)
  newPassword!: string;
}

/** The token of a one-time reset link (43 base64url characters as issued). */
export class ResetLinkTokenDto {
  @ApiProperty({ description: 'The token from the reset link (never logged)' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,128}$/, { message: 'token must be 16–128 base64url characters' })
  token!: string;
}

export class UseResetLinkDto extends ResetLinkTokenDto {
  @ApiProperty({ description: 'At least 12 characters (the policy of the own-password change)' })
  @IsString()
  @MaxLength(256)
  newPassword!: string;
}
