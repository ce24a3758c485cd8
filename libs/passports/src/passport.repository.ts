import { Inject, Injectable } from '@nestjs/common';
import { SigningService } from '@registry/audit';
import { type AuditActor, DATABASE, type Database, PrismaService, recordAuditEvent, recordAuditEvents } from '@registry/core';
import { hashRevision, revisionContentOf, type RevisionRow } from '@registry/verification';
import { ELEMENT_MASS_METHOD_VERSION } from '@registry/chemistry';
import type { FlatComponent, FlattenedComposition } from '@registry/composition';
import { Prisma, type Passport, type PassportComponent, type PassportMaterial, type PassportStatus } from '@registry/prisma-client';
import type { ValueAssessment } from '@registry/value';
import { randomUUID } from 'node:crypto';
import { CRITICAL_INPUTS_SQL, type CriticalInputRow } from './critical-inputs.sql';
import { elementRows, elementTotals, type SearchColumns } from './element-rows';
import type { ComponentLink } from './component-links';
import { expectedEndOfLifeOf, lifetimeYearsOf } from './end-of-life';
import { type LinkPageKey, type LinkRow, linkPagesSql, type LinkViewer } from './passport-links.sql';
import {
  type PassportRow,
  passportRowSql,
  type PassportVersion,
  PUBLIC_VERSIONS_ANY_BATCH_SQL,
  PUBLIC_VERSIONS_SQL,
  REVISION_PARTS_SQL,
  type RevisionPartsRow,
} from './passport-read.sql';
import { type IdempotencyClaim, IDEMPOTENCY_WINDOW_MS } from './idempotency-key';
import { substanceRows } from './substance-rows';

export type ComponentWithMaterials = PassportComponent & { materials: PassportMaterial[] };

export interface NewPassport {
  manufacturerId: string;
  cluster: Passport['cluster'];
  granularity: Passport['granularity'];
  gtin: string;
  serialNumber: string;
  batchNumber: string;
  productName: string;
  status: PassportStatus;
  composition: Record<string, unknown>;
  flattened: FlattenedComposition;
  /** Circularity indicator and reuse value of the revision, stored with it (and on the passport for summaries). */
  assessment: ValueAssessment;
  unitCount: number;
  createdByKeyId: string | null;
  actor: AuditActor;
  /** The request's Idempotency-Key, recorded with the passport it registers. */
  idempotency: IdempotencyClaim | null;
  /** registerSuccessor: the passport of the product this one was made from. */
  predecessorId?: string | null;
  /** Components naming their own passports (passportRef), resolved. */
  componentLinks?: ComponentLink[];
}

export interface PassportRevisionChange {
  passportId: string;
  expectedRevision: number;
  productName: string;
  composition: Record<string, unknown>;
  flattened: FlattenedComposition;
  assessment: ValueAssessment;
  unitCount: number;
  createdByKeyId: string | null;
  actor: AuditActor;
  componentLinks?: ComponentLink[];
}

/** A revision of a batch found its passport moved on (revised or archived meanwhile): the batch was rolled back. */
export class StaleRevisionError extends Error {
  constructor(readonly passportId: string) {
    super(`Passport ${passportId} was revised or archived meanwhile`);
  }
}

/** Sort key of passport lists: newest first, id breaks ties. */
export interface PassportCursor {
  createdAt: Date;
  id: string;
}

