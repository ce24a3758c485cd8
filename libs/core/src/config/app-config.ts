import type { JWK } from 'jose';
import { createPrivateKey, createPublicKey, type JsonWebKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
  /**
   * A dump of an already migrated embedded database to start a new `memory://` database from (no environment
   * variable: the test suite sets it, which saves a database initialisation per test file).
   */
  embeddedTemplate?: string | null;
  /**
   * Private Ed25519 JWK (kty OKP) that signs published revisions: SIGNING_KEY, or the content of SIGNING_KEY_FILE.
   * Null on the embedded default, which keeps a generated key in `<dataDir>/signing-key.json`.
   */
  signingKey: JWK | null;
  /** The file the signing key was read from (SIGNING_KEY_FILE), for messages. */
  signingKeyFile: string | null;
  /** Retired public keys still served in the JWKS so that older signatures verify (SIGNING_PUBLIC_KEYS). */
  signingPublicKeys: JWK[];
  /** Requests per minute per API key, counted in each instance's memory (RATE_LIMIT_PER_MINUTE); 0: no limit. */
  rateLimitPerMinute: number;
  /** Requests per minute per IP address without a key (RATE_LIMIT_ANONYMOUS_PER_MINUTE); 0: no limit. */
  anonymousRateLimitPerMinute: number;
  /** Deepest nesting of fields in a GraphQL operation (MAX_QUERY_DEPTH); 0: no limit. */
  maxQueryDepth: number;
  /** Highest estimated cost of a GraphQL operation (MAX_QUERY_COST); 0: no limit. */
  maxQueryCost: number;
  /** Most root fields in a GraphQL operation, aliases included (MAX_ROOT_FIELDS); 0: no limit. */
  maxRootFields: number;
  /** Most mutations in a GraphQL operation (MAX_MUTATIONS); 0: no limit. */
  maxMutations: number;
  /** Estimated query cost charged per minute per API key (RATE_LIMIT_COST_PER_MINUTE); 0: no limit. */
  rateLimitCostPerMinute: number;
  /** Estimated query cost charged per minute per IP address without a key (RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE); 0: no limit. */
  anonymousRateLimitCostPerMinute: number;
  /** Whether GraphQL introspection is answered (GRAPHQL_INTROSPECTION); off by default when NODE_ENV=production. */
  graphqlIntrospection: boolean;
  /**
   * Origin of the GS1 Digital Links in QR codes, e.g. https://id.example.org (PUBLIC_BASE_URL; required when
   * NODE_ENV=production); null: the request's, and answers embedding it are not cached publicly.
   */
  publicBaseUrl: string | null;
  /** Reverse proxies in front of the API whose X-Forwarded-For/-Proto are trusted (TRUST_PROXY hops); 0: none. */
  trustProxyHops: number;
  /** Largest file POST /imports accepts, in bytes (IMPORT_MAX_MB, default 200). */
  importMaxBytes: number;
  /** Rows of an import written per transaction (IMPORT_CHUNK_ROWS, default 100). */
  importChunkRows: number;
  /** How long an instance holds an import run without renewing before another may resume it (IMPORT_LEASE_SECONDS, default 30). */
  importLeaseSeconds: number;
  /**
   * Seconds an API key's caller is kept in memory after its lookup (API_KEY_CACHE_SECONDS); 0: every request reads the
   * key. A revocation takes effect at once on the instance that revoked and, through NOTIFY, on the others; the
   * lifetime bounds it when notifications cannot arrive.
   */
  apiKeyCacheSeconds: number;
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

  const signing = readSigningConfig(env, problems);
  const access = readAccessConfig(env, problems);
  const imports = readImportConfig(env, problems);

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
    ...signing,
    ...access,
    ...imports,
  };
}

