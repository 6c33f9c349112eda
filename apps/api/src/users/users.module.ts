import { Module } from '@nestjs/common';
import { DemoAccountSeeder } from './demo-seeder';
import { OwnPasswordService } from './own-password.service';
import { PasswordResetController } from './password-reset.controller';
import { PasswordResetLinks } from './password-reset-links.service';
import { UserAdminController } from './user-admin.controller';
import { UserAdminService } from './user-admin.service';
import { UsersService } from './users.service';

@Module({
  controllers: [UserAdminController, PasswordResetController],
  providers: [UsersService, DemoAccountSeeder, UserAdminService, OwnPasswordService, PasswordResetLinks],
  exports: [UsersService, DemoAccountSeeder, OwnPasswordService],
})
export class UsersModule {}
