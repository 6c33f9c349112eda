import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/**
 * A sign-in under way (OpenID Connect code flow, issue #16): the one-time `state` (only its SHA-256
 * is kept), the PKCE code_verifier and the nonce, until the identity provider sends the citizen back.
 * The callback deletes the row it uses, so a state works once; an expired row is useless and removed.
 */
@Entity('identity_login')
@Index('ix_identity_login_expires', ['expiresAt'])
export class IdentityLoginEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'state_hash' })
  stateHash!: string;

  @Column({ type: 'varchar', length: 128, name: 'code_verifier' })
  codeVerifier!: string;

  @Column({ type: 'varchar', length: 64 })
  nonce!: string;

  /** The web page (a path of the web app's hash routes) the citizen goes back to. */
  @Column({ type: 'varchar', length: 200, name: 'return_to' })
  returnTo!: string;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;

  @Column({ type: timestampType(), name: 'expires_at' })
  expiresAt!: Date;
}