/** Limits of bulk imports. */
function readImportConfig(env: NodeJS.ProcessEnv, problems: string[]): Pick<AppConfig, 'importMaxBytes' | 'importChunkRows' | 'importLeaseSeconds'> {
  const number = (variable: string, fallback: number, min: number, max: number, whole: boolean): number => {
    const raw = env[variable]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!(value >= min && value <= max) || (whole && !Number.isInteger(value))) {
      problems.push(`${variable} must be a ${whole ? 'whole ' : ''}number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  return {
    importMaxBytes: Math.round(number('IMPORT_MAX_MB', 200, 0.001, 10_240, false) * 1024 * 1024),
    importChunkRows: number('IMPORT_CHUNK_ROWS', 100, 1, 1000, true),
    importLeaseSeconds: number('IMPORT_LEASE_SECONDS', 30, 1, 3600, true),
  };
}

function readSigningConfig(env: NodeJS.ProcessEnv, problems: string[]): Pick<AppConfig, 'signingKey' | 'signingKeyFile' | 'signingPublicKeys'> {
  const inline = env.SIGNING_KEY?.trim() || null;
  const signingKeyFile = env.SIGNING_KEY_FILE?.trim() ? resolve(env.SIGNING_KEY_FILE.trim()) : null;
  let signingKey: JWK | null = null;
  if (inline && signingKeyFile) {
    problems.push('set SIGNING_KEY or SIGNING_KEY_FILE, not both');
  } else if (inline) {
    signingKey = parseJwk('SIGNING_KEY', inline, 'private', problems);
  } else if (signingKeyFile) {
    let text: string | null = null;
    try {
      text = readFileSync(signingKeyFile, 'utf8');
    } catch (error) {
      problems.push(`SIGNING_KEY_FILE: cannot read ${signingKeyFile} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (text !== null) signingKey = parseJwk(`SIGNING_KEY_FILE (${signingKeyFile})`, text, 'private', problems);
  }

  const signingPublicKeys: JWK[] = [];
  const retired = env.SIGNING_PUBLIC_KEYS?.trim();
  if (retired) {
    let list: unknown;
    try {
      list = JSON.parse(retired);
    } catch {
      list = null;
    }
    if (!Array.isArray(list)) problems.push('SIGNING_PUBLIC_KEYS must be a JSON array of public JWKs');
    else {
      list.forEach((item, index) => {
        const jwk = parseJwk(`SIGNING_PUBLIC_KEYS[${index}]`, item, 'public', problems);
        if (jwk) signingPublicKeys.push(jwk);
      });
    }
  }
  return { signingKey, signingKeyFile, signingPublicKeys };
}

/** An Ed25519 JWK, checked by loading it; a public one must carry a `kid` (signatures name their key by it). */
function parseJwk(variable: string, value: unknown, kind: 'private' | 'public', problems: string[]): JWK | null {
  let jwk: unknown = value;
  if (typeof value === 'string') {
    try {
      jwk = JSON.parse(value);
    } catch {
      problems.push(`${variable} must be a JWK in JSON`);
      return null;
    }
  }
  const key = jwk as JWK;
  if (typeof jwk !== 'object' || jwk === null || key.kty !== 'OKP' || key.crv !== 'Ed25519' || typeof key.x !== 'string') {
    problems.push(`${variable} must be an Ed25519 JWK: {"kty":"OKP","crv":"Ed25519","x":…${kind === 'private' ? ',"d":…' : ''},"kid":…}`);
    return null;
  }
  if (key.kid !== undefined && (typeof key.kid !== 'string' || key.kid.length === 0)) {
    problems.push(`${variable}: kid must be a non-empty string`);
    return null;
  }
  if (kind === 'public' && (key.d !== undefined || !key.kid)) {
    problems.push(`${variable} must be a public key (no "d") with a kid`);
    return null;
  }
  if (kind === 'private' && typeof key.d !== 'string') {
    problems.push(`${variable} must be a private key (with "d")`);
    return null;
  }
  try {
    if (kind === 'private') {
      const derived = createPublicKey(createPrivateKey({ key: key as JsonWebKey, format: 'jwk' })).export({ format: 'jwk' });
      if (derived.x !== key.x) throw new Error('"x" is not the public key of "d"');
    } else {
      createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
    }
  } catch (error) {
    problems.push(`${variable} is not a valid Ed25519 key: ${(error as Error).message}`);
    return null;
  }
  return key;
}

/** Injection token for the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');

type AccessConfig = Pick<
  AppConfig,
  | 'rateLimitPerMinute'
  | 'anonymousRateLimitPerMinute'
  | 'maxQueryDepth'
  | 'maxQueryCost'
  | 'maxRootFields'
  | 'maxMutations'
  | 'rateLimitCostPerMinute'
  | 'anonymousRateLimitCostPerMinute'
  | 'graphqlIntrospection'
  | 'publicBaseUrl'
  | 'trustProxyHops'
  | 'apiKeyCacheSeconds'
>;

/** Rate and query limits, the public origin of Digital Links, and the proxies trusted for client addresses. */
function readAccessConfig(env: NodeJS.ProcessEnv, problems: string[]): AccessConfig {
  const count = (variable: string, fallback: number, max: number): number => {
    const raw = env[variable]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > max) {
      problems.push(`${variable} must be a whole number from 0 (no limit) to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const rawBaseUrl = env.PUBLIC_BASE_URL?.trim() || null;
  let publicBaseUrl: string | null = null;
  if (rawBaseUrl) {
    let url: URL | null = null;
    try {
      url = new URL(rawBaseUrl);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username) {
      problems.push(`PUBLIC_BASE_URL must be an http(s) URL without query or credentials, e.g. https://id.example.org, got "${rawBaseUrl}"`);
    } else {
      publicBaseUrl = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    }
  } else if (env.NODE_ENV === 'production') {
    // Otherwise the Host header of each request would end up in Digital Links, Link headers and printed QR codes.
    problems.push('PUBLIC_BASE_URL must be set when NODE_ENV=production: the origin of Digital Links and QR codes, e.g. https://id.example.org');
  }
  const introspection = env.GRAPHQL_INTROSPECTION?.trim() || null;
  if (introspection !== null && introspection !== 'true' && introspection !== 'false') {
    problems.push(`GRAPHQL_INTROSPECTION must be "true" or "false", got "${introspection}"`);
  }
  return {
    rateLimitPerMinute: count('RATE_LIMIT_PER_MINUTE', 600, 1_000_000),
    anonymousRateLimitPerMinute: count('RATE_LIMIT_ANONYMOUS_PER_MINUTE', 120, 1_000_000),
    maxQueryDepth: count('MAX_QUERY_DEPTH', 10, 1000),
    maxQueryCost: count('MAX_QUERY_COST', 2_000_000, 1_000_000_000),
    maxRootFields: count('MAX_ROOT_FIELDS', 20, 1000),
    maxMutations: count('MAX_MUTATIONS', 10, 1000),
    rateLimitCostPerMinute: count('RATE_LIMIT_COST_PER_MINUTE', 20_000_000, 1_000_000_000),
    anonymousRateLimitCostPerMinute: count('RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE', 4_000_000, 1_000_000_000),
    graphqlIntrospection: introspection === null ? env.NODE_ENV?.trim() !== 'production' : introspection === 'true',
    publicBaseUrl,
    trustProxyHops: count('TRUST_PROXY', 0, 10),
    apiKeyCacheSeconds: count('API_KEY_CACHE_SECONDS', 10, 300),
  };
}
