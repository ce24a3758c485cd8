import { Inject, Injectable } from '@nestjs/common';
import { SigningService } from '@registry/audit';
import { DATABASE, type Database, type NewAuditEvent, recordAuditEventsOn, type SqlExecutor } from '@registry/core';
import { ELEMENT_MASS_METHOD_VERSION } from '@registry/chemistry';
import type { Passport } from '@registry/prisma-client';
import { hashRevision, revisionContentOf, type RevisionRow } from '@registry/verification';
import { randomUUID } from 'node:crypto';
import { elementTotals } from './element-rows';
import { expectedEndOfLifeOf, lifetimeYearsOf } from './end-of-life';
import {
  columns,
  DELETE_ROWS,
  INSERT_COMPONENTS,
  INSERT_ELEMENTS,
  INSERT_MATERIALS,
  INSERT_PASSPORTS,
  insertRevisions,
  INSERT_SUBSTANCES,
  INSERT_TOTALS,
  PASSPORTS_BY_IDENTITY,
  pushRow,
  REVISE_PASSPORTS,
  REVISION_HASHES,
  SET_EXPECTED_END_OF_LIFE,
} from './passport-bulk.sql';
import { type NewPassport, type PassportRevisionChange, StaleRevisionError } from './passport.repository';
import { substanceRows } from './substance-rows';

/** A passport as a bulk write left it. */
export interface WrittenPassport {
  id: string;
  revision: number;
}

/** What a revision's hash covers of its passport, and the columns its rows copy. */
type PassportHead = Pick<Passport, 'id' | 'manufacturerId' | 'cluster' | 'granularity' | 'gtin' | 'serialNumber' | 'batchNumber' | 'status' | 'unitCount'>;

/** A revision to write: its passport, content and the rows it makes searchable. */
interface RevisionToWrite {
  passport: PassportHead;
  revision: number;
  previousHash: string | null;
  change: Pick<PassportRevisionChange, 'productName' | 'composition' | 'flattened' | 'assessment' | 'createdByKeyId' | 'actor'>;
}

/**
 * Bulk writes of passports (the chunks of an import) on the driver, without Prisma: one statement per table for a
 * whole chunk, in one transaction, with the same rows, hashes, signatures and audit events as PassportRepository's
 * create and addRevision. Prisma's per-row handling of createMany cost more than the database's work for imports.
 */
