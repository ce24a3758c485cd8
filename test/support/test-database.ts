import { loadConfig, type AppConfig } from '@registry/core';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  config: AppConfig;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: a new database on the server named by TEST_DATABASE_URL (created
 * here, migrated at app start, dropped at the end), or else a throw-away embedded database in memory.
 */
export async function createTestDatabase(overrides: Partial<AppConfig> = {}): Promise<TestDatabase> {
  const base = { ...loadConfig({}), seedDemo: false, adminApiKey: TEST_ADMIN_KEY, signingKey: TEST_SIGNING_KEY, ...overrides };
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embeddedTemplate = process.env.REGISTRY_TEST_TEMPLATE ?? null;
    return { config: { ...base, databaseUrl: null, dataDir: 'memory://', embeddedTemplate }, drop: async () => undefined };
  }
  const name = `registry_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    config: { ...base, databaseUrl: url.toString(), migrateOnStart: true },
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

/** The registry's signing key in tests (both modes): a server deployment must be given one, as here. */
export const TEST_SIGNING_KEY: AppConfig['signingKey'] = { ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }), kid: 'test-signing-key' };
