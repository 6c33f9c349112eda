import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { NameText } from '../common/input.decorators';

/** Department codes are short upper-case ASCII, as in config/catalogue/departments.json (e.g. PQLKH). */
export const DEPARTMENT_CODE = /^[A-Z][A-Z0-9_]{1,31}$/;

export class CreateDepartmentDto {
  @ApiProperty({ example: 'PTTKH', description: '2–32 upper-case letters, digits or underscores, starting with a letter' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Matches(DEPARTMENT_CODE, { message: 'code must be 2–32 upper-case letters, digits or underscores, starting with a letter' })
  code!: string;

  @ApiProperty({ example: 'Phòng Thông tin khoa học' })
  @NameText(255)
  name!: string;

  @ApiPropertyOptional({ example: 'Thành lập theo quyết định của Giám đốc Sở' })
  @IsOptional()
  @NameText(500)
  reason?: string;
}

export class RenameDepartmentDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ example: 'Phòng Quản lý khoa học và công nghệ' })
  @NameText(255)
  name!: string;

  @ApiPropertyOptional({ example: 'Đổi tên theo quyết định sắp xếp tổ chức' })
  @IsOptional()
  @NameText(500)
  reason?: string;
}

/** Deactivation and reactivation: the version seen and why. */
export class DepartmentActionDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ example: 'Sáp nhập vào Phòng Quản lý khoa học' })
  @NameText(500)
  reason!: string;
}