@Injectable()
export class PassportRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly signing: SigningService,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  async create(input: NewPassport): Promise<Passport> {
    // One transaction: a passport never exists without its first revision, its component and material rows and
    // the audit event of its registration, nor without the Idempotency-Key that asked for it. The key is written
    // first: a concurrent request with the same key waits on it and then fails on its primary key.
    const id = randomUUID();
    return this.prisma.$transaction(async (tx) => {
      if (input.idempotency) {
        const { organizationId, key, requestHash } = input.idempotency;
        // Expired keys of the organization go, so the table holds at most a day of registrations.
        await tx.idempotencyKey.deleteMany({ where: { organizationId, createdAt: { lt: new Date(Date.now() - IDEMPOTENCY_WINDOW_MS) } } });
        await tx.idempotencyKey.create({ data: { organizationId, key, requestHash, passportId: id } });
      }
      const [passport] = await this.insertPassports(tx, [{ ...input, id }], async () => {
        if (!input.predecessorId) return;
        await tx.passportLink.create({ data: { fromPassportId: input.predecessorId, relation: 'SUCCESSOR', toPassportId: id } });
      });
      if (input.predecessorId) {
        await recordAuditEvent(tx, {
          action: 'passport.successor_registered',
          actor: input.actor,
          passportId: input.predecessorId,
          details: { successorId: id },
        });
      }
      return passport;
    });
  }

  /** Inserts passports with their first revisions, searchable rows and registration events. */
  private async insertPassports(
    tx: Prisma.TransactionClient,
    inputs: (Omit<NewPassport, 'idempotency'> & { id: string })[],
    beforeAudit: () => Promise<void> = async () => undefined,
  ): Promise<Passport[]> {
    if (inputs.length === 0) return [];
    // The id and time are set here, not by the database, because the revision's hash covers them.
    const createdAt = new Date();
    const revisions = await Promise.all(
      inputs.map(async (input) => {
        const row: RevisionRow = {
          revision: 1,
          previousHash: null,
          productName: input.productName,
          status: input.status,
          totalMassKg: input.flattened.totalMassKg,
          composition: input.composition,
          createdAt,
        };
        return { input, seal: await this.seal(input, row) };
      }),
    );
    const passports = await tx.passport.createManyAndReturn({
      data: inputs.map((input) => ({
        id: input.id,
        createdAt,
        unitCount: input.unitCount,
        manufacturerId: input.manufacturerId,
        cluster: input.cluster,
        granularity: input.granularity,
        gtin: input.gtin,
        serialNumber: input.serialNumber,
        batchNumber: input.batchNumber,
        productName: input.productName,
        status: input.status,
        revision: 1,
        totalMassKg: input.flattened.totalMassKg,
        carbonFootprintKgCO2e: input.flattened.carbonFootprintKgCO2ePerProduct,
        ...passportFigures(input.assessment),
        lifetimeYears: lifetimeYearsOf(input.composition),
        expectedEndOfLife: expectedEndOfLifeOf(createdAt, lifetimeYearsOf(input.composition)),
      })),
    });
    await tx.passportRevision.createMany({
      data: revisions.map(({ input, seal }) => ({
        passportId: input.id,
        ...revisionFigures(input.assessment),
        revision: 1,
        productName: input.productName,
        status: input.status,
        composition: input.composition as Prisma.InputJsonObject,
        totalMassKg: input.flattened.totalMassKg,
        createdByKeyId: input.createdByKeyId,
        createdAt,
        previousHash: null,
        ...seal,
      })),
    });
    const byId = new Map(passports.map((passport) => [passport.id, passport]));
    await this.insertRows(
      tx,
      inputs.map((input) => ({ passport: byId.get(input.id)!, flattened: input.flattened, links: input.componentLinks ?? [] })),
    );
    await beforeAudit();
    await recordAuditEvents(
      tx,
      revisions.map(({ input, seal }) => ({
        action: 'passport.registered' as const,
        actor: input.actor,
        passportId: input.id,
        revision: 1,
        details: { status: input.status, contentHash: seal.contentHash, ...(input.predecessorId ? { predecessorId: input.predecessorId } : {}) },
      })),
    );
    // In the order given.
    return inputs.map((input) => byId.get(input.id)!);
  }

  /** Writes a new revision if the passport is still at `expectedRevision` and not archived; null otherwise. */
  async addRevision(change: PassportRevisionChange): Promise<Passport | null> {
    // One transaction: the revision counter, the immutable revision (chained to the one before), the rows searched
    // and the audit event must change together, and the conditional update makes a concurrent reviser lose cleanly
    // instead of interleaving (it also locks the passport row until the new revision is chained).
    return this.prisma.$transaction((tx) => this.reviseIn(tx, change));
  }

  /** addRevision within its transaction; null when the passport moved on. */
  private async reviseIn(tx: Prisma.TransactionClient, change: PassportRevisionChange): Promise<Passport | null> {
    const createdAt = new Date();
    const updated = await tx.passport.updateMany({
      where: { id: change.passportId, revision: change.expectedRevision, status: { not: 'ARCHIVED' } },
      data: {
        revision: { increment: 1 },
        productName: change.productName,
        totalMassKg: change.flattened.totalMassKg,
        unitCount: change.unitCount,
        carbonFootprintKgCO2e: change.flattened.carbonFootprintKgCO2ePerProduct,
        ...passportFigures(change.assessment),
        lifetimeYears: lifetimeYearsOf(change.composition),
      },
    });
    if (updated.count === 0) return null;
    let passport = await tx.passport.findUniqueOrThrow({ where: { id: change.passportId } });
    passport = await tx.passport.update({
      where: { id: passport.id },
      data: { expectedEndOfLife: expectedEndOfLifeOf(passport.installedAt ?? passport.createdAt, passport.lifetimeYears) },
    });
    const previous = await tx.passportRevision.findUniqueOrThrow({
      where: { passportId_revision: { passportId: passport.id, revision: passport.revision - 1 } },
      select: { contentHash: true },
    });
    const row: RevisionRow = {
      revision: passport.revision,
      previousHash: previous.contentHash,
      productName: change.productName,
      status: passport.status,
      totalMassKg: change.flattened.totalMassKg,
      composition: change.composition,
      createdAt,
    };
    const seal = await this.seal(passport, row);
    await tx.passportRevision.create({
      data: {
        passportId: passport.id,
        revision: passport.revision,
        productName: change.productName,
        status: passport.status,
        composition: change.composition as Prisma.InputJsonObject,
        totalMassKg: change.flattened.totalMassKg,
        ...revisionFigures(change.assessment),
        createdByKeyId: change.createdByKeyId,
        createdAt,
        previousHash: row.previousHash,
        ...seal,
      },
    });
    await tx.passportElementTotal.deleteMany({ where: { passportId: passport.id } });
    await tx.passportMaterialElement.deleteMany({ where: { passportId: passport.id } });
    await tx.passportSubstanceOfConcern.deleteMany({ where: { passportId: passport.id } });
    await tx.passportMaterial.deleteMany({ where: { passportId: passport.id } });
    await tx.passportComponent.deleteMany({ where: { passportId: passport.id } });
    await tx.passportLink.deleteMany({ where: { fromPassportId: passport.id, relation: 'HAS_COMPONENT' } });
    await this.insertRows(tx, [{ passport, flattened: change.flattened, links: change.componentLinks ?? [] }]);
    // Last: appending to the audit log holds the log's lock until the transaction ends.
    await recordAuditEvent(tx, {
      action: 'passport.revised',
      actor: change.actor,
      passportId: passport.id,
      revision: passport.revision,
      details: { status: passport.status, contentHash: seal.contentHash, previousHash: row.previousHash },
    });
    return passport;
  }

  /**
   * Moves a passport from one of `from` to `to`; null when it was in another status. A status change adds no
   * revision (the content did not change): it is an audit event, and publishing signs the current revision.
   */
  async changeStatus(id: string, from: PassportStatus[], to: PassportStatus, actor: AuditActor): Promise<Passport | null> {
    // One transaction: searches filter on the status copied to the material and element rows, and the signature
    // and the audit event belong to the change.
    return this.prisma.$transaction(async (tx) => {
      // One conditional update per status tells which one the passport left, atomically.
      let previousStatus: PassportStatus | null = null;
      for (const status of from) {
        const updated = await tx.passport.updateMany({ where: { id, status }, data: { status: to } });
        if (updated.count > 0) {
          previousStatus = status;
          break;
        }
      }
      if (!previousStatus) return null;
      const passport = await tx.passport.findUniqueOrThrow({ where: { id } });
      await tx.passportMaterial.updateMany({ where: { passportId: id }, data: { status: to } });
      await tx.passportMaterialElement.updateMany({ where: { passportId: id }, data: { status: to } });
      await tx.passportElementTotal.updateMany({ where: { passportId: id }, data: { status: to } });
      await tx.passportSubstanceOfConcern.updateMany({ where: { passportId: id }, data: { status: to } });
      let signingKeyId: string | null = null;
      if (to === 'PUBLISHED') signingKeyId = await this.signCurrentRevision(tx, passport);
      await recordAuditEvent(tx, {
        action: to === 'PUBLISHED' ? 'passport.published' : 'passport.archived',
        actor,
        passportId: id,
        revision: passport.revision,
        details: { from: previousStatus, to, ...(signingKeyId ? { signingKeyId } : {}) },
      });
      return passport;
    });
  }

  findById(id: string): Promise<Passport | null> {
    return this.prisma.passport.findUnique({ where: { id } });
  }

  /** A passport with its manufacturer and linked contributions when asked for (passportRowSql), in one prepared statement. */
  async findRow(id: string, parts: { manufacturer: boolean; linkedContributions: boolean }): Promise<PassportRow | null> {
    const [row] = await this.db.queryPrepared<PassportRow>(passportRowSql(parts), [id]);
    return row ?? null;
  }

  /** The stored figures and critical inputs of a passport at its version (REVISION_PARTS_SQL); null once it moved on. */
  async findRevisionParts(version: Pick<Passport, 'id' | 'revision' | 'elementMethodVersion'>): Promise<RevisionPartsRow | null> {
    const [row] = await this.db.queryPrepared<RevisionPartsRow>(REVISION_PARTS_SQL, [version.id, version.revision, version.elementMethodVersion]);
    return row ?? null;
  }

  findByIds(ids: readonly string[]): Promise<Passport[]> {
    return this.prisma.passport.findMany({ where: { id: { in: [...ids] } } });
  }

  /** The passports with these identities (GTIN, serial, batch), whatever their status and owner, in one query. */
  findByIdentities(identities: readonly { gtin: string; serialNumber: string; batchNumber: string }[]): Promise<Passport[]> {
    if (identities.length === 0) return Promise.resolve([]);
    return this.prisma.passport.findMany({
      where: { OR: identities.map(({ gtin, serialNumber, batchNumber }) => ({ gtin, serialNumber, batchNumber })) },
    });
  }

  /** The published (or archived) MODEL passports of these GTINs, in one query. */
  findModels(gtins: readonly string[]): Promise<Passport[]> {
    return this.prisma.passport.findMany({ where: { gtin: { in: [...gtins] }, serialNumber: '', batchNumber: '', status: { in: ['PUBLISHED', 'ARCHIVED'] } } });
  }

  /** The element masses linked component passports contributed to these passports' totals, with the linked passports' owners and grantees. */
  findLinkedContributions(passportIds: readonly string[]) {
    return this.prisma.passportLink.findMany({
      where: { fromPassportId: { in: [...passportIds] }, relation: 'HAS_COMPONENT', elementMassKg: { not: Prisma.DbNull } },
      select: { fromPassportId: true, elementMassKg: true, to: { select: { manufacturerId: true, compositionRestricted: true, compositionGrantees: true } } },
    });
  }

  /** Several pages of passport links, in one statement (see linkPagesSql). */
  findLinkPages(keys: readonly LinkPageKey[], viewer: LinkViewer): Promise<LinkRow[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.prisma.$queryRaw<LinkRow[]>(linkPagesSql(keys, viewer));
  }

  findPage(where: Prisma.PassportWhereInput, first: number, after: PassportCursor | null): Promise<Passport[]> {
    return this.prisma.passport.findMany({
      where: after ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: first + 1,
    });
  }

  count(where: Prisma.PassportWhereInput): Promise<number> {
    return this.prisma.passport.count({ where });
  }

  /** Components (in document order) with their materials, for several passports in one query. */
  findComponents(passportIds: readonly string[]): Promise<ComponentWithMaterials[]> {
    return this.prisma.passportComponent.findMany({
      where: { passportId: { in: [...passportIds] } },
      orderBy: [{ passportId: 'asc' }, { position: 'asc' }],
      include: { materials: { orderBy: { position: 'asc' } } },
    });
  }

  /**
   * Per passport, each element's mass in one whole product with the forms of the materials holding it, in one
   * prepared statement on the driver (Passport.criticalMaterials; it was two Prisma queries).
   */
  findCriticalInputs(passportIds: readonly string[]): Promise<CriticalInputRow[]> {
    return this.db.queryPrepared<CriticalInputRow>(CRITICAL_INPUTS_SQL, [passportIds]);
  }

  /** Per passport, the mass of each element in one whole product, in one query. */
  findElementTotals(passportIds: readonly string[]) {
    return this.prisma.passportElementTotal.findMany({
      where: { passportId: { in: [...passportIds] } },
      select: { passportId: true, elementSymbol: true, massKg: true },
    });
  }

  /** The element shares of several materials, in one query, heaviest first within a material. */
  findElementShares(materialIds: readonly string[]) {
    return this.prisma.passportMaterialElement.findMany({
      where: { materialId: { in: [...materialIds] } },
      select: { materialId: true, elementSymbol: true, massFraction: true, massKg: true, massKgPerProduct: true, source: true },
      orderBy: [{ materialId: 'asc' }, { massFraction: 'desc' }, { elementSymbol: 'asc' }],
    });
  }

  /** The substances of concern of several passports' current revisions, in document order, in one query. */
  findSubstances(passportIds: readonly string[]) {
    return this.prisma.passportSubstanceOfConcern.findMany({
      where: { passportId: { in: [...passportIds] } },
      orderBy: [{ passportId: 'asc' }, { position: 'asc' }],
    });
  }

  /** The composition documents of the given passport revisions, in one query. */
  findDocuments(keys: readonly { passportId: string; revision: number }[]) {
    return this.prisma.passportRevision.findMany({
      where: { OR: keys.map((key) => ({ passportId: key.passportId, revision: key.revision })) },
      select: { passportId: true, revision: true, composition: true },
    });
  }

  /** contentHash of a new revision, and its signature when it is written while the passport is PUBLISHED. */
  private async seal(
    passport: Pick<Passport, 'id' | 'manufacturerId' | 'cluster' | 'granularity' | 'gtin' | 'serialNumber' | 'batchNumber'>,
    row: RevisionRow,
  ): Promise<{ contentHash: string; signature: string | null; signingKeyId: string | null }> {
    const contentHash = hashRevision(revisionContentOf(passport, row));
    if (row.status !== 'PUBLISHED') return { contentHash, signature: null, signingKeyId: null };
    return { contentHash, ...(await this.signing.signRevision({ passportId: passport.id, revision: row.revision, contentHash })) };
  }

  /**
   * Signs the revision current when a DRAFT is published. Only the signature is added: the hashed content (with the
   * status it was written in) stays as it was. Revisions from before hashing (no contentHash) cannot be signed.
   */
  private async signCurrentRevision(tx: Prisma.TransactionClient, passport: Passport): Promise<string | null> {
    const where = { passportId_revision: { passportId: passport.id, revision: passport.revision } };
    const current = await tx.passportRevision.findUniqueOrThrow({ where, select: { contentHash: true, signature: true } });
    if (!current.contentHash || current.signature) return null;
    const signed = await this.signing.signRevision({ passportId: passport.id, revision: passport.revision, contentHash: current.contentHash });
    await tx.passportRevision.update({ where, data: signed });
    return signed.signingKeyId;
  }

  /**
   * Writes the searchable rows of revisions (one or a batch of passports): components, materials, their element
   * shares and per-element totals, one statement per table, and marks the passports as computed with the current
   * element-mass method.
   */
  private async insertRows(
    tx: Prisma.TransactionClient,
    written: { passport: Passport; flattened: FlattenedComposition; links: ComponentLink[] }[],
  ): Promise<void> {
    const manufacturerIds = [...new Set(written.map(({ passport }) => passport.manufacturerId))];
    const manufacturers = await tx.organization.findMany({ where: { id: { in: manufacturerIds } }, select: { id: true, corop: true } });
    const corops = new Map(manufacturers.map((manufacturer) => [manufacturer.id, manufacturer.corop]));
    const rows = written.map(({ passport, flattened, links }) => rowsOf(passport, flattened, corops.get(passport.manufacturerId) ?? null, links));
    const links = written.flatMap(({ passport, links }) =>
      links.map((link) => ({
        fromPassportId: passport.id,
        relation: 'HAS_COMPONENT' as const,
        toPassportId: link.toPassportId,
        componentKey: link.componentKey,
        elementMassKg: link.elementMassKg ?? Prisma.DbNull,
      })),
    );
    if (links.length > 0) await tx.passportLink.createMany({ data: links });
    const components = rows.flatMap((row) => row.components);
    const materials = rows.flatMap((row) => row.materials);
    const elements = rows.flatMap((row) => row.elements);
    const totals = rows.flatMap((row) => row.totals);
    const substances = rows.flatMap((row) => row.substances);
    if (components.length > 0) await tx.passportComponent.createMany({ data: components });
    if (materials.length > 0) await tx.passportMaterial.createMany({ data: materials });
    if (substances.length > 0) await tx.passportSubstanceOfConcern.createMany({ data: substances });
    if (elements.length > 0) await tx.passportMaterialElement.createMany({ data: elements });
    if (totals.length > 0) await tx.passportElementTotal.createMany({ data: totals });
    await tx.passport.updateMany({
      where: { id: { in: written.map(({ passport }) => passport.id) } },
      data: { elementMethodVersion: ELEMENT_MASS_METHOD_VERSION },
    });
  }

  /**
   * The PUBLISHED or ARCHIVED passports with this identity (drafts are never public), at most `limit`: what tells
   * their versions apart (see PassportVersion). A batch number left undefined matches any batch. Identities are unique in the registry, so a fully named identity has at most
   * one passport; only an item named without its batch can match several (one per batch), listed by batch number.
   */
  findPublicByIdentity(identity: { gtin: string; serialNumber: string; batchNumber?: string }, limit: number): Promise<PassportVersion[]> {
    // A prepared statement on the driver: every scan of a QR code runs it, and a cached view needs no more than this.
    return identity.batchNumber === undefined
      ? this.db.queryPrepared<PassportVersion>(PUBLIC_VERSIONS_ANY_BATCH_SQL, [identity.gtin, identity.serialNumber, limit])
      : this.db.queryPrepared<PassportVersion>(PUBLIC_VERSIONS_SQL, [identity.gtin, identity.serialNumber, identity.batchNumber, limit]);
  }

  /** The passport with exactly this identity, whatever its status and owner. */
  findByIdentity(identity: { gtin: string; serialNumber: string; batchNumber: string }): Promise<Passport | null> {
    return this.prisma.passport.findUnique({ where: { gtin_serialNumber_batchNumber: identity } });
  }

  /** The passport an organization's Idempotency-Key registered within the last 24 hours, with the input's hash. */
  findIdempotencyKey(organizationId: string, key: string): Promise<{ requestHash: string; passportId: string } | null> {
    return this.prisma.idempotencyKey.findFirst({
      where: { organizationId, key, createdAt: { gte: new Date(Date.now() - IDEMPOTENCY_WINDOW_MS) } },
      select: { requestHash: true, passportId: true },
    });
  }

  /** The mass in one whole product and the declared recycled content of each material of a passport. */
  findMaterialRecycledContent(passportId: string): Promise<{ massKgPerProduct: number; recycledContentPct: number | null }[]> {
    return this.prisma.passportMaterial.findMany({
      where: { passportId },
      select: { massKgPerProduct: true, recycledContentPct: true },
    });
  }
}

