import { LogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, AppOverrides } from './app.module';
import { HttpErrorFilter } from './common/http-error.filter';
import { AppConfig } from './config/app-config.provider';
import { StartupSeeder, StartupReport } from './startup-seeder';

export interface CreatedApp {
  app: NestFastifyApplication;
  startup: StartupReport;
}

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Builds the whole application exactly as production runs it; `main.ts` and the
 * e2e tests both come through here. Migrations run and seeds are applied before it returns.
 */
export async function createApp(config: AppConfig, options: { logger?: false; overrides?: AppOverrides } = {}): Promise<CreatedApp> {
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.overrides), adapter, {
    logger: options.logger === false ? false : LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
    bufferLogs: false,
  });
  app.setGlobalPrefix('api');
  const filter = new HttpErrorFilter();
  app.useGlobalFilters(filter);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('motcua API')
    .setDescription('Administrative-procedure dossiers (hồ sơ TTHC): receipt, processing, results, indicators.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs-json',
  });

  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const startup = await app.get(StartupSeeder).run();
  return { app, startup };
}
