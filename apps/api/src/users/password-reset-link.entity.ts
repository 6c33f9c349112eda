import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/**
 * A one-time password-reset link issued by an administrator (the alternative to a printed
 * temporary password). Only the SHA-256 of the link's token is stored: the token itself is shown
 * once to the administrator and never written anywhere. A link works once, until `expiresAt`,
 * and only while it is the user's latest one (issuing a new one revokes the older).
 */
@Entity('password_reset_link')
@Index('ix_password_reset_link_user', ['userId', 'createdAt'])
export class PasswordResetLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string;

  /** Hex SHA-256 of the token (256 random bits: a fast hash is enough, nothing to guess). */
  @Index('ux_password_reset_link_token', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 36, name: 'created_by' })
  createdBy!: string;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;

  @Column({ type: timestampType(), name: 'expires_at' })
  expiresAt!: Date;

  @Column({ type: timestampType(), name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @Column({ type: timestampType(), name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
