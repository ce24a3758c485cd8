/** The benchmark's own database on the local server; DATABASE_URL overrides it. */
export const DEFAULT_BENCH_URL = 'postgresql://postgres@127.0.0.1:5432/registry_bench';
