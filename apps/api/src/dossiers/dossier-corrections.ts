import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { NameText, NestedObject } from '../common/input.decorators';
import { ApplicantDto } from './dto/create-dossier.dto';

/**
 * Corrections: changes to a dossier that are not workflow transitions. Each is recorded in the
 * dossier's history (dossier_event, from state = to state) with who, when and why.
 */
export const CORRECTION_LABELS_VI: Record<string, string> = {
  CORRECT_APPLICANT: 'Sửa thông tin người nộp',
  REMOVE_FILE: 'Gỡ bỏ tệp',
  // Assignment at the current step (dossier-assignment.service.ts): recorded the same way.
  CLAIM: 'Nhận xử lý hồ sơ',
  RELEASE: 'Trả lại, bỏ nhận xử lý',
  ASSIGN: 'Giao xử lý hồ sơ',
  // Written by an official holiday notice's load (calendar/official-schedule.service.ts).
  RECOMPUTE_DUE: 'Tính lại hạn theo lịch nghỉ chính thức',
};

export class CorrectApplicantDto {
  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ example: 'Nhập sai số định danh khi tiếp nhận' })
  @NameText(500)
  reason!: string;

  @ApiProperty({ type: ApplicantDto, description: 'The applicant as it should be (every field; an absent optional field is cleared)' })
  @NestedObject(() => ApplicantDto)
  applicant!: ApplicantDto;
}
