import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/auth';
import { CompositionValidator, flattenComposition, type CompositionDocument, type FlattenedComposition } from '@registry/composition';
import {
  auditActorOf,
  type ConnectionShape,
  ErrorCode,
  LruCache,
  RegistryError,
  type Violation,
  readPage,
  readTimeCursor,
  toConnection,
  isUuid,
} from '@registry/core';
import type { ClusterCode, Granularity, Passport, Prisma } from '@registry/prisma-client';
import { ValueAssessor } from '@registry/value';
import { OrganizationService, prefixOf } from '@registry/organizations';
import { type ComponentLink, type LinkedPassportLookup, resolveComponentLinks } from './component-links';
import { GS1_ATTRIBUTE, normalizeGtin } from './gtin';
import { IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_HEADER, type IdempotencyClaim, requestHashOf } from './idempotency-key';
import { type NewPassport, PassportRepository } from './passport.repository';
import { PassportCriticalMaterials } from './passport-critical-materials';
import type { PassportRead, PassportReadParts } from './passport-read-parts';
import type { PassportVersion } from './passport-read.sql';
import { publicRecycledContent, type RecycledContentSummary, summarizeRecycledContent } from './recycled-content';

export interface RegisterPassport {
  productName: string;
  cluster: ClusterCode;
  granularity: Granularity;
  gtin: string;
  serialNumber?: string | null;
  batchNumber?: string | null;
  composition: Record<string, unknown>;
  publish?: boolean;
}

export interface RevisePassport {
  passportId: string;
  expectedRevision: number;
  composition?: Record<string, unknown> | null;
  productName?: string | null;
}

/** A registration checked and computed, ready to write; see PassportService.prepareRegistration. */
export interface PreparedRegistration {
  violations: Violation[];
  /** The GTIN is valid but under none of the manufacturer's GS1 Company Prefixes. */
  gtinOutsidePrefixes: { gtin: string; prefixes: string[] } | null;
  passport: Omit<NewPassport, 'manufacturerId' | 'createdByKeyId' | 'actor' | 'idempotency'> | null;
}

export interface PassportListFilter {
  cluster?: ClusterCode | null;
  status?: Passport['status'] | null;
  manufacturerId?: string | null;
  gtin?: string | null;
}

/** What a revision stores for passport(id), kept per passport version (a few KB each). */
type RevisionParts = Required<Pick<PassportRead, 'storedFigures' | 'criticalInputs'>>;
const MAX_CACHED_REVISIONS = 2_000;
const MOVED_ON = new Error('The passport moved on to another version');

@Injectable()
export class PassportService {
  /** Figures and critical inputs by passport version: id, revision and element method (see read). */
  private readonly revisionParts = new LruCache<RevisionParts>(MAX_CACHED_REVISIONS);

  constructor(
    private readonly passports: PassportRepository,
    private readonly validator: CompositionValidator,
    private readonly assessor: ValueAssessor,
    private readonly organizations: OrganizationService,
  ) {}

  /**
   * Registers a passport for a GTIN under one of the caller's GS1 Company Prefixes. With an Idempotency-Key, a
   * retry of the same input within 24 hours answers the passport the first request registered.
   */
  async register(caller: Principal, input: RegisterPassport, idempotencyKey: string | null = null): Promise<Passport> {
    return this.registerAs(caller, this.requireManufacturer(caller), input, idempotencyKey, null);
  }

  /**
   * Registers the passport of a product made from another one (a repurposed or remanufactured product, e.g. a
   * second-life battery), linked both ways: the predecessor's SUCCESSOR and the new passport's PREDECESSOR. By a
   * MANUFACTURER or SERVICE_PROVIDER key whose organization holds the GTIN's GS1 Company Prefix; the predecessor must
   * be published (or archived).
   */
  async registerSuccessor(caller: Principal, predecessorId: string, input: RegisterPassport): Promise<Passport> {
    if (!(caller.organizationKind === 'MANUFACTURER' || caller.organizationKind === 'SERVICE_PROVIDER') || !caller.organizationId) {
      throw RegistryError.forbidden('Only keys of a MANUFACTURER or SERVICE_PROVIDER organization can register a successor', {
        requiredRoles: ['MANUFACTURER', 'SERVICE_PROVIDER'],
      });
    }
    const predecessor = await this.get(caller, predecessorId);
    if (predecessor.status === 'DRAFT') {
      throw RegistryError.conflict(`Passport ${predecessorId} is a DRAFT: only a published product can have a successor`, { status: predecessor.status });
    }
    return this.registerAs(caller, caller.organizationId, input, null, predecessor.id);
  }

