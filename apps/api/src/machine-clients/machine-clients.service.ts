import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/errors';
import { MachineClientChangeEntity, MachineClientEntity, MachineRole } from './machine-client.entity';
import { basicCredentials, newClientSecret, secretDigest, secretMatches } from './machine-credentials';

export interface MachineClientView {
  id: string;
  name: string;
  role: MachineRole;
  active: boolean;
  createdAt: string;
  secretRotatedAt: string;
}

/** Shown once, when the secret is created or rotated: it is not stored and cannot be shown again. */
export interface MachineClientWithSecret extends MachineClientView {
  clientSecret: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Machine accounts: created, rotated and deactivated by an administrator, each change audited in the same transaction. */
@Injectable()
export class MachineClientsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly time: Clock,
  ) {}

  async list(): Promise<MachineClientView[]> {
    const rows = await this.uow.read((m) => m.find(MachineClientEntity, { order: { createdAt: 'ASC' } }));
    return rows.map(toView);
  }

  async changes(clientId: string): Promise<MachineClientChangeEntity[]> {
    return this.uow.read((m) => m.find(MachineClientChangeEntity, { where: { clientId }, order: { occurredAt: 'ASC' } }));
  }

  async create(admin: AuthUser, name: string, role: MachineRole): Promise<MachineClientWithSecret> {
    const now = this.time.now();
    const secret = newClientSecret();
    const row: MachineClientEntity = { id: randomUUID(), name, role, secretSha256: secretDigest(secret), active: true, createdBy: admin.id, createdAt: now, secretRotatedAt: now };
    await this.uow.run(async (m) => {
      await m.insert(MachineClientEntity, row);
      await audit(m, admin, row.id, 'create', now);
    });
    return { ...toView(row), clientSecret: secret };
  }

  /** A new secret replaces the old one at once (the old stops working): hand it to the portal's operator first. */
  async rotate(admin: AuthUser, id: string): Promise<MachineClientWithSecret> {
    const now = this.time.now();
    const secret = newClientSecret();
    const row = await this.uow.run(async (m) => {
      const existing = await m.findOne(MachineClientEntity, { where: { id } });
      if (!existing || !existing.active) throw new NotFoundError(`No active machine client ${id}`);
      await m.update(MachineClientEntity, { id }, { secretSha256: secretDigest(secret), secretRotatedAt: now });
      await audit(m, admin, id, 'rotate', now);
      return { ...existing, secretRotatedAt: now };
    });
    return { ...toView(row), clientSecret: secret };
  }

  async deactivate(admin: AuthUser, id: string): Promise<MachineClientView> {
    const now = this.time.now();
    return this.uow.run(async (m) => {
      const existing = await m.findOne(MachineClientEntity, { where: { id } });
      if (!existing || !existing.active) throw new NotFoundError(`No active machine client ${id}`);
      await m.update(MachineClientEntity, { id }, { active: false });
      await audit(m, admin, id, 'deactivate', now);
      return toView({ ...existing, active: false });
    });
  }

  /** The active client these credentials belong to, or null (unknown id, wrong secret, deactivated). */
  async authenticate(authorization: string | undefined): Promise<MachineClientEntity | null> {
    const credentials = basicCredentials(authorization);
    if (!credentials || !UUID.test(credentials.clientId)) return null;
    const client = await this.uow.read((m) => m.findOne(MachineClientEntity, { where: { id: credentials.clientId.toLowerCase() } }));
    if (!client || !client.active || !secretMatches(credentials.secret, client.secretSha256)) return null;
    return client;
  }
}

function audit(m: EntityManager, admin: AuthUser, clientId: string, action: MachineClientChangeEntity['action'], at: Date) {
  return m.insert(MachineClientChangeEntity, { id: randomUUID(), clientId, action, actorId: admin.id, actorUsername: admin.username, occurredAt: at });
}

function toView(row: MachineClientEntity): MachineClientView {
  return { id: row.id, name: row.name, role: row.role, active: row.active, createdAt: row.createdAt.toISOString(), secretRotatedAt: row.secretRotatedAt.toISOString() };
}
