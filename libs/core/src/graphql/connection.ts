import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { RegistryError } from '../errors/registry-error';

@ObjectType({ description: 'Relay-style paging information.' })
export class PageInfo {
  @Field({ description: 'Whether another page follows; ask for it with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of this page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount?: number;
}

/** A Relay connection type for `node`: `<Name>Connection` with `<Name>Edge`s, and optionally `totalCount`. */
export function Connection<T>(node: Type<T>, options: { name?: string; totalCount?: boolean } = {}) {
  const name = options.name ?? node.name;

  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: 'Opaque cursor; pass it as `after` to continue after this edge.' })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionBase {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }

  if (options.totalCount === false) {
    @ObjectType(`${name}Connection`)
    class ConnectionType extends ConnectionBase {}
    return ConnectionType as Type<ConnectionShape<T>>;
  }

  @ObjectType(`${name}Connection`)
  class CountedConnectionType extends ConnectionBase {
    @Field(() => Int, { description: 'Number of nodes that match the filter, on all pages.' })
    totalCount!: number;
  }
  return CountedConnectionType as Type<ConnectionShape<T>>;
}

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`pageInfo.endCursor`).' })
  after?: string | null;
}

/** Checks `first` and decodes `after`; errors name the argument. */
export function readPage(args: { first?: number | null; after?: string | null }): { first: number; after: unknown[] | null } {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw RegistryError.invalidField('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, 'range');
  }
  return { first, after: args.after ? decodeCursor(args.after) : null };
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values)) return values;
  } catch {
    // reported below
  }
  throw RegistryError.invalidField('after', 'is not a cursor returned by this API', 'cursor');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID, the form of every id of this API. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

function badCursor(): RegistryError {
  return RegistryError.invalidField('after', 'is not a cursor returned by this API', 'cursor');
}

// Readers of the values inside a decoded cursor. A cursor is client input: each value is checked to be one the
// database can compare with (PostgreSQL refuses year -1, ids past 64 bits, malformed UUIDs and NUL characters).

/** A time written by `Date.toISOString()`, within the years PostgreSQL stores (1 to 9999). */
export function cursorTime(value: unknown): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) throw badCursor();
  const time = new Date(value);
  // Written by toISOString(), so it reads back to the same text (which also rules out 31 February).
  if (Number.isNaN(time.getTime()) || time.getUTCFullYear() < 1 || time.toISOString() !== value) throw badCursor();
  return time;
}

export function cursorUuid(value: unknown): string {
  if (!isUuid(value)) throw badCursor();
  return value;
}

/** A positive 64-bit integer written as a string (e.g. a bigint id). */
export function cursorBigInt(value: unknown): bigint {
  if (typeof value !== 'string' || !/^\d{1,19}$/.test(value)) throw badCursor();
  const id = BigInt(value);
  if (id > 9_223_372_036_854_775_807n) throw badCursor();
  return id;
}

/** A string the database can compare with: no NUL character, at most 1,000 characters. */
export function cursorText(value: unknown): string {
  if (typeof value !== 'string' || value.length > 1000 || value.includes('\u0000')) throw badCursor();
  return value;
}

/** The `[createdAt, id]` cursor of lists sorted newest first. */
export function readTimeCursor(after: unknown[] | null): { createdAt: Date; id: string } | null {
  if (after === null) return null;
  if (after.length !== 2) throw badCursor();
  return { createdAt: cursorTime(after[0]), id: cursorUuid(after[1]) };
}

/** An edge whose cursor is encoded when read: most queries select only pageInfo.endCursor, not each edge's cursor. */
class LazyEdge<Row, T> implements Edge<T> {
  constructor(
    private readonly row: Row,
    private readonly cursorOf: (row: Row) => unknown[],
    readonly node: T,
  ) {}

  get cursor(): string {
    return encodeCursor(this.cursorOf(this.row));
  }
}

/** Builds a page from `first + 1` fetched rows: the extra row only tells whether a next page exists. */
export function toConnection<Row, T>(
  rows: Row[],
  first: number,
  cursorOf: (row: Row) => unknown[],
  nodeOf: (row: Row) => T,
  totalCount?: number,
): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => new LazyEdge(row, cursorOf, nodeOf(row)));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    ...(totalCount === undefined ? {} : { totalCount }),
  };
}
