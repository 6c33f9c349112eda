import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { EntityManager, IsNull } from 'typeorm';
import { UnitOfWork } from '@motcua/persistence';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { PasswordResetLinkEntity } from './password-reset-link.entity';
import { UserActionDto } from './user-admin.dto';
import { ResetLinkExpiredError, ResetLinkInvalidError, ResetLinkRevokedError, ResetLinkUsedError, WeakPasswordError } from './user-admin.errors';
import { audit, current, revokeResetLinks, save, toView, UserView } from './user-admin.service';
import { UserEntity } from './user.entity';
import { passwordProblem } from './user-rules';

/** The hash stored for a token: the token itself is never stored nor logged. */
export function hashResetToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The page of the web app that takes the link (hash route: the token never reaches a server log). */
export function resetLinkUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/#/dat-lai-mat-khau/${token}`;
}

/**
 * One-time password-reset links: the administrator's alternative to a printed temporary
 * password. A link carries 256 random bits; only their SHA-256 is stored. It works once, until
 * PASSWORD_RESET_LINK_TTL_MINUTES after issue, and only while it is the account's latest link.
 * The new password follows the same policy as the user's own change (`passwordProblem`).
 * Issuing and using are audited in `user_change` (`reset_link_issued`, `reset_link_used`).
 */
@Injectable()
export class PasswordResetLinks {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async issue(actor: AuthUser, id: string, dto: UserActionDto): Promise<{ user: UserView; link: string; expiresAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.passwordResetLinkTtlMinutes * 60_000);
    return this.uow.run(async (m) => {
      const user = await current(m, id, dto.version);
      // The account's version moves: two administrators acting at once get a conflict, not two links.
      await save(m, user);
      const revoked = await revokeResetLinks(m, id, now);
      await m.insert(PasswordResetLinkEntity, { id: randomUUID(), userId: id, tokenHash: hashResetToken(token), createdBy: actor.id, createdAt: now, expiresAt, usedAt: null, revokedAt: null });
      await audit(m, actor, id, 'reset_link_issued', { expiresAt: [null, expiresAt.toISOString()], ...(revoked ? { revokedLinks: [revoked, 0] } : {}) }, dto.reason, now);
      return { user: toView({ ...user, version: user.version + 1 }), link: resetLinkUrl(this.config.publicBaseUrl, token), expiresAt: expiresAt.toISOString() };
    });
  }

  /** Whom the link is for, so the page can greet them; refuses a link that no longer works. */
  async inspect(token: string): Promise<{ fullName: string; username: string; expiresAt: string }> {
    return this.uow.read(async (m) => {
      const { link, user } = await this.usable(m, token);
      return { fullName: user.fullName, username: user.username, expiresAt: link.expiresAt.toISOString() };
    });
  }

  /** Sets the new password and spends the link, in one transaction. */
  async use(token: string, newPassword: string): Promise<{ username: string }> {
    const problem = passwordProblem(newPassword);
    if (problem) throw new WeakPasswordError(`newPassword ${problem}`, { field: 'newPassword' });
    const passwordHash = await argon2.hash(newPassword, { type: argon2.argon2id });
    return this.uow.run(async (m) => {
      const now = this.clock.now();
      const { link, user } = await this.usable(m, token);
      // Spent only if still unspent: of two uses at once, one wins.
      const spent = await m.update(PasswordResetLinkEntity, { id: link.id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: now });
      if (spent.affected !== 1) throw new ResetLinkUsedError('This reset link was used already');
      await save(m, { ...user, passwordHash, mustChangePassword: false });
      const self: AuthUser = { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles, departmentCode: user.departmentCode };
      await audit(m, self, user.id, 'reset_link_used', {}, null, now);
      return { username: user.username };
    });
  }

  private async usable(m: EntityManager, token: string): Promise<{ link: PasswordResetLinkEntity; user: UserEntity }> {
    const link = await m.findOne(PasswordResetLinkEntity, { where: { tokenHash: hashResetToken(token) } });
    const user = link ? await m.findOne(UserEntity, { where: { id: link.userId } }) : null;
    if (!link || !user || !user.active) throw new ResetLinkInvalidError('No usable reset link with this token');
    if (link.usedAt) throw new ResetLinkUsedError('This reset link was used already');
    if (link.revokedAt) throw new ResetLinkRevokedError('A newer reset link or password replaced this one');
    if (link.expiresAt.getTime() <= this.clock.now().getTime()) throw new ResetLinkExpiredError('This reset link has expired');
    return { link, user };
  }
}
