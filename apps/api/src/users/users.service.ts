import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@motcua/persistence';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  constructor(private readonly uow: UnitOfWork) {}

  findActiveByUsername(username: string): Promise<UserEntity | null> {
    return this.uow.read((m) => m.findOne(UserEntity, { where: { username, active: true } }));
  }

  count(): Promise<number> {
    return this.uow.read((m) => m.count(UserEntity));
  }
}
