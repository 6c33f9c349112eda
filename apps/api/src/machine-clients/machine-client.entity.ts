import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampType } from '@motcua/persistence';

/**
 * Roles a machine (another system) can hold. Kept apart from the staff roles of @motcua/workflow:
 * a machine never acts on the dossier workflow as a person does.
 */
export type MachineRole = 'portal_client';
export const MACHINE_ROLES: readonly MachineRole[] = ['portal_client'];

/**
 * A machine account (OAuth 2.0 client credentials, RFC 6749 §2.3.1): the national portal (DVCQG)
 * sending us the dossiers submitted there. Only a SHA-256 of the secret is kept: the secret is
 * 256 random bits, so a slow password hash would add nothing but latency to every call.
 */
@Entity('machine_client')
export class MachineClientEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: MachineRole;

  @Column({ type: 'varchar', length: 64, name: 'secret_sha256' })
  secretSha256!: string;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'varchar', length: 36, name: 'created_by' })
  createdBy!: string;

  @Column({ type: timestampType(), name: 'created_at' })
  createdAt!: Date;

  @Column({ type: timestampType(), name: 'secret_rotated_at' })
  secretRotatedAt!: Date;
}

/** Audit of the administrators' changes to machine accounts (never the secrets). */
@Entity('machine_client_change')
@Index('ix_machine_client_change_client', ['clientId', 'occurredAt'])
export class MachineClientChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'client_id' })
  clientId!: string;

  @Column({ type: 'varchar', length: 16 })
  action!: 'create' | 'rotate' | 'deactivate';

  @Column({ type: 'varchar', length: 36, name: 'actor_id' })
  actorId!: string;

  @Column({ type: 'varchar', length: 64, name: 'actor_username' })
  actorUsername!: string;

  @Column({ type: timestampType(), name: 'occurred_at' })
  occurredAt!: Date;
}
