import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { FileRemoval, RemoveFileDto } from './file-removal.service';

@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FileRemovalController {
  constructor(private readonly removal: FileRemoval) {}

  /** Removes a wrong scan or an unissued result; kept in the history with the reason. */
  @Post(':id/remove')
  @HttpCode(200)
  @Roles('clerk', 'specialist', 'leader')
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RemoveFileDto) {
    return this.removal.remove(user, id, dto);
  }
}
