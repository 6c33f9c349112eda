import { Module } from '@nestjs/common';
import { DemoAccountSeeder } from './demo-seeder';
import { UsersService } from './users.service';

@Module({ providers: [UsersService, DemoAccountSeeder], exports: [UsersService, DemoAccountSeeder] })
export class UsersModule {}
