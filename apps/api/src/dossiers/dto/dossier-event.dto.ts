import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, Max, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_INT32 } from '../../common/page.query';
import { IsInstant } from '../../common/input.decorators';
import { DOSSIER_EVENT_TYPES, DossierEventType, RETURN_METHODS, ReturnMethod } from '@motcua/workflow';

/** A component the applicant must supply or correct (Mẫu 02), with what exactly is missing or wrong. */
export class SupplementComponentDto {
  @ApiProperty({ description: 'Component key of the procedure version' })
  @IsString()
  @MaxLength(64)
  key!: string;

  @ApiPropertyOptional({ example: 'Bản sao có chứng thực, còn hiệu lực' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  requirement?: string;
}

/**
 * One body for every event; which optional fields an event takes is checked by
 * `toWorkflowEvent` (a field an event does not use is refused, not ignored).
 */
export class DossierEventDto {
  @ApiProperty({ enum: DOSSIER_EVENT_TYPES })
  @IsIn(DOSSIER_EVENT_TYPES as DossierEventType[])
  type!: DossierEventType;

  @ApiProperty({ description: 'The dossier version the client saw; a stale one gets 409 VERSION_CONFLICT' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  expectedVersion!: number;

  @ApiPropertyOptional({ description: 'Required by REJECT, SEND_BACK, REQUEST_SUPPLEMENT, REFUSE, STOP, WITHDRAW, APOLOGISE' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'Optional note for FORWARD, SUPPLEMENT_RECEIVED, ISSUE_RESULT' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ enum: RETURN_METHODS, description: 'Required by RETURN_RESULT' })
  @IsOptional()
  @IsIn(RETURN_METHODS as ReturnMethod[])
  method?: ReturnMethod;

  @ApiPropertyOptional({
    type: [SupplementComponentDto],
    description: 'REQUEST_SUPPLEMENT only: the components to supply or correct, each once (the one-time complete guidance printed on Mẫu 02)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SupplementComponentDto)
  components?: SupplementComponentDto[];

  @ApiPropertyOptional({ description: 'New appointment (ISO 8601), required by APOLOGISE' })
  @IsOptional()
  @IsInstant()
  newAppointment?: string;
}
