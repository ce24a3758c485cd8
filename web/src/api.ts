/** The GraphQL API of the same origin, and the API key kept for this browser tab only (sessionStorage). */

export interface Violation {
  path: string;
  message: string;
  keyword?: string;
}

/** An error answered by the API, with its code and, for invalid documents, every violation with its JSON pointer. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly violations: Violation[] = [],
  ) {
    super(message);
  }
}

const KEY = 'registry.apiKey';

export function apiKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
  window.dispatchEvent(new Event('registry-key'));
}

export function authHeaders(): Record<string, string> {
  const key = apiKey();
  return key ? { authorization: `Bearer ${key}` } : {};
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders() },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string; violations?: Violation[] } }[];
  } | null;
  if (!body) throw new ApiError(`HTTP ${response.status}`, undefined);
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(first.message, first.extensions?.code, first.extensions?.violations ?? []);
  }
  return body.data as T;
}

export interface Connection<T> {
  edges: { node: T }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount?: number;
}

export const CLUSTERS = ['BATTERY', 'HEAT_AS_A_SERVICE', 'HIGH_TECH_EQUIPMENT', 'SOLAR_PV', 'WIND_PARK'] as const;
export type ClusterCode = (typeof CLUSTERS)[number];
export const STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type PassportStatus = (typeof STATUSES)[number];

export interface CriticalList {
  id: string;
  name: string;
}

export function criticalLists(): Promise<CriticalList[]> {
  return gql<{ criticalMaterialLists: CriticalList[] }>('{ criticalMaterialLists { id name } }').then((d) => d.criticalMaterialLists);
}
