import { Prisma } from '@registry/prisma-client';
import type { PassportRelation } from './models/passport-link.model';

/** A page of one passport's links of one relation: the other passports after (otherId, componentKey), `take` of them. */
export interface LinkPageKey {
  passportId: string;
  relation: PassportRelation;
  after: { otherId: string; componentKey: string } | null;
  take: number;
}

export interface LinkRow {
  keyIndex: number;
  otherId: string;
  componentKey: string;
}

/** Who reads: links to a DRAFT show to its owner and the platform administrator only. */
export interface LinkViewer {
  organizationId: string | null;
  platformAdmin: boolean;
}

/** The stored rows and the direction of each relation read from a passport. */
const STORED = {
  HAS_COMPONENT: { relation: 'HAS_COMPONENT', self: 'fromPassportId', other: 'toPassportId' },
  COMPONENT_OF: { relation: 'HAS_COMPONENT', self: 'toPassportId', other: 'fromPassportId' },
  SUCCESSOR: { relation: 'SUCCESSOR', self: 'fromPassportId', other: 'toPassportId' },
  PREDECESSOR: { relation: 'SUCCESSOR', self: 'toPassportId', other: 'fromPassportId' },
} as const;

/**
 * Several pages of links in one statement: one index range per page (PassportLink's primary key for outgoing links,
 * (toPassportId, relation) for incoming ones), ordered by the other passport's id and the component key.
 */
export function linkPagesSql(keys: readonly LinkPageKey[], viewer: LinkViewer): Prisma.Sql {
  const pages = keys.map((key, index) => {
    const stored = STORED[key.relation];
    const self = Prisma.raw(`l."${stored.self}"`);
    const other = Prisma.raw(`l."${stored.other}"`);
    const conditions = [Prisma.sql`${self} = CAST(${key.passportId} AS uuid)`, Prisma.sql`l."relation" = CAST(${stored.relation} AS "PassportLinkRelation")`];
    if (key.after) conditions.push(Prisma.sql`(${other}, l."componentKey") > (CAST(${key.after.otherId} AS uuid), ${key.after.componentKey})`);
    if (!viewer.platformAdmin) {
      const owner = viewer.organizationId ? Prisma.sql` OR o."manufacturerId" = CAST(${viewer.organizationId} AS uuid)` : Prisma.empty;
      conditions.push(Prisma.sql`(o."status" <> 'DRAFT'${owner})`);
    }
    return Prisma.sql`(SELECT ${index}::int AS "keyIndex", ${other}::text AS "otherId", l."componentKey"
   FROM "PassportLink" l JOIN "Passport" o ON o."id" = ${other}
  WHERE ${Prisma.join(conditions, ' AND ')}
  ORDER BY ${other}, l."componentKey"
  LIMIT ${key.take})`;
  });
  return Prisma.join(pages, '\nUNION ALL\n');
}