@Injectable()
export class PassportBulkRepository {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly signing: SigningService,
  ) {}

  /** The passports with these identities, with their current documents, in one query. */
  async findByIdentities(identities: readonly { gtin: string; serialNumber: string; batchNumber: string }[]) {
    if (identities.length === 0) return [];
    return this.db.query<Passport & { composition: Record<string, unknown> | null }>(PASSPORTS_BY_IDENTITY, [
      identities.map((identity) => identity.gtin),
      identities.map((identity) => identity.serialNumber),
      identities.map((identity) => identity.batchNumber),
    ]);
  }

  /**
   * Registers and revises passports in one transaction, `alsoInTransaction` last in it. Throws StaleRevisionError
   * (nothing written) when a passport to revise moved on (revised or archived meanwhile), and the database's unique
   * violation (SQLSTATE 23505) when an identity was taken meanwhile.
   */
  write(
    batch: { created: Omit<NewPassport, 'idempotency'>[]; revised: PassportRevisionChange[] },
    alsoInTransaction: (sql: SqlExecutor, written: { created: WrittenPassport[]; revised: WrittenPassport[] }) => Promise<void> = async () => undefined,
  ): Promise<{ created: WrittenPassport[]; revised: WrittenPassport[] }> {
    // One transaction: the chunk lands whole or not at all, so an interrupted import never half-writes a passport.
    return this.db.transaction(async (sql) => {
      // The id and time are set here, not by the database, because the revision's hash covers them.
      const createdAt = new Date();
      const created = batch.created.map((input) => ({ ...input, id: randomUUID() }));
      if (created.length > 0) await sql.query(INSERT_PASSPORTS, passportColumns(created, createdAt));
      const revisions: RevisionToWrite[] = created.map((input) => ({ passport: input, revision: 1, previousHash: null, change: input }));
      revisions.push(...(await this.revise(sql, batch.revised, createdAt)));

      const sealed = await Promise.all(revisions.map((revision) => this.seal(revision, createdAt)));
      if (revisions.length > 0) await sql.query(insertRevisions(revisions.length), revisionValues(revisions, sealed, createdAt));
      const revisedIds = revisions.filter((revision) => revision.revision > 1).map((revision) => revision.passport.id);
      if (revisedIds.length > 0) for (const statement of DELETE_ROWS) await sql.query(statement, [revisedIds]);
      await this.insertRows(sql, revisions);

      const written = {
        created: created.map((input) => ({ id: input.id, revision: 1 })),
        revised: revisions.filter((revision) => revision.revision > 1).map((revision) => ({ id: revision.passport.id, revision: revision.revision })),
      };
      // Last but the caller's bookkeeping: appending to the audit log holds the log's lock until the transaction ends.
      await recordAuditEventsOn(
        sql,
        revisions.map((revision, i) => auditEventOf(revision, sealed[i].contentHash)),
      );
      await alsoInTransaction(sql, written);
      return written;
    });
  }

  /** Moves the passports to their next revision (one statement); StaleRevisionError when one moved on meanwhile. */
  private async revise(sql: SqlExecutor, changes: PassportRevisionChange[], updatedAt: Date): Promise<RevisionToWrite[]> {
    if (changes.length === 0) return [];
    const moved = await sql.query<PassportHead & { revision: number; createdAt: Date; installedAt: Date | null }>(REVISE_PASSPORTS, [
      changes.map((change) => change.passportId),
      changes.map((change) => change.expectedRevision),
      changes.map((change) => change.productName),
      changes.map((change) => change.flattened.totalMassKg),
      changes.map((change) => change.unitCount),
      changes.map((change) => change.assessment.circularity.mci),
      changes.map((change) => change.assessment.reuseValue.amount),
      changes.map((change) => change.assessment.reuseValue.currency),
      changes.map((change) => change.flattened.carbonFootprintKgCO2ePerProduct),
      changes.map((change) => lifetimeYearsOf(change.composition)),
      ELEMENT_MASS_METHOD_VERSION,
      updatedAt,
    ]);
    const byId = new Map(moved.map((passport) => [passport.id, passport]));
    const stale = changes.find((change) => !byId.has(change.passportId));
    if (stale) throw new StaleRevisionError(stale.passportId);
    await sql.query(SET_EXPECTED_END_OF_LIFE, [
      changes.map((change) => change.passportId),
      changes.map((change) => {
        const passport = byId.get(change.passportId)!;
        return expectedEndOfLifeOf(new Date(passport.installedAt ?? passport.createdAt), lifetimeYearsOf(change.composition));
      }),
    ]);
    const previous = await sql.query<{ passportId: string; contentHash: string | null }>(REVISION_HASHES, [
      changes.map((change) => change.passportId),
      changes.map((change) => change.expectedRevision),
    ]);
    const previousHash = new Map(previous.map((row) => [row.passportId, row.contentHash]));
    return changes.map((change) => {
      const passport = byId.get(change.passportId)!;
      return { passport, revision: passport.revision, previousHash: previousHash.get(passport.id) ?? null, change };
    });
  }

  /** contentHash of a new revision, and its signature when it is written while the passport is PUBLISHED. */
  private async seal(revision: RevisionToWrite, createdAt: Date): Promise<{ contentHash: string; signature: string | null; signingKeyId: string | null }> {
    const row: RevisionRow = {
      revision: revision.revision,
      previousHash: revision.previousHash,
      productName: revision.change.productName,
      status: revision.passport.status,
      totalMassKg: revision.change.flattened.totalMassKg,
      composition: revision.change.composition,
      createdAt,
    };
    const contentHash = hashRevision(revisionContentOf(revision.passport, row));
    if (row.status !== 'PUBLISHED') return { contentHash, signature: null, signingKeyId: null };
    return { contentHash, ...(await this.signing.signRevision({ passportId: revision.passport.id, revision: revision.revision, contentHash })) };
  }

  /** Components, materials, element shares and element totals of the revisions: one statement per table. */
  private async insertRows(sql: SqlExecutor, revisions: RevisionToWrite[]): Promise<void> {
    const manufacturerIds = [...new Set(revisions.map((revision) => revision.passport.manufacturerId))];
    const organizations = await sql.query<{ id: string; corop: string | null }>('SELECT "id", "corop" FROM "Organization" WHERE "id" = ANY($1::uuid[])', [
      manufacturerIds,
    ]);
    const corops = new Map(organizations.map((organization) => [organization.id, organization.corop]));
    const component = columns(12);
    const material = columns(15);
    const element = columns(12);
    const total = columns(9);
    const substance = columns(21);
    for (const { passport, change } of revisions) {
      const { id: passportId, cluster, status, manufacturerId } = passport;
      const corop = corops.get(manufacturerId) ?? null;
      const componentIds = new Map<string, string>();
      const materialIds = new Map<number, string>();
      for (const c of change.flattened.components) {
        const componentId = randomUUID();
        componentIds.set(c.key, componentId);
        const details = c.details ? JSON.stringify(c.details) : null;
        pushRow(component, componentId, passportId, c.position, c.key, c.name, c.path, c.depth, c.parentKey, c.quantity, c.massKg, c.unitsPerProduct, details);
        for (const m of c.materials) {
          const materialId = randomUUID();
          materialIds.set(m.position, materialId);
          const materialDetails = m.details ? JSON.stringify(m.details) : null;
          pushRow(
            material,
            materialId,
            passportId,
            componentId,
            m.position,
            m.name,
            m.elementSymbol,
            m.casNumber,
            m.massKg,
            m.massKgPerProduct,
            m.recycledContentPct,
            materialDetails,
            cluster,
            status,
            manufacturerId,
            corop,
          );
          // The same rows as elementRows: one per material and element share.
          for (const share of m.elementShares) {
            pushRow(
              element,
              materialId,
              passportId,
              componentId,
              share.element,
              share.massFraction,
              share.massKg,
              share.massKgPerProduct,
              share.source,
              cluster,
              status,
              manufacturerId,
              corop,
            );
          }
        }
      }
      for (const t of elementTotals(change.flattened))
        pushRow(total, passportId, t.elementSymbol, t.massKg, t.componentCount, cluster, status, manufacturerId, corop, passport.unitCount);
      const ids = { passportId, componentId: (c: { key: string }) => componentIds.get(c.key)!, materialId: (position: number) => materialIds.get(position)! };
      for (const r of substanceRows(change.flattened, ids, { cluster, status, manufacturerId, corop })) {
        pushRow(
          substance,
          r.passportId,
          r.componentId,
          r.materialId,
          r.position,
          r.name,
          r.casNumber,
          r.ecNumber,
          r.svhc,
          r.candidateListId,
          r.candidateListEntry,
          r.concentrationPct,
          r.concentrationMinPct,
          r.concentrationMaxPct,
          r.location,
          r.safeUse,
          r.endOfLife,
          r.massKgPerProduct,
          r.cluster,
          r.status,
          r.manufacturerId,
          r.corop,
        );
      }
    }
    if (component[0].length > 0) await sql.query(INSERT_COMPONENTS, component);
    if (material[0].length > 0) await sql.query(INSERT_MATERIALS, material);
    if (element[0].length > 0) await sql.query(INSERT_ELEMENTS, element);
    if (total[0].length > 0) await sql.query(INSERT_TOTALS, total);
    if (substance[0].length > 0) await sql.query(INSERT_SUBSTANCES, substance);
  }
}

