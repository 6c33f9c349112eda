import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/** Every download of an electronic result through its public link (issue #16: "every download audited"). */
@Entity('result_download')
@Index('ix_result_download_dossier', ['dossierId', 'downloadedAt'])
export class ResultDownloadEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  @Column({ type: 'varchar', length: 36, name: 'file_id' })
  fileId!: string;

  /** The client's address as the rate limit sees it (TRUST_PROXY decides which header may name it). */
  @Column({ type: 'varchar', length: 64, name: 'client_address' })
  clientAddress!: string;

  @Column({ type: timestampType(), name: 'downloaded_at' })
  downloadedAt!: Date;
}