  private async registerAs(
    caller: Principal,
    manufacturerId: string,
    input: RegisterPassport,
    idempotencyKey: string | null,
    predecessorId: string | null,
  ): Promise<Passport> {
    const idempotency = idempotencyKey === null ? null : this.claimOf(manufacturerId, idempotencyKey, input);
    const replayed = idempotency && (await this.replay(idempotency));
    if (replayed) return replayed;

    const prepared = this.prepareRegistration(input, await this.organizations.gs1CompanyPrefixesOf(manufacturerId));
    if (prepared.gtinOutsidePrefixes) throw gtinOwnerError(prepared.gtinOutsidePrefixes);
    if (!prepared.passport) throw RegistryError.invalid('The passport was not registered: the input is invalid', prepared.violations);
    const { gtin, serialNumber, batchNumber } = prepared.passport;
    const componentLinks = await this.componentLinks(prepared.passport.composition, prepared.passport.flattened, null, 'registered');
    try {
      return await this.passports.create({
        ...prepared.passport,
        componentLinks,
        manufacturerId,
        createdByKeyId: caller.apiKeyId,
        actor: auditActorOf(caller),
        idempotency,
        predecessorId,
      });
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error;
      // A concurrent request with the same Idempotency-Key got there first: answer what it registered.
      const concurrent = idempotency && (await this.replay(idempotency));
      if (concurrent) return concurrent;
      throw await this.identityConflict(manufacturerId, { gtin, serialNumber, batchNumber });
    }
  }

