import { Module } from '@nestjs/common';
import { SavedFiltersController } from './saved-filters.controller';
import { SavedFilters } from './saved-filters.service';

@Module({ controllers: [SavedFiltersController], providers: [SavedFilters] })
export class SavedFiltersModule {}