/**
 * Writes a revision's element rows and element totals, and marks the passport as computed with the current method.
 * Shared by new revisions and the recomputation of old ones.
 */
export async function writeElementRows(
  tx: Prisma.TransactionClient,
  passport: Pick<Passport, 'id' | 'unitCount'>,
  flattened: FlattenedComposition,
  searchColumns: SearchColumns,
  links: ComponentLink[],
  ids: { componentId(component: FlatComponent): string; materialId(position: number): string },
): Promise<void> {
  const rows = elementRows(flattened, { passportId: passport.id, ...ids }, searchColumns);
  const totals = withLinkedTotals(elementTotals(flattened), links).map((total) => ({
    passportId: passport.id,
    ...total,
    ...searchColumns,
    unitCount: passport.unitCount,
  }));
  if (rows.length > 0) await tx.passportMaterialElement.createMany({ data: rows });
  if (totals.length > 0) await tx.passportElementTotal.createMany({ data: totals });
  await tx.passport.update({ where: { id: passport.id }, data: { elementMethodVersion: ELEMENT_MASS_METHOD_VERSION } });
}

/** The searchable rows of one revision of a passport: components, materials, element shares and element totals. */
function rowsOf(passport: Passport, flattened: FlattenedComposition, corop: string | null, links: ComponentLink[]) {
  const passportId = passport.id;
  const searchColumns: SearchColumns = { cluster: passport.cluster, status: passport.status, manufacturerId: passport.manufacturerId, corop };
  const componentIds = new Map(flattened.components.map((component) => [component.key, randomUUID()]));
  const materialIds = new Map(flattened.components.flatMap((component) => component.materials.map((material) => [material.position, randomUUID()])));
  const components = flattened.components.map((component) => ({
    id: componentIds.get(component.key)!,
    passportId,
    position: component.position,
    key: component.key,
    name: component.name,
    path: component.path,
    depth: component.depth,
    parentKey: component.parentKey,
    quantity: component.quantity,
    massKg: component.massKg,
    unitsPerProduct: component.unitsPerProduct,
    details: (component.details ?? Prisma.DbNull) as Prisma.InputJsonObject,
  }));
  const materials = flattened.components.flatMap((component) =>
    component.materials.map((material) => ({
      id: materialIds.get(material.position)!,
      passportId,
      componentId: componentIds.get(component.key)!,
      position: material.position,
      name: material.name,
      elementSymbol: material.elementSymbol,
      casNumber: material.casNumber,
      massKg: material.massKg,
      massKgPerProduct: material.massKgPerProduct,
      recycledContentPct: material.recycledContentPct,
      details: (material.details ?? Prisma.DbNull) as Prisma.InputJsonObject,
      ...searchColumns,
    })),
  );
  const ids = {
    passportId,
    componentId: (component: FlatComponent) => componentIds.get(component.key)!,
    materialId: (position: number) => materialIds.get(position)!,
  };
  const elements = elementRows(flattened, ids, searchColumns);
  const substances = substanceRows(flattened, ids, searchColumns);
  const totals = withLinkedTotals(elementTotals(flattened), links).map((total) => ({ passportId, ...total, ...searchColumns, unitCount: passport.unitCount }));
  return { components, materials, elements, totals, substances };
}

