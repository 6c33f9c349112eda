import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, UnitOfWork } from '@motcua/persistence';
import { MIGRATIONS } from '../../../../migrations';
import { AppConfig } from '../config/app-config.provider';
import { ENTITIES } from './entities';

/**
 * TypeORM on the configured dialect. Pending migrations run when the connection
 * opens, before any request is served, unless MIGRATIONS_RUN=off (scaled-out
 * deployments run them once with `main.js migrate`); `synchronize` is never used.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions(config.database, { entities: ENTITIES, migrations: MIGRATIONS }),
          migrationsRun: config.lifecycle.migrationsRun,
          // One failed connection attempt is enough: the operator sees the error at once.
          retryAttempts: 0,
        }),
      ],
      providers: [{ provide: UnitOfWork, useFactory: (ds: DataSource) => new UnitOfWork(ds), inject: [DataSource] }],
      exports: [UnitOfWork],
    };
  }
}