function passportColumns(created: (Omit<NewPassport, 'idempotency'> & { id: string })[], createdAt: Date): unknown[] {
  const target = columns(17);
  for (const p of created) {
    const lifetimeYears = lifetimeYearsOf(p.composition);
    const { circularity, reuseValue } = p.assessment;
    pushRow(
      target,
      p.id,
      p.manufacturerId,
      p.cluster,
      p.granularity,
      p.gtin,
      p.serialNumber,
      p.batchNumber,
      p.productName,
      p.status,
      p.flattened.totalMassKg,
      p.unitCount,
      circularity.mci,
      reuseValue.amount,
      reuseValue.currency,
      p.flattened.carbonFootprintKgCO2ePerProduct,
      lifetimeYears,
      expectedEndOfLifeOf(createdAt, lifetimeYears),
    );
  }
  return [...target, ELEMENT_MASS_METHOD_VERSION, createdAt];
}

/** The parameters of insertRevisions: the time, then each revision's values in a row. */
function revisionValues(
  revisions: RevisionToWrite[],
  sealed: { contentHash: string; signature: string | null; signingKeyId: string | null }[],
  createdAt: Date,
): unknown[] {
  const values: unknown[] = [createdAt];
  revisions.forEach(({ passport, revision, previousHash, change }, i) => {
    values.push(
      passport.id,
      revision,
      change.productName,
      passport.status,
      JSON.stringify(change.composition),
      change.flattened.totalMassKg,
      change.createdByKeyId,
      sealed[i].contentHash,
      previousHash,
      sealed[i].signature,
      sealed[i].signingKeyId,
      JSON.stringify(change.assessment.circularity),
      JSON.stringify(change.assessment.reuseValue),
    );
  });
  return values;
}

/** The audit event of a registration (revision 1) or a revision. */
function auditEventOf(revision: RevisionToWrite, contentHash: string): NewAuditEvent {
  const { passport } = revision;
  if (revision.revision === 1) {
    return {
      action: 'passport.registered',
      actor: revision.change.actor,
      passportId: passport.id,
      revision: 1,
      details: { status: passport.status, contentHash },
    };
  }
  return {
    action: 'passport.revised',
    actor: revision.change.actor,
    passportId: passport.id,
    revision: revision.revision,
    details: { status: passport.status, contentHash, previousHash: revision.previousHash },
  };
}
