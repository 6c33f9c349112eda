import { AppConfig, ConfigError, loadAppConfig } from '@config/app-config';

/** For process entry points (API, worker): the validated configuration, or every problem printed and exit 1. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadAppConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
