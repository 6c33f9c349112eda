import 'reflect-metadata';
import { dirname } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, withAdvisoryLock } from '@motcua/persistence';
import { AppConfig } from '@config/app-config';
import { loadConfigOrExit } from './config/load-config-or-exit';
import { createJsonLogger, JsonLogger } from './observability/json-logger';
import { MIGRATIONS } from '../../../migrations';
import { createApp } from './app.factory';
import { ENTITIES } from './database/entities';
import { closeOnSignals } from './health/graceful-shutdown';
import { loadCatalogueFiles } from './catalogue/catalogue-files';
import { CatalogueSource } from './catalogue/catalogue-source';
import { refuseRestoreMode } from './restore/refuse-restore-mode';
import { createTrialPki, TrialPkiError } from './signing/create-trial-pki.command';
import { describeRestoreReport, runRestoreStep } from './restore/restore-step';
import { ReadinessRegistry } from './health/readiness.registry';
import { DEMO_ACCOUNTS } from './users/demo-accounts';
import { createUser, CreateUserError, parseCreateUser } from './users/create-user.command';
import { rebuildRollup, verifyRollup } from './indicator-rollup/rollup-build';

/** Any constant; PostgreSQL advisory locks are keyed by number. */
const MIGRATION_LOCK_KEY = 6_280_001;

/**
 * `node main.js` serves the API; `node main.js migrate` applies pending migrations, resynchronises
 * the code counters and exits (run once per upgrade when the instances have MIGRATIONS_RUN=off, and
 * with RESTORE_MODE=on once after restoring a backup, see docs/deploy.md).
 */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'serve';
  if (!['serve', 'migrate', 'create-user', 'create-trial-pki', 'indicator-rollup'].includes(command)) {
    console.error(`Unknown command "${command}". Usage: node main.js [serve|migrate|create-user|create-trial-pki|indicator-rollup]`);
    process.exit(2);
  }
  // Before the configuration: it creates what SIGNING_P12_PATH will point at (which production requires).
  if (command === 'create-trial-pki') return createTrialPkiCommand(process.argv.slice(3));
  const config = loadConfigOrExit();
  // JSON lines from the one-shot commands too (serve's application sets the same logger).
  Logger.overrideLogger(new JsonLogger(createJsonLogger(config.logLevel)));
  if (command === 'migrate') await migrate(config);
  else if (command === 'create-user') await createUserCommand(config, process.argv.slice(3));
  else if (command === 'indicator-rollup') await indicatorRollupCommand(config, process.argv[3]);
  else await serve(config);
}

