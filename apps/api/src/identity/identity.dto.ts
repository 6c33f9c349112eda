import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class IdentityStartDto {
  @ApiProperty({ example: '/nop-truc-tuyen', description: 'The web page (a path of the web app) to come back to' })
  @IsString()
  @Length(1, 200)
  returnTo!: string;
}

export class IdentityCallbackDto {
  @ApiProperty({ description: 'The authorization code from the identity provider' })
  @IsString()
  @Length(1, 2048)
  code!: string;

  @ApiProperty({ description: 'The state given when the sign-in started' })
  @IsString()
  @Length(1, 256)
  state!: string;
}
