import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { withResponseSchemas } from './openapi/response-schemas';
import multipart from '@fastify/multipart';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './common/repo-paths';
import { AppModule, AppOverrides } from './app.module';
import { answerClientError, answerFrameworkError, HttpErrorFilter } from './common/http-error.filter';
import { registerInputRules } from './common/input-rules';
import { registerSecurityHeaders } from './common/security-headers';
import { MULTIPART_LIMITS } from './files/multipart-upload';
import { registerNdjsonStream } from './imports/ndjson-body';
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
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    loggerInstance: logger,
    disableRequestLogging: true,
    genReqId: requestId,
    // Errors answered before any route, in the API's one error shape.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.overrides), adapter, {
    logger: new JsonLogger(logger),
    bufferLogs: false,
  });
  observeRequests(app, logger, config.instanceName);
  app.setGlobalPrefix('api');
  await registerSecurityHeaders(app);
  registerInputRules(app.getHttpAdapter().getInstance());
  registerNdjsonStream(app.getHttpAdapter().getInstance());
  closeConnectionsNotToKeep(app);
  // The size limit is enforced again (exactly) while streaming to storage; fields and files are counted by the upload reader.
  await app.register(multipart as never, { limits: { fileSize: config.maxUploadBytes + 1, ...MULTIPART_LIMITS } });
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
  serveWebApp(app, options.overrides?.webRoot);

  const openApi = new DocumentBuilder()
    .setTitle('motcua API')
    .setDescription('Administrative-procedure dossiers (hồ sơ TTHC): receipt, processing, results, indicators.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => withResponseSchemas(SwaggerModule.createDocument(app, openApi)), {
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
 * The build writes `.br`/`.gz` copies of text assets (apps/web/vite-precompress.ts): they are sent
 * to browsers that accept them, with `Vary: Accept-Encoding` so a shared cache keeps both.
 * (`cacheControl: false`: otherwise @fastify/static writes its own `public, max-age=0` over ours.)
 */
function serveWebApp(app: NestFastifyApplication, root = join(repoRoot(), 'dist', 'web')): void {
  if (!existsSync(join(root, 'index.html'))) return;
  app.useStaticAssets({
    root,
    prefix: '/',
    wildcard: false,
    cacheControl: false,
    preCompressed: true,
    setHeaders: (res, path) => {
      const original = path.replace(/\.(?:br|gz)$/, '');
      res.setHeader('cache-control', original.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      res.setHeader('vary', 'accept-encoding');
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
 * Answers that end their connection (`Connection: close`):
 * - during shutdown. Fastify closes the connections that are idle when `close()` starts, but a
 *   keep-alive connection busy at that moment would stay open after its answer (until the 72 s
 *   keep-alive timeout), and `close()` would wait for it: the process would then exit 1 after
 *   SHUTDOWN_TIMEOUT_SECONDS instead of 0 (found by test/scale);
 * - a refusal sent before the request's body was read (an upload too large, of the wrong type,
 *   for a dossier not found…). Keeping the connection would mean reading the rest of the body
 *   first, maybe hundreds of megabytes, for nothing.
 */
function closeConnectionsNotToKeep(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (closing || (reply.statusCode >= 400 && !request.raw.complete)) void reply.header('connection', 'close');
    return payload;
  });
}
