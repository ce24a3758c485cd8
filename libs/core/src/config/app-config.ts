import { resolve } from 'node:path';

/** Settings read once at boot. Anything invalid stops the process with a message naming the variable. */
export interface AppConfig {
  port: number;
  /** PostgreSQL server URL; when absent the registry runs on the embedded database in `dataDir`. */
  databaseUrl: string | null;
  /** Folder of the embedded database (PGlite), or `memory://` for a throw-away one. */
  dataDir: string;
  /** A platform administrator key taken from the environment, if any. */
  adminApiKey: string | null;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Seed a demo (organizations, keys, passports) when the embedded database is created empty. */
  seedDemo: boolean;
  /** Where the generated GraphQL schema is written, or null to keep it in memory. */
  schemaFile: string | null;
  /** Apply pending migrations at start-up even on a server (always done for the embedded database). */
  migrateOnStart: boolean;
  /** `json` writes one JSON object per log line (for log collectors); `text` is for people. */
  logFormat: 'text' | 'json';
}

export class ConfigError extends Error {}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];

  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number, got "${env.PORT}"`);

  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !POSTGRES_URL.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const adminApiKey = env.ADMIN_API_KEY?.trim() || null;
  if (adminApiKey && adminApiKey.length < 16) problems.push('ADMIN_API_KEY must be at least 16 characters long');

  const bodyLimitMb = env.BODY_LIMIT_MB === undefined || env.BODY_LIMIT_MB === '' ? 5 : Number(env.BODY_LIMIT_MB);
  if (!(bodyLimitMb > 0 && bodyLimitMb <= 100)) problems.push('BODY_LIMIT_MB must be a number between 0 and 100');

  const logFormat = env.LOG_FORMAT?.trim() || 'text';
  if (logFormat !== 'text' && logFormat !== 'json') problems.push(`LOG_FORMAT must be "text" or "json", got "${logFormat}"`);

  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);

  const dataDir = env.DATA_DIR?.trim() || './.data';
  return {
    port,
    databaseUrl,
    dataDir: dataDir.startsWith('memory://') ? dataDir : resolve(dataDir),
    adminApiKey,
    bodyLimitBytes: Math.round(bodyLimitMb * 1024 * 1024),
    seedDemo: env.SEED_DEMO !== 'false',
    schemaFile: env.GRAPHQL_SCHEMA_FILE?.trim() || null,
    migrateOnStart: env.MIGRATE_ON_START === 'true',
    logFormat: logFormat as AppConfig['logFormat'],
  };
}

/** Injection token for the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
