import { PGlite } from '@electric-sql/pglite';
import { Logger } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { Pool, type PoolClient } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/** Plain SQL access beside Prisma: migrations, bulk paths and streaming exports need it. */
export interface SqlExecutor {
  /** Runs one or more statements as a single simple query (no parameters). */
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database extends SqlExecutor {
  readonly kind: 'server' | 'embedded';
  readonly adapter: SqlDriverAdapterFactory;
  /**
   * Like `query`, as a named prepared statement on a server (each connection parses and plans it once, then reuses
   * it): for hot statements whose planning costs as much as running them. The same on the embedded database.
   */
  queryPrepared<Row = Record<string, unknown>>(sql: string, params: unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction on one connection; rolled back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Embedded only: a consistent copy of the whole data folder, loadable as `template`. */
  dump?(): Promise<Blob>;
}

export interface DatabaseOptions {
  url: string | null;
  dataDir: string;
  /** Connections per instance when on a server. */
  poolSize?: number;
  /** Path of a dump (PGlite `dumpDataDir`) to start a new embedded database from. */
  template?: string | null;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openServer(options.url, options.poolSize ?? 10) : openEmbedded(options.dataDir, options.template ?? null);
}

/** The names of prepared statements by text, so that a hot statement is not hashed on every call. */
const statementNames = new Map<string, string>();
const MAX_STATEMENT_NAMES = 1_000;

/** Named by the text's hash: a name always stands for the same text, as each connection's statement cache requires. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    // Texts are few (one per shape of a statement); the bound only guards against texts that vary unexpectedly.
    if (statementNames.size >= MAX_STATEMENT_NAMES) statementNames.clear();
    statementNames.set(sql, (name = `r_${createHash('sha1').update(sql).digest('hex')}`));
  }
  return name;
}

function openServer(url: string, poolSize: number): Database {
  const pool = new Pool({ connectionString: url, max: poolSize });
  // An idle connection closed by the server (restart, failover, admin) must not crash the process: the pool
  // drops it and opens a new one on the next query.
  pool.on('error', (error) => new Logger('Database').warn(`idle database connection closed: ${error.message}`));
  const onClient = (client: PoolClient): SqlExecutor => ({
    exec: async (sql) => void (await client.query(sql)),
    query: async (sql, params) => (await client.query(sql, params)).rows,
  });
  return {
    kind: 'server',
    adapter: new PrismaPg(pool),
    exec: async (sql) => void (await pool.query(sql)),
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    queryPrepared: async (sql, params) => (await pool.query({ name: statementName(sql), text: sql, values: params })).rows,
    async transaction(work) {
      const client = await pool.connect();
      // A connection lost while the transaction holds it (server restart, terminated backend) fails its next
      // statement; without a listener the client's 'error' event would end the process. A lost or broken
      // connection is closed rather than given back to the pool.
      let lost: Error | true | undefined;
      const onError = (error: Error) => (lost = error);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work(onClient(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => (lost ??= true));
        throw error;
      } finally {
        client.off('error', onError);
        client.release(lost);
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Creates the data directory (and its missing parents) readable by the owner only: it holds the whole database
 * and the registry's signing key. An existing directory keeps the mode its operator gave it.
 */
export function createDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

async function openEmbedded(dataDir: string, template: string | null): Promise<Database> {
  if (!dataDir.startsWith('memory://')) createDataDir(dataDir);
  const pglite = template ? await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(template)]) }) : await PGlite.create(dataDir);
  type Tx = Parameters<Parameters<PGlite['transaction']>[0]>[0];
  const onTx = (tx: Tx): SqlExecutor => ({
    exec: async (sql) => void (await tx.exec(sql)),
    query: async <Row>(sql: string, params?: unknown[]) => (await tx.query<Row>(sql, params)).rows,
  });
  return {
    kind: 'embedded',
    adapter: new PrismaPGlite(pglite),
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
    queryPrepared: async <Row>(sql: string, params: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
    transaction: (work) => pglite.transaction((tx) => work(onTx(tx))),
    close: () => pglite.close(),
    dump: () => pglite.dumpDataDir('none'),
  };
}
