import type { AppConfig } from '@config/app-config';

/**
 * RESTORE_MODE belongs to the one-off `migrate` step after a restore. A service started with it
 * would hold (or skip codes) again at every start, so the API and the worker refuse it, by name.
 */
export function refuseRestoreMode(config: AppConfig): void {
  if (!config.restore.mode) return;
  console.error(
    'RESTORE_MODE=on is only for the one-off step after a restore: `node dist/apps/api/src/main.js migrate` (docs/deploy.md, "Restore"). ' +
      'Remove it from the environment of the API and the worker.',
  );
  process.exit(1);
}
