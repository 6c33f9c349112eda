import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/** A worklist filter a user saved under a name (issue #15); only that user ever reads it. */
@Entity('saved_filter')
@Index('uq_saved_filter_user_name', ['userId', 'name'], { unique: true })
export class SavedFilterEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** JSON: the list's query (filters and tab, no paging), as validated by SavedFilterQuery. */
  @Column({ type: 'text' })
  query!: string;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;
}
