// The entry point of `npm start`. graphql-js (and Fastify, Mercurius) choose their production behaviour from NODE_ENV
// once, when they are loaded: in development mode graphql-js checks, for every value it tests against a type, that
// the type does not come from a second copy of the library. So the server runs in production mode unless NODE_ENV
// says otherwise, while the configuration rules tied to NODE_ENV=production (PUBLIC_BASE_URL required, introspection
// off by default) apply only when the operator sets it: a plain `npm install && npm start` keeps working.
import cluster from 'node:cluster';

const requestedNodeEnv = process.env.NODE_ENV?.trim() || undefined;
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: requestedNodeEnv };

/**
 * WEB_CONCURRENCY (default 1): processes serving the same port (node:cluster), for machines whose database runs
 * elsewhere. Each process keeps its own rate-limit counters and API key cache, like separate instances do: a caller
 * may reach up to that many times the rate limits. Ignored on the embedded database, which one process owns.
 */
function webConcurrency(): number {
  const raw = env.WEB_CONCURRENCY?.trim() || '1';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64) {
    console.error(`Invalid configuration:\n- WEB_CONCURRENCY must be a whole number from 1 to 64, got "${raw}"`);
    process.exit(1);
  }
  if (value > 1 && !env.DATABASE_URL?.trim()) {
    console.warn('WEB_CONCURRENCY is ignored without DATABASE_URL: the embedded database belongs to one process');
    return 1;
  }
  return value;
}

const workers = cluster.isPrimary ? webConcurrency() : 1;
if (workers > 1) {
  // The configuration is checked once here, so that workers that could not start are not restarted forever.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after NODE_ENV is settled (see above)
  const { ConfigError, loadConfig } = require('@registry/core') as typeof import('@registry/core');
  try {
    loadConfig(env);
  } catch (error: unknown) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  superviseWorkers(workers);
} else {
  // Set here, not in the primary: workers inherit the primary's environment and must see the operator's NODE_ENV.
  if (requestedNodeEnv === undefined) process.env.NODE_ENV = 'production';
  // Loaded only now, after NODE_ENV is settled.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only now, after NODE_ENV is settled
  const { start } = require('./server') as typeof import('./server');
  void start(env);
}

/** The primary process: starts the workers, replaces one that dies, and stops them all on SIGTERM/SIGINT. */
function superviseWorkers(count: number): void {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    // A worker that cannot start (bad configuration, database down) would otherwise be restarted in a tight loop.
    setTimeout(() => cluster.fork(), 1_000);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    });
  }
}
