import type { TestApp } from './test-app';

export const IMPORT_RUN = `query($id: ID!, $outcome: ImportRowOutcome, $first: Int, $after: String) {
  importRun(id: $id) {
    id status mode dryRun totalRows error progress counts { created revised unchanged failed }
    rows(first: $first, after: $after, outcome: $outcome) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { rowRef outcome passportId revision violations { path message keyword } } }
    }
  }
}`;

/** Polls importRun until the run is FINISHED or FAILED; answers it with the first page of `outcome` rows. */
export async function waitForRun(t: TestApp, key: string, id: string, outcome: string | null = null, timeoutMs = 60_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.gql(IMPORT_RUN, { id, outcome, first: 100 }, key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const run = res.data.importRun;
    if (run.status === 'FINISHED' || run.status === 'FAILED') return run;
    if (Date.now() > deadline) throw new Error(`import run ${id} still ${run.status} after ${timeoutMs} ms: ${JSON.stringify(run.counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** POST /imports with an NDJSON body. */
export function uploadNdjson(t: TestApp, key: string, body: string, query = 'mode=UPSERT&dryRun=false') {
  return t.http().post(`/imports?${query}`).set('authorization', `Bearer ${key}`).set('content-type', 'application/x-ndjson').send(body);
}
