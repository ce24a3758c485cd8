import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@registry/core';

export interface ExportsSettings {
  /** Where the registry is reached from outside: the issuer of its credentials and manifests. */
  publicBaseUrl: string;
}

export const EXPORTS_SETTINGS = Symbol('EXPORTS_SETTINGS');

/**
 * PUBLIC_BASE_URL (validated at boot with the rest of the configuration), else http://localhost:<PORT> for
 * development. Never the request's Host header: what the registry signs must not be chosen by the caller.
 */
export function exportsSettings(config: Pick<AppConfig, 'port' | 'publicBaseUrl'>): ExportsSettings {
  return { publicBaseUrl: config.publicBaseUrl ?? `http://localhost:${config.port}` };
}

export const exportsSettingsProvider: Provider = {
  provide: EXPORTS_SETTINGS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => exportsSettings(config),
};
