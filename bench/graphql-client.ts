// The benchmarks' GraphQL client: one POST per call, errors thrown with the query they came from.

/** Posts `query` to the GraphQL endpoint `graphqlUrl` (…/graphql) with an API key; the `data` of the answer. */
export async function gql(graphqlUrl: string, key: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
  if (body.errors) throw new Error(`${query.slice(0, 60)}...: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

/** A new RECYCLER organization and key, made with the platform administrator key: the searches' caller. */
export async function recyclerKey(graphqlUrl: string, adminKey: string): Promise<string> {
  const org = await gql(graphqlUrl, adminKey, 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', {
    i: { name: `Bench Recycler ${new Date().toISOString()}`, kind: 'RECYCLER', corop: 'CR17' },
  });
  const key = await gql(graphqlUrl, adminKey, 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', {
    i: { organizationId: org.createOrganization.id, role: 'RECYCLER', label: 'benchmark' },
  });
  return key.createApiKey.secret as string;
}
