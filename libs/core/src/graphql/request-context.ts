/**
 * The GraphQL context of one request, as resolvers see it. Libraries keep their batch loaders in it, each under a
 * key of its own (DataLoader caches must not outlive a request, so they cannot live in a service).
 */
export interface GraphQLContext {
  requestScoped?: Map<string, unknown>;
}

/** The value kept under `key` for the request of `context`, made by `create` on first use. */
export function requestScoped<T>(context: GraphQLContext, key: string, create: () => T): T {
  context.requestScoped ??= new Map();
  if (!context.requestScoped.has(key)) context.requestScoped.set(key, create());
  return context.requestScoped.get(key) as T;
}
