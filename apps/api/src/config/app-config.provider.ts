import type { AppConfig } from '@config/app-config';

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export type { AppConfig };
