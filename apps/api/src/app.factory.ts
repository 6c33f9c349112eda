import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import multipart from '@fastify/multipart';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './common/repo-paths';
import { AppModule, AppOverrides } from './app.module';
import { HttpErrorFilter } from './common/http-error.filter';
import { AppConfig } from './config/app-config.provider';
import { StartupSeeder, StartupReport } from './startup-seeder';
import { createJsonLogger, JsonLogger } from './observability/json-logger';
import { observeRequests } from './observability/request-observer';
import { requestId } from './observability/request-id';
import type { DestinationStream } from 'pino';

export interface CreatedApp {
  app: NestFastifyApplication;
  startup: StartupReport;
}

/**
 * Builds the whole application exactly as production runs it; `main.ts` and the
 * e2e tests both come through here. Migrations run (unless MIGRATIONS_RUN=off) and seeds
 * are applied before it returns. Signals are the caller's: main.ts closes on SIGTERM/SIGINT.
 */
export async function createApp(
  config: AppConfig,
  options: { logger?: false; logDestination?: DestinationStream; overrides?: AppOverrides } = {},
): Promise<CreatedApp> {
  // JSON lines (docs/operations.md); `logDestination` catches them in tests, `logger: false` silences them.
  const logger = createJsonLogger(config.logLevel, { enabled: options.logger !== false || !!options.logDestination, destination: options.logDestination });
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, trustProxy: true, loggerInstance: logger, disableRequestLogging: true, genReqId: requestId });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.overrides), adapter, {
    logger: new JsonLogger(logger),
    bufferLogs: false,
  });
  observeRequests(app, logger);
  app.setGlobalPrefix('api');
  // Historical imports arrive as NDJSON text, which may be far larger than a JSON command.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('application/x-ndjson', { parseAs: 'string', bodyLimit: 200 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  closeKeptAliveConnectionsOnShutdown(app);
  // One file per request; the size limit is enforced again (exactly) while streaming to storage.
  await app.register(multipart as never, { limits: { fileSize: config.maxUploadBytes + 1, files: 1, fields: 10, fieldSize: 64 * 1024 } });
  const filter = new HttpErrorFilter();
  app.useGlobalFilters(filter);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      // Besides the sentences, say which field broke which rule, so clients need not parse English.
      exceptionFactory: (errors) => {
        const fields = flattenValidation(errors);
        return new BadRequestException({
          message: fields.flatMap((f) => f.messages),
          error: 'VALIDATION_FAILED',
          details: { problems: fields.flatMap((f) => f.messages), fields: fields.map(({ field, constraints }) => ({ field, constraints })) },
        });
      },
    }),
  );
  serveWebApp(app);

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

/**
 * The built web application (dist/web, from `npm run build:web`) at `/`, next to the API
 * at `/api`, so one URL serves both. It uses hash routes, so no fallback route is needed.
 * index.html is never cached (it names the current assets); the hashed assets forever.
 */
function serveWebApp(app: NestFastifyApplication): void {
  const root = join(repoRoot(), 'dist', 'web');
  if (!existsSync(join(root, 'index.html'))) return;
  app.useStaticAssets({
    root,
    prefix: '/',
    wildcard: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
}

function flattenValidation(errors: ValidationError[], parent = ''): Array<{ field: string; constraints: string[]; messages: string[] }> {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, constraints: Object.keys(e.constraints), messages: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

/**
 * During shutdown, answers say `Connection: close`. Fastify closes the connections that are idle
 * when `close()` starts, but a keep-alive connection busy at that moment would stay open after
 * its answer (until the 72 s keep-alive timeout), and `close()` would wait for it: the process
 * would then exit 1 after SHUTDOWN_TIMEOUT_SECONDS instead of 0 (found by test/scale).
 */
function closeKeptAliveConnectionsOnShutdown(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (closing) void reply.header('connection', 'close');
    return payload;
  });
}
