import type { JSONWebKeySet, JWK } from 'jose';
import { readFile } from 'node:fs/promises';
import { CliError } from './cli-io';

export type Jwks = JSONWebKeySet & { keys: JWK[] };

/** The registry's base URL without a trailing slash; refuses anything but http(s). */
export function baseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`--url must be the registry's address, e.g. https://registry.example.org, got "${value}"`, 2);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`--url must be an http(s) URL, got "${value}"`, 2);
  return url.toString().replace(/\/+$/, '');
}

/** The message of a registry error response (`{ errors: [{ message, extensions: { code } }] }`), or the status. */
export async function failure(res: Response, what: string): Promise<CliError> {
  const text = await res.text().catch(() => '');
  let detail = `HTTP ${res.status}`;
  try {
    const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) detail = body.errors.map((e) => `${e.extensions?.code ?? res.status}: ${e.message}`).join('; ');
  } catch {
    if (text) detail += `: ${text.slice(0, 200)}`;
  }
  return new CliError(`${what} failed: ${detail}`);
}

export async function fetchJson<T>(url: string, what: string, key?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  } catch (error) {
    throw new CliError(`${what}: cannot reach ${url} (${(error as Error).message})`);
  }
  if (!res.ok) throw await failure(res, what);
  return (await res.json()) as T;
}

/** A JWKS from a file or an http(s) URL, checked for shape. */
export async function loadJwks(source: string): Promise<Jwks> {
  let value: unknown;
  if (/^https?:\/\//.test(source)) {
    value = await fetchJson(source, 'Fetching the JWKS');
  } else {
    try {
      value = JSON.parse(await readFile(source, 'utf8'));
    } catch (error) {
      throw new CliError(`--jwks: cannot read a JWKS from ${source} (${(error as Error).message})`);
    }
  }
  const keys = (value as { keys?: unknown })?.keys;
  if (!Array.isArray(keys)) throw new CliError(`--jwks: ${source} is not a JWKS (an object with "keys")`);
  return value as Jwks;
}
