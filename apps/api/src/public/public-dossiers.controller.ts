import { Body, Controller, Get, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Public } from '../common/auth.decorators';
import { RATING_LEVELS, RatingLevel } from '../ratings/dossier-rating.entity';
import { PublicDossiersService } from './public-dossiers.service';

export class LookupQuery {
  @ApiProperty()
  @IsString()
  @Length(1, 128)
  secret!: string;
}

export class RatingDto {
  @ApiProperty()
  @IsString()
  @Length(1, 128)
  secret!: string;

  @ApiProperty({ enum: RATING_LEVELS })
  @IsIn(RATING_LEVELS as RatingLevel[])
  level!: RatingLevel;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

/** For applicants, without login: rate-limited per address, and every answer needs the dossier's secret. */
@ApiTags('public')
@Controller('public/dossiers')
@Public()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ login: true })
export class PublicDossiersController {
  constructor(private readonly dossiers: PublicDossiersService) {}

  @Get(':code')
  lookup(@Param('code') code: string, @Query() q: LookupQuery) {
    return this.dossiers.lookup(code, q.secret);
  }

  @Post(':code/rating')
  rate(@Param('code') code: string, @Body() dto: RatingDto) {
    return this.dossiers.rate(code, dto.secret, dto.level, dto.comment ?? null);
  }
}
