import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUniqueViolation, UnitOfWork } from '@motcua/persistence';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { AppError, NotFoundError } from '../common/errors';
import { SavedFilterEntity } from './saved-filter.entity';
import { CreateSavedFilterDto, MAX_SAVED_FILTERS, SavedFilterQuery, SavedFilterView } from './saved-filters';

export class SavedFilterNameTakenError extends AppError {
  readonly status = 409;
  readonly code = 'SAVED_FILTER_NAME_TAKEN';
}

export class SavedFilterLimitError extends AppError {
  readonly status = 422;
  readonly code = 'SAVED_FILTER_LIMIT';
}

/** Worklist filters saved per user: every read and delete is scoped to the caller, so another's is a 404. */
@Injectable()
export class SavedFilters {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly time: Clock,
  ) {}

  list(user: AuthUser): Promise<SavedFilterView[]> {
    return this.uow.read(async (m) => (await m.find(SavedFilterEntity, { where: { userId: user.id }, order: { name: 'ASC' } })).map(toView));
  }

  async create(user: AuthUser, dto: CreateSavedFilterDto): Promise<SavedFilterView> {
    // Only the fields the list reads are kept (the DTO is validated; undefined ones are left out).
    const query = JSON.parse(JSON.stringify(dto.query)) as SavedFilterQuery;
    const row: SavedFilterEntity = { id: randomUUID(), userId: user.id, name: dto.name, query: JSON.stringify(query), createdAt: this.time.now() };
    try {
      await this.uow.run(async (m) => {
        if ((await m.count(SavedFilterEntity, { where: { userId: user.id } })) >= MAX_SAVED_FILTERS) {
          throw new SavedFilterLimitError(`At most ${MAX_SAVED_FILTERS} saved filters per user; delete one first`);
        }
        await m.insert(SavedFilterEntity, row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new SavedFilterNameTakenError(`A filter named "${dto.name}" is already saved`);
      throw error;
    }
    return toView(row);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.uow.run(async (m) => {
      const result = await m.delete(SavedFilterEntity, { id, userId: user.id });
      if (result.affected !== 1) throw new NotFoundError(`Saved filter ${id} not found`);
    });
  }
}

function toView(row: SavedFilterEntity): SavedFilterView {
  return { id: row.id, name: row.name, query: JSON.parse(row.query) as SavedFilterQuery, createdAt: row.createdAt.toISOString() };
}
