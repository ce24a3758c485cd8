import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, type Database } from '@registry/core';
import type { CredentialSource } from './credential.builder';
import { iso } from './export-sql';

type RevisionRow = CredentialSource['revision'] & {
  manufacturerName: string;
  nextRevisionAt: string | null;
  /** Whether the passport was PUBLISHED while this revision was current. */
  published: boolean;
};

@Injectable()
export class CredentialRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * One revision with its manufacturer's name and the time the next revision replaced it, in one statement.
   * `published`: the revision was written while the passport was PUBLISHED, or it was current when the passport was
   * published; the registry signs a revision exactly then, so its signature records it.
   */
  async revision(passportId: string, revision: number): Promise<RevisionRow | null> {
    const rows = await this.db.query<RevisionRow>(
      `SELECT r.revision, r."productName", r."totalMassKg", r.composition, r.circularity, ${iso('r."createdAt"')} AS "createdAt",
              r."contentHash", r."previousHash", r.signature, r."signingKeyId", o.name AS "manufacturerName",
              (r.status = 'PUBLISHED' OR r.signature IS NOT NULL) AS published,
              (SELECT ${iso('n."createdAt"')} FROM "PassportRevision" n
                WHERE n."passportId" = r."passportId" AND n.revision = r.revision + 1) AS "nextRevisionAt"
         FROM "PassportRevision" r
         JOIN "Passport" p ON p.id = r."passportId"
         JOIN "Organization" o ON o.id = p."manufacturerId"
        WHERE r."passportId" = $1::uuid AND r.revision = $2`,
      [passportId, revision],
    );
    return rows[0] ?? null;
  }
}
