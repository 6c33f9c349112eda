import { Inject, Injectable } from '@nestjs/common';
import type { AgencySigner } from '@motcua/documents';
import { UnitOfWork } from '@motcua/persistence';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { DepartmentEntity } from '../catalogue/department.entity';
import { UserEntity } from '../users/user.entity';
import { DocumentNotAvailableError } from './document-errors';

/** An official as printed on a paper: full name and title, never the login. */
export interface PrintedOfficial {
  name: string;
  title?: string;
}

/**
 * Who is named on the papers. The receiving official signs Mẫu 01–03; the head of the agency, or
 * the deputy configured in PAPER_SIGNER_USERNAME signing "KT." the head (ND 30/2020/NĐ-CP Art 13),
 * signs the apology and a refusal in processing.
 */
@Injectable()
export class PaperSignatories {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The account's full name and title; a deleted account (never expected) falls back to the login recorded with the event. */
  async official(userId: string, fallbackLogin: string): Promise<PrintedOfficial> {
    const user = await this.uow.read((m) => m.findOne(UserEntity, { where: { id: userId } }));
    return user ? { name: user.fullName, ...(user.title ? { title: user.title } : {}) } : { name: fallbackLogin };
  }

  async departmentName(code: string | null | undefined): Promise<string> {
    if (!code) return '';
    const department = await this.uow.read((m) => m.findOne(DepartmentEntity, { where: { code } }));
    return department?.name ?? code;
  }

  /**
   * The agency's signer. A paper signed by a login or by nobody is not one a Department can hand
   * out, so without a configured or identifiable head the paper is refused (409), never guessed.
   */
  async agencySigner(): Promise<AgencySigner> {
    const { signerUsername, agencyHeadTitle } = this.config.papers;
    const users = await this.uow.read((m) => m.find(UserEntity, { where: signerUsername ? { username: signerUsername, active: true } : { active: true } }));
    const fold = (s: string | null) => (s ?? '').normalize('NFC').trim().toLocaleLowerCase('vi');
    const signer = signerUsername ? users[0] : users.find((u) => u.roles.includes('leader') && fold(u.title) === fold(agencyHeadTitle));
    if (!signer) {
      throw new DocumentNotAvailableError(
        signerUsername
          ? `PAPER_SIGNER_USERNAME names ${signerUsername}, which is not an active account`
          : `No active leader has the title "${agencyHeadTitle}": set the head's title or PAPER_SIGNER_USERNAME`,
      );
    }
    return { name: signer.fullName, title: signer.title?.trim() || agencyHeadTitle, headTitle: agencyHeadTitle };
  }
}
