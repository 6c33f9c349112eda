import { Module } from '@nestjs/common';
import { DemoAccountSeeder } from './demo-seeder';
import { OwnPasswordService } from './own-password.service';
import { UserAdminController } from './user-admin.controller';
import { UserAdminService } from './user-admin.service';
import { UsersService } from './users.service';

@Module({
  controllers: [UserAdminController],
  providers: [UsersService, DemoAccountSeeder, UserAdminService, OwnPasswordService],
  exports: [UsersService, DemoAccountSeeder, OwnPasswordService],
})
export class UsersModule {}