  /** Validates the Idempotency-Key header before any work, and fingerprints the input it goes with. */
  private claimOf(organizationId: string, key: string, input: RegisterPassport): IdempotencyClaim {
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw RegistryError.invalid(`The ${IDEMPOTENCY_KEY_HEADER} header must be 1 to 200 printable ASCII characters`, [
        { path: IDEMPOTENCY_KEY_HEADER, message: 'must be 1 to 200 printable ASCII characters', keyword: 'pattern' },
      ]);
    }
    return { organizationId, key, requestHash: requestHashOf(input) };
  }

  /** The passport an earlier request with this key registered; IDEMPOTENCY_KEY_REUSED if its input differed. */
  private async replay(claim: IdempotencyClaim): Promise<Passport | null> {
    const earlier = await this.passports.findIdempotencyKey(claim.organizationId, claim.key);
    if (!earlier) return null;
    if (earlier.requestHash !== claim.requestHash) {
      throw new RegistryError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        `The ${IDEMPOTENCY_KEY_HEADER} "${claim.key}" was used in the last 24 hours with another input: send a new key for a new request`,
        { header: IDEMPOTENCY_KEY_HEADER },
      );
    }
    return this.passports.findById(earlier.passportId);
  }

  /**
   * Checks a registration without writing it (registerPassport and imports alike): the passport to write, or every
   * violation (composition paths are JSON pointers into the document, others name the input field). A GTIN
   * belongs to the brand owner whose GS1 Company Prefix it carries: `gtinOutsidePrefixes` says when it does not.
   */
  prepareRegistration(input: RegisterPassport, gs1CompanyPrefixes: readonly string[]): PreparedRegistration {
    const violations: Violation[] = [];
    const productName = this.checkProductName(input.productName, violations);
    const gtin = normalizeGtin(input.gtin);
    if ('error' in gtin) violations.push({ path: 'gtin', message: gtin.error, keyword: 'gtin' });
    const gtinOutsidePrefixes = 'error' in gtin || prefixOf(gtin.gtin, gs1CompanyPrefixes) ? null : { gtin: gtin.gtin, prefixes: [...gs1CompanyPrefixes] };
    const serialNumber = input.serialNumber?.trim() || '';
    const batchNumber = input.batchNumber?.trim() || '';
    this.checkIdentity(input.granularity, serialNumber, batchNumber, violations);
    const flattened = this.checkComposition(input.composition, input.cluster, violations);
    if (violations.length > 0 || !flattened || 'error' in gtin) return { violations, gtinOutsidePrefixes, passport: null };
    const passport = {
      cluster: input.cluster,
      granularity: input.granularity,
      gtin: gtin.gtin,
      serialNumber,
      batchNumber,
      productName,
      status: input.publish ? ('PUBLISHED' as const) : ('DRAFT' as const),
      composition: input.composition,
      flattened,
      assessment: this.assessor.assess(input.composition as unknown as CompositionDocument, flattened, new Date()),
      unitCount: unitCountOf(input.granularity, input.composition),
    };
    return { violations, gtinOutsidePrefixes, passport };
  }

  /** CONFLICT for an identity that has a passport; its id goes to its owner only. */
  private async identityConflict(manufacturerId: string, identity: { gtin: string; serialNumber: string; batchNumber: string }): Promise<RegistryError> {
    const existing = await this.passports.findByIdentity(identity);
    const named = [
      `GTIN ${identity.gtin}`,
      identity.serialNumber && `serial ${identity.serialNumber}`,
      identity.batchNumber && `batch ${identity.batchNumber}`,
    ];
    const owned = existing?.manufacturerId === manufacturerId;
    return RegistryError.conflict(
      `${owned ? 'Your organization already has' : 'The registry already has'} a passport for ${named.filter(Boolean).join(', ')}`,
      {
        fields: ['gtin', 'serialNumber', 'batchNumber'],
        ...(owned ? { passportId: existing.id } : {}),
      },
    );
  }

  async revise(caller: Principal, input: RevisePassport): Promise<Passport> {
    const current = await this.getOwned(caller, input.passportId);
    if (current.status === 'ARCHIVED') throw RegistryError.conflict(`Passport ${current.id} is archived and cannot be revised`, { status: current.status });
    this.checkExpectedRevision(current, input.expectedRevision);

    const violations: Violation[] = [];
    const productName = input.productName == null ? current.productName : this.checkProductName(input.productName, violations);
    const composition = input.composition ?? (await this.currentDocument(current));
    const flattened = this.checkComposition(composition, current.cluster, violations);
    if (violations.length > 0 || !flattened) throw RegistryError.invalid('The passport was not revised: the input is invalid', violations);
    const componentLinks = await this.componentLinks(composition, flattened, current.id, 'revised');

    const revised = await this.passports.addRevision({
      passportId: current.id,
      expectedRevision: input.expectedRevision,
      productName,
      composition,
      flattened,
      assessment: this.assessor.assess(composition as unknown as CompositionDocument, flattened, new Date()),
      unitCount: unitCountOf(current.granularity, composition),
      createdByKeyId: caller.apiKeyId,
      actor: auditActorOf(caller),
      componentLinks,
    });
    if (revised) return revised;
    // Someone else revised or archived it between our read and our write.
    const latest = await this.passports.findById(current.id);
    if (latest?.status === 'ARCHIVED') throw RegistryError.conflict(`Passport ${current.id} is archived and cannot be revised`, { status: 'ARCHIVED' });
    throw this.staleRevision(current.id, input.expectedRevision, latest?.revision ?? current.revision);
  }

  async publish(caller: Principal, passportId: string): Promise<Passport> {
    const current = await this.getOwned(caller, passportId);
    if (current.status !== 'DRAFT') {
      throw RegistryError.conflict(`Passport ${passportId} is ${current.status}; only a DRAFT can be published`, { status: current.status });
    }
    return (await this.passports.changeStatus(passportId, ['DRAFT'], 'PUBLISHED', auditActorOf(caller))) ?? this.publish(caller, passportId);
  }

  async archive(caller: Principal, passportId: string): Promise<Passport> {
    const current = await this.getOwned(caller, passportId);
    if (current.status === 'ARCHIVED') throw RegistryError.conflict(`Passport ${passportId} is already archived`, { status: current.status });
    return (await this.passports.changeStatus(passportId, ['DRAFT', 'PUBLISHED'], 'ARCHIVED', auditActorOf(caller))) ?? this.archive(caller, passportId);
  }

  /** A passport the caller may see at all: drafts only to their owner; others are "not found" rather than leaked. */
  async get(caller: Principal | null, id: string): Promise<Passport> {
    const passport = isUuid(id) ? await this.passports.findById(id) : null;
    if (!passport || !this.isVisible(caller, passport)) throw RegistryError.notFound('Passport', id);
    return passport;
  }

  /**
   * `get` with what the selected fields need. The row, its manufacturer and its linked contributions (whose access
   * rules may change at any time) are one statement; what the current revision stores (figures, critical inputs) is
   * kept per passport version, read by a second statement only when that changed.
   */
  async read(caller: Principal | null, id: string, parts: PassportReadParts): Promise<PassportRead> {
    // Again only when a revision was written between the two statements.
    for (;;) {
      const row = isUuid(id) ? await this.passports.findRow(id, { manufacturer: parts.manufacturer, linkedContributions: parts.criticalMaterials }) : null;
      if (!row || !this.isVisible(caller, row)) throw RegistryError.notFound('Passport', id);
      if (!parts.figures && !parts.criticalMaterials) return row;
      const revision = await this.revisionPartsOf(row);
      if (revision) return Object.assign(row, revision);
    }
  }

  /** The figures and critical inputs of the passport's version; null when it moved on since `version` was read. */
  private async revisionPartsOf(version: Pick<Passport, 'id' | 'revision' | 'elementMethodVersion'>): Promise<RevisionParts | null> {
    const key = `${version.id} ${version.revision} ${version.elementMethodVersion}`;
    try {
      return await this.revisionParts.getOrCompute(key, async () => {
        const row = await this.passports.findRevisionParts(version);
        // Rejected, so that the cache forgets the key.
        if (!row) throw MOVED_ON;
        const inputs = PassportCriticalMaterials.inputsByPassport(row.criticalInputs.map((input) => ({ ...input, passportId: version.id })));
        return { storedFigures: row.storedFigures, criticalInputs: inputs.get(version.id) ?? { totals: [], forms: new Map() } };
      });
    } catch (error) {
      if (error === MOVED_ON) return null;
      throw error;
    }
  }

  async list(
    caller: Principal | null,
    args: { filter?: PassportListFilter | null; first?: number; after?: string | null },
  ): Promise<ConnectionShape<Passport>> {
    const { first, after } = readPage(args);
    const where = this.listWhere(caller, args.filter ?? {});
    const cursor = readTimeCursor(after);
    const [rows, total] = await Promise.all([this.passports.findPage(where, first, cursor), this.passports.count(where)]);
    return toConnection(
      rows,
      first,
      (p) => [p.createdAt.toISOString(), p.id],
      (p) => p,
      total,
    );
  }

  private listWhere(caller: Principal | null, filter: PassportListFilter): Prisma.PassportWhereInput {
    const conditions: Prisma.PassportWhereInput[] = [];
    if (filter.cluster) conditions.push({ cluster: filter.cluster });
    if (filter.status) conditions.push({ status: filter.status });
    if (filter.manufacturerId) {
      if (!isUuid(filter.manufacturerId)) throw RegistryError.invalidField('filter.manufacturerId', 'is not an organization id', 'uuid');
      conditions.push({ manufacturerId: filter.manufacturerId });
    }
    if (filter.gtin) {
      const gtin = normalizeGtin(filter.gtin);
      if ('error' in gtin) throw RegistryError.invalidField('filter.gtin', gtin.error, 'gtin');
      conditions.push({ gtin: gtin.gtin });
    }
    if (!caller?.platformAdmin) {
      const visible: Prisma.PassportWhereInput[] = [{ status: { not: 'DRAFT' } }];
      if (caller?.organizationId) visible.push({ manufacturerId: caller.organizationId });
      conditions.push({ OR: visible });
    }
    return { AND: conditions };
  }

  private isVisible(caller: Principal | null, passport: Pick<Passport, 'status' | 'manufacturerId'>): boolean {
    return passport.status !== 'DRAFT' || !!caller?.platformAdmin || caller?.organizationId === passport.manufacturerId;
  }

  /** The passport, if the caller is its manufacturer (or the platform administrator). */
  private async getOwned(caller: Principal, passportId: string): Promise<Passport> {
    const passport = await this.get(caller, passportId);
    if (!caller.platformAdmin && caller.organizationId !== passport.manufacturerId) {
      throw RegistryError.forbidden(`Passport ${passportId} belongs to another manufacturer; only its owner can change it`, {
        requiredTier: 'OWNER',
      });
    }
    return passport;
  }

  private requireManufacturer(caller: Principal): string {
    if (caller.organizationKind !== 'MANUFACTURER' || !caller.organizationId) {
      throw RegistryError.forbidden('Only keys of a MANUFACTURER organization can register passports', { requiredRole: 'MANUFACTURER' });
    }
    return caller.organizationId;
  }

  private checkExpectedRevision(passport: Passport, expected: number): void {
    if (expected !== passport.revision) throw this.staleRevision(passport.id, expected, passport.revision);
  }

  private staleRevision(id: string, expected: number, actual: number): RegistryError {
    return RegistryError.conflict(`Passport ${id} is at revision ${actual}, not ${expected}: read it again and reapply the change`, {
      expectedRevision: expected,
      currentRevision: actual,
    });
  }

  private checkProductName(name: string, violations: Violation[]): string {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 200) violations.push({ path: 'productName', message: 'must be 1 to 200 characters', keyword: 'length' });
    return trimmed;
  }

  private checkIdentity(granularity: Granularity, serialNumber: string, batchNumber: string, violations: Violation[]): void {
    if (serialNumber && !GS1_ATTRIBUTE.test(serialNumber)) {
      violations.push({ path: 'serialNumber', message: 'must be 1 to 20 characters of the GS1 character set', keyword: 'pattern' });
    }
    if (batchNumber && !GS1_ATTRIBUTE.test(batchNumber)) {
      violations.push({ path: 'batchNumber', message: 'must be 1 to 20 characters of the GS1 character set', keyword: 'pattern' });
    }
    if (granularity === 'ITEM' && !serialNumber) violations.push({ path: 'serialNumber', message: 'is required for an ITEM passport', keyword: 'required' });
    if (granularity === 'BATCH' && !batchNumber) violations.push({ path: 'batchNumber', message: 'is required for a BATCH passport', keyword: 'required' });
    if (granularity === 'BATCH' && serialNumber)
      violations.push({ path: 'serialNumber', message: 'must be absent on a BATCH passport', keyword: 'granularity' });
    if (granularity === 'MODEL' && (serialNumber || batchNumber)) {
      violations.push({ path: serialNumber ? 'serialNumber' : 'batchNumber', message: 'must be absent on a MODEL passport', keyword: 'granularity' });
    }
  }

  private checkComposition(document: unknown, cluster: ClusterCode, violations: Violation[]): FlattenedComposition | null {
    const problems = this.validator.validate(document, cluster);
    if (problems.length > 0) {
      violations.push(...problems);
      return null;
    }
    // Inputs of the value figures that the schema cannot check alone (e.g. shares adding up to over 100 %).
    violations.push(...this.assessor.violations(document as CompositionDocument));
    // The size limits (components, materials, depth) were checked by the validator, before the schema.
    return violations.length > 0 ? null : flattenComposition(document as CompositionDocument);
  }

  /** The checked links of the document's components to their own passports (see resolveComponentLinks). */
  private async componentLinks(
    composition: Record<string, unknown>,
    flattened: FlattenedComposition,
    selfId: string | null,
    verb: 'registered' | 'revised',
  ): Promise<ComponentLink[]> {
    const lookup: LinkedPassportLookup = {
      byIds: (ids) => this.passports.findByIds(ids),
      byIdentities: (identities) => this.passports.findByIdentities(identities),
      elementTotals: (ids) => this.passports.findElementTotals(ids),
    };
    const { links, violations } = await resolveComponentLinks(composition as unknown as CompositionDocument, flattened, lookup, selfId);
    if (violations.length > 0) throw RegistryError.invalid(`The passport was not ${verb}: the input is invalid`, violations);
    return links;
  }

  private async currentDocument(passport: Passport): Promise<Record<string, unknown>> {
    const [document] = await this.passports.findDocuments([{ passportId: passport.id, revision: passport.revision }]);
    return document.composition as Record<string, unknown>;
  }

  /**
   * The public passport a GS1 Digital Link names: by GTIN (any of its 8/12/13/14-digit forms) and serial number
   * (an ITEM), batch number (a BATCH), both (an ITEM of a batch) or neither (the MODEL). Only PUBLISHED and ARCHIVED
   * passports resolve; BAD_USER_INPUT names a malformed attribute, NOT_FOUND says what was looked for. Answers what
   * tells the passport's versions apart; `get` reads the whole row.
   */
  async findByDigitalLink(link: { gtin: string; serialNumber?: string | null; batchNumber?: string | null }): Promise<PassportVersion> {
    const violations: Violation[] = [];
    const gtin = normalizeGtin(link.gtin);
    if ('error' in gtin) violations.push({ path: 'gtin', message: gtin.error, keyword: 'gtin' });
    for (const [path, value] of [
      ['serialNumber', link.serialNumber],
      ['batchNumber', link.batchNumber],
    ] as const) {
      if (value != null && !GS1_ATTRIBUTE.test(value))
        violations.push({ path, message: 'must be 1 to 20 characters of the GS1 character set', keyword: 'pattern' });
    }
    if (violations.length > 0 || 'error' in gtin) throw RegistryError.invalid('The Digital Link does not name a product', violations);
    const serialNumber = link.serialNumber ?? undefined;
    // Without a serial number the link names a BATCH or the MODEL, never an ITEM (items always have one).
    const identity = serialNumber
      ? { gtin: gtin.gtin, serialNumber, batchNumber: link.batchNumber ?? undefined }
      : { gtin: gtin.gtin, serialNumber: '', batchNumber: link.batchNumber ?? '' };
    // Identities are unique, so this is one passport unless an item is named without its batch and has several.
    const [passport, ...others] = await this.passports.findPublicByIdentity(identity, 10);
    if (passport && others.length > 0) {
      const batches = [passport, ...others].map((p) => p.batchNumber);
      throw RegistryError.conflict(
        `Several published passports have GTIN ${gtin.gtin}, serial ${serialNumber} (batches ${batches.join(', ')}): name the batch, /01/{gtin}/10/{batch}/21/{serial}`,
        { gtin: gtin.gtin, serialNumber, batchNumbers: batches },
      );
    }
    if (!passport) {
      const named = [`GTIN ${gtin.gtin}`, link.batchNumber && `batch ${link.batchNumber}`, serialNumber && `serial ${serialNumber}`].filter(Boolean);
      throw new RegistryError(ErrorCode.NOT_FOUND, `No published passport has ${named.join(', ')}`, {
        entity: 'Passport',
        gtin: gtin.gtin,
        serialNumber: serialNumber ?? null,
        batchNumber: link.batchNumber ?? null,
      });
    }
    return passport;
  }

  /** The recycled-content summary of a passport (no masses) at the precision of public views. */
  async publicRecycledContentOf(passportId: string): Promise<RecycledContentSummary> {
    return publicRecycledContent(summarizeRecycledContent(await this.passports.findMaterialRecycledContent(passportId)));
  }
}

/** FORBIDDEN for a GTIN outside the caller's GS1 Company Prefixes. */
function gtinOwnerError({ gtin, prefixes }: { gtin: string; prefixes: string[] }): RegistryError {
  const held = prefixes.length > 0 ? `its GS1 Company Prefixes are ${prefixes.join(', ')}` : 'it has no GS1 Company Prefix';
  return RegistryError.forbidden(`GTIN ${gtin} is not under a GS1 Company Prefix of the caller's organization: ${held}`, {
    field: 'gtin',
    gtin,
    gs1CompanyPrefixes: prefixes,
  });
}

/**
 * Products a passport stands for in inventories: an ITEM is one product; a BATCH or MODEL passport counts the
 * document's `unitCount` (units in the batch, or units placed on the market), one when it is not given.
 */
function unitCountOf(granularity: Granularity, composition: Record<string, unknown>): number {
  if (granularity === 'ITEM') return 1;
  return typeof composition.unitCount === 'number' ? composition.unitCount : 1;
}
