import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { NameText, NestedObject } from '../../common/input.decorators';

export class FeedbackAuthorDto {
  @ApiProperty({ example: 'Trần Thị Bình' })
  @NameText(120)
  fullName!: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 .-]{6,20}$/, { message: 'phone must be 6–20 digits' })
  phone?: string;

  @ApiPropertyOptional({ example: 'binh.tran@example.vn' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'Phường Tân Phong, tỉnh Lai Châu' })
  @IsOptional()
  @NameText(500)
  address?: string;
}

/** What the citizen writes: the feedback itself and who sends it. */
export class FeedbackContentDto {
  @ApiProperty({ example: 'Thời hạn giải quyết không đúng như niêm yết' })
  @NameText(200)
  title!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  content!: string;

  @ApiProperty({ type: FeedbackAuthorDto })
  @NestedObject(() => FeedbackAuthorDto)
  author!: FeedbackAuthorDto;
}

/** From the public page. A link to a dossier needs the dossier's code and secret (the receipt's). */
export class PublicFeedbackDto extends FeedbackContentDto {
  @ApiPropertyOptional({ description: 'Code of the dossier the feedback is about' })
  @IsOptional()
  @IsString()
  @Length(1, 48)
  dossierCode?: string;

  @ApiPropertyOptional({ description: 'The dossier’s lookup secret; required with dossierCode' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  dossierSecret?: string;
}

/** Recorded by a clerk at the counter; staff may link any dossier they can see. */
export class CounterFeedbackDto extends FeedbackContentDto {
  @ApiPropertyOptional({ description: 'Code of the dossier the feedback is about' })
  @IsOptional()
  @IsString()
  @Length(1, 48)
  dossierCode?: string;
}
