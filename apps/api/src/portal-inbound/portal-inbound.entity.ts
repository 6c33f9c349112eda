import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/** A dossier that came from the national portal: one row per portal dossier id, so a resend finds the dossier it made. */
@Entity('portal_inbound')
@Index('ux_portal_inbound_dossier', ['dossierId'], { unique: true })
export class PortalInboundEntity {
  /** The portal's MaHoSo. */
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'portal_dossier_id' })
  portalDossierId!: string;

  @Column({ type: 'varchar', length: 36, name: 'dossier_id' })
  dossierId!: string;

  @Column({ type: 'varchar', length: 36, name: 'client_id' })
  clientId!: string;

  /** NgayNopHoSo: when the citizen submitted on the portal. */
  @Column({ type: timestampType(), name: 'portal_submitted_at' })
  portalSubmittedAt!: Date;

  /** TaiKhoanDuocXacThucVoiVNeID: the citizen signed in with VNeID (DOMAIN.md §1.5). */
  @Column({ type: 'boolean', name: 'vneid_verified' })
  vneidVerified!: boolean;

  @Column({ type: timestampType(), name: 'received_at' })
  receivedAt!: Date;
}
