import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadAppConfig } from '@config/app-config';
import { createApp } from './app.factory';
import { DEMO_ACCOUNTS } from './users/demo-accounts';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { app, startup } = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const logger = new Logger('motcua');
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${config.port}`;
  logger.log(`motcua is listening on ${url}/api (database: ${config.database.type}, data: ${config.dataDir})`);
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
  logger.log(`Log in: POST ${url}/api/auth/login {"username":"clerk","password":"…"}`);
}

void bootstrap();