/** The value figures kept on the passport row, for cluster summaries without reading documents. */
function passportFigures({ circularity, reuseValue }: ValueAssessment) {
  return { mci: circularity.mci, reuseValueAmount: reuseValue.amount, reuseValueCurrency: reuseValue.currency };
}

/** The full figures of a revision, with their method versions, so old figures stay explainable. */
function revisionFigures({ circularity, reuseValue }: ValueAssessment) {
  return {
    circularity: circularity as unknown as Prisma.InputJsonObject,
    reuseValue: reuseValue as unknown as Prisma.InputJsonObject,
  };
}

/** The element totals of a document plus those its components' linked passports contribute (each linking component counted once). */
function withLinkedTotals(
  totals: { elementSymbol: string; massKg: number; componentCount: number }[],
  links: ComponentLink[],
): { elementSymbol: string; massKg: number; componentCount: number }[] {
  const merged = new Map(totals.map((total) => [total.elementSymbol, { ...total }]));
  for (const link of links) {
    for (const [elementSymbol, massKg] of Object.entries(link.elementMassKg ?? {})) {
      const total = merged.get(elementSymbol) ?? { elementSymbol, massKg: 0, componentCount: 0 };
      total.massKg += massKg;
      total.componentCount += 1;
      merged.set(elementSymbol, total);
    }
  }
  return [...merged.values()];
}
