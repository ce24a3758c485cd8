import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@registry/core';
import { Client } from 'pg';
import { PrincipalCache } from './principal-cache';

/** The channel a revocation is announced on (pg_notify in ApiKeyRepository.revoke, delivered at commit). */
export const API_KEY_REVOKED_CHANNEL = 'api_key_revoked';
const RECONNECT_MS = 5_000;

/**
 * Keeps the PrincipalCache of this instance in step with revocations made on other instances, through PostgreSQL
 * LISTEN/NOTIFY on a connection of its own. While that connection is down (and on the embedded database, which one
 * process owns) nothing is heard: the cache lifetime (API_KEY_CACHE_SECONDS) is then the bound, and the cache is
 * emptied whenever the connection is lost so that nothing missed in between outlives it.
 */
@Injectable()
export class ApiKeyRevocationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ApiKeyRevocationListener.name);
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly cache: PrincipalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.databaseUrl && this.cache.enabled) await this.listen(this.config.databaseUrl);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async listen(url: string): Promise<void> {
    const client = new Client({ connectionString: url });
    client.on('notification', (message) => {
      if (message.channel === API_KEY_REVOKED_CHANNEL && message.payload) this.cache.evictKey(message.payload);
    });
    const lost = (reason: string) => {
      if (this.client !== client) return;
      this.client = null;
      this.cache.clear();
      if (this.stopped) return;
      this.logger.warn(`revocation notifications lost (${reason}); API keys are cached for ${this.config.apiKeyCacheSeconds} s at most, reconnecting`);
      this.retry = setTimeout(() => void this.listen(url), RECONNECT_MS);
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection closed'));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${API_KEY_REVOKED_CHANNEL}`);
    } catch (error) {
      lost(error instanceof Error ? error.message : String(error));
      await client.end().catch(() => undefined);
    }
  }
}
