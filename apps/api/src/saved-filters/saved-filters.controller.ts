import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { BadInputError } from '../common/errors';
import { CreateSavedFilterDto } from './saved-filters';
import { SavedFilters } from './saved-filters.service';

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new BadInputError('id must be a UUID') });

/** The caller's own saved worklist filters (issue #15): nobody else's is ever listed, applied or deleted. */
@ApiTags('worklist')
@ApiBearerAuth()
@Controller('saved-filters')
export class SavedFiltersController {
  constructor(private readonly filters: SavedFilters) {}

  @Get()
  @Roles(...ALL_STAFF)
  list(@CurrentUser() user: AuthUser) {
    return this.filters.list(user);
  }

  @Post()
  @Roles(...ALL_STAFF)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSavedFilterDto) {
    return this.filters.create(user, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...ALL_STAFF)
  async remove(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<void> {
    await this.filters.remove(user, id);
  }
}
