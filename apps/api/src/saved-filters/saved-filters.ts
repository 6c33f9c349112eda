import { ApiProperty, OmitType } from '@nestjs/swagger';
import { ListDossiersQuery } from '../dossiers/dto/list-dossiers.query';
import { NameText, NestedObject } from '../common/input.decorators';

/** What a saved filter holds: the list's filters and tab, without paging (validated like the list's query). */
export class SavedFilterQuery extends OmitType(ListDossiersQuery, ['page', 'pageSize'] as const) {}

export class CreateSavedFilterDto {
  @ApiProperty({ example: 'Hồ sơ quá hạn của tôi' })
  @NameText(100)
  name!: string;

  @ApiProperty({ type: SavedFilterQuery })
  @NestedObject(() => SavedFilterQuery)
  query!: SavedFilterQuery;
}

export interface SavedFilterView {
  id: string;
  name: string;
  query: SavedFilterQuery;
  createdAt: string;
}

/** How many filters one user may keep. */
export const MAX_SAVED_FILTERS = 50;
