import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { UnitOfWork } from '@motcua/persistence';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/errors';
import { WeakPasswordError, WrongPasswordError } from './user-admin.errors';
import { audit } from './user-admin.service';
import { UserEntity } from './user.entity';
import { passwordProblem } from './user-rules';

/** A user replacing their own password (a temporary one, or by choice); audited like an administrator's change. */
@Injectable()
export class OwnPasswordService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** @returns the account as it now is (the caller issues a fresh token without the must-change mark). */
  async change(actor: AuthUser, currentPassword: string, newPassword: string): Promise<UserEntity> {
    const problem = passwordProblem(newPassword);
    if (problem) throw new WeakPasswordError(`newPassword ${problem}`, { field: 'newPassword' });
    if (newPassword === currentPassword) throw new WeakPasswordError('newPassword must differ from the current one', { field: 'newPassword' });
    const stored = await this.uow.read((m) => m.findOne(UserEntity, { where: { id: actor.id, active: true } }));
    if (!stored) throw new NotFoundError('No such active account');
    if (!(await argon2.verify(stored.passwordHash, currentPassword).catch(() => false))) {
      throw new WrongPasswordError('The current password is wrong', { field: 'currentPassword' });
    }
    const passwordHash = await argon2.hash(newPassword, { type: argon2.argon2id });
    const now = this.clock.now();
    return this.uow.run(async (m) => {
      // Checked against the hash just verified: a reset by an administrator meanwhile wins.
      const result = await m.update(UserEntity, { id: actor.id, passwordHash: stored.passwordHash }, { passwordHash, mustChangePassword: false, version: stored.version + 1 });
      if (result.affected !== 1) throw new WrongPasswordError('The password was changed meanwhile; log in again', { field: 'currentPassword' });
      await audit(m, actor, actor.id, 'password_changed', {}, null, now);
      return { ...stored, passwordHash, mustChangePassword: false, version: stored.version + 1 };
    });
  }
}
