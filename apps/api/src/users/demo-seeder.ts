import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import * as argon2 from 'argon2';
import { UnitOfWork } from '@motcua/persistence';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { UserEntity } from './user.entity';

export interface DemoSeedResult {
  seeded: boolean;
  /** Present only when the password was generated now: printed once, never stored in clear. */
  generatedPassword?: string;
}

@Injectable()
export class DemoAccountSeeder {
  private readonly logger = new Logger('DemoAccounts');

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Seeds the demo accounts when the user table is empty and NODE_ENV is not production. */
  async seedIfEmpty(): Promise<DemoSeedResult> {
    if (this.config.env === 'production') return { seeded: false };
    const existing = await this.uow.read((m) => m.count(UserEntity));
    if (existing > 0) return { seeded: false };
    const generated = this.config.demoPassword === null;
    const password = this.config.demoPassword ?? randomBytes(9).toString('base64url');
    const hash = await argon2.hash(password, { type: argon2.argon2id });
    const now = new Date();
    await this.uow.run(async (m) => {
      if ((await m.count(UserEntity)) > 0) return; // another instance won the race
      await m.insert(
        UserEntity,
        DEMO_ACCOUNTS.map((a) => ({ id: randomUUID(), ...a, passwordHash: hash, active: true, createdAt: now })),
      );
    });
    this.logger.log(`Seeded demo accounts: ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
    return generated ? { seeded: true, generatedPassword: password } : { seeded: true };
  }
}