async function serve(config: AppConfig): Promise<void> {
  refuseRestoreMode(config);
  const { app, startup } = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const readiness = app.get(ReadinessRegistry);
  closeOnSignals(app, {
    drainSeconds: config.lifecycle.shutdownDrainSeconds,
    timeoutSeconds: config.lifecycle.shutdownTimeoutSeconds,
    onDrain: () => readiness.startShuttingDown(),
  });
  const logger = new Logger('motcua');
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${config.port}`;
  logger.log(`motcua is running: open the web app at ${url}/ (API at ${url}/api; database: ${config.database.type}, data: ${config.dataDir})`);
  logger.log(`API documentation: ${url}/api/docs`);
  if (startup.demoAccounts.seeded) {
    const names = DEMO_ACCOUNTS.map((a) => a.username).join(', ');
    if (startup.demoAccounts.generatedPassword) {
      // Printed once: the password is stored only as an argon2 hash.
      logger.warn(`Demo accounts ${names} were created with the generated password: ${startup.demoAccounts.generatedPassword}`);
      logger.warn('It is shown only now. Set DEMO_PASSWORD before the first start to choose it.');
    } else {
      logger.log(`Demo accounts ${names} were created with the password from DEMO_PASSWORD.`);
    }
  }
  const accounts = config.env === 'production' ? 'an account made with create-user' : `a demo account (${DEMO_ACCOUNTS.map((a) => a.username).join(', ')})`;
  logger.log(`Log in at ${url}/ with ${accounts}; the API takes POST ${url}/api/auth/login {"username":"…","password":"…"}`);
}

async function migrate(config: AppConfig): Promise<void> {
  const logger = new Logger('Migrate');
  const dataSource = await new DataSource(buildDataSourceOptions(config.database, { entities: ENTITIES, migrations: MIGRATIONS })).initialize();
  // TypeORM takes no lock: two migrate runs at once (a retried job, a scaled service) would race.
  // On PostgreSQL they take turns; the second then finds nothing pending.
  try {
    const applied = await withAdvisoryLock(dataSource, MIGRATION_LOCK_KEY, () => dataSource.runMigrations({ transaction: 'each' }));
    logger.log(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations');
    const agencyIds = [config.agencyId ?? new CatalogueSource(loadCatalogueFiles()).catalogue.agency.identifier.value];
    const report = await runRestoreStep(dataSource, { now: new Date(), agencyIds, settings: config.restore });
    new Logger(config.restore.mode ? 'Restore' : 'Migrate').log(describeRestoreReport(report));
  } finally {
    await dataSource.destroy();
  }
}

/**
 * `node main.js create-user …`: a staff account from the command line, e.g. the first
 * administrator of a production deployment (no demo accounts there). Run after `migrate`.
 */
async function createUserCommand(config: AppConfig, argv: string[]): Promise<void> {
  let dataSource: DataSource | null = null;
  try {
    const user = parseCreateUser(argv, process.env);
    dataSource = await new DataSource(buildDataSourceOptions(config.database, { entities: ENTITIES, migrations: MIGRATIONS })).initialize();
    const created = await createUser(dataSource, user);
    new Logger('Users').log(`Created user ${created.username} (${created.roles.join(', ')}${created.departmentCode ? `, ${created.departmentCode}` : ''})`);
  } catch (error) {
    if (!(error instanceof CreateUserError)) throw error;
    console.error(error.message);
    process.exitCode = error.exitCode;
  } finally {
    await dataSource?.destroy();
  }
}

/**
 * `node main.js indicator-rollup verify|rebuild`: compares the indicator buckets with a build from
 * the records (exit 1 on a difference, listing the first ones), or rebuilds them. A rebuild on
 * PostgreSQL holds record writes until it commits: run it when the office is closed.
 */
async function indicatorRollupCommand(config: AppConfig, action: string | undefined): Promise<void> {
  if (action !== 'verify' && action !== 'rebuild') {
    console.error('Usage: node main.js indicator-rollup verify|rebuild');
    process.exitCode = 2;
    return;
  }
  const logger = new Logger('IndicatorRollup');
  const dataSource = await new DataSource(buildDataSourceOptions(config.database, { entities: ENTITIES, migrations: MIGRATIONS })).initialize();
  try {
    if (action === 'rebuild') {
      const built = await rebuildRollup(dataSource);
      logger.log(`Rebuilt from ${built.records} record(s): ${built.dayRows} day and ${built.monthRows} month bucket rows, ${built.irregular} irregular dossier(s)`);
      return;
    }
    const { records, differences } = await verifyRollup(dataSource);
    if (differences.length === 0) {
      logger.log(`The buckets equal a build from the ${records} record(s)`);
      return;
    }
    logger.error(`${differences.length} bucket(s) differ from a build from the ${records} record(s); first ones: ${JSON.stringify(differences.slice(0, 20))}. Run: node main.js indicator-rollup rebuild`);
    process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
}

function createTrialPkiCommand(argv: string[]): void {
  try {
    const agency = new CatalogueSource(loadCatalogueFiles()).catalogue.agency.name;
    const files = createTrialPki(argv, process.env, agency);
    console.log(`Trial agency certificate (THỬ NGHIỆM, one year) for ${agency}:`);
    console.log(`  SIGNING_P12_PATH=${files.p12}`);
    console.log(`  TRUSTED_CA_DIR=${dirname(files.caCertificate)}`);
    if (files.generatedPassword) console.log(`  SIGNING_P12_PASSWORD=${files.generatedPassword}   (shown only now)`);
    else console.log('  SIGNING_P12_PASSWORD: the one in the environment');
    console.log('Every paper signed with it says on each page that it is a trial without legal value. docs/deploy.md, "Signing", says what a real certificate needs.');
  } catch (error) {
    if (!(error instanceof TrialPkiError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
