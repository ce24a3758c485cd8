import { Injectable } from '@nestjs/common';
import { auditActorOf } from '@registry/core';
import type { Principal } from '@registry/auth';
import { OrganizationService } from '@registry/organizations';
import type { SqlExecutor } from '@registry/core';
import type { Passport } from '@registry/prisma-client';
import { PassportBulkRepository, type WrittenPassport } from './passport-bulk.repository';
import { PassportService, type PreparedRegistration, type RegisterPassport } from './passport.service';

export type PreparedPassport = NonNullable<PreparedRegistration['passport']>;

/** A passport's identity: GTIN-14, serial and batch number ('' when absent). */
export interface PassportIdentity {
  gtin: string;
  serialNumber: string;
  batchNumber: string;
}

/** A passport with its current composition document. */
export type CurrentPassport = Passport & { composition: Record<string, unknown> };

export const identityKey = (identity: PassportIdentity): string => JSON.stringify([identity.gtin, identity.serialNumber, identity.batchNumber]);

/**
 * Registration and revision of many passports at once (imports), through the same checks, rows, hashes,
 * signatures and audit events as registerPassport and revisePassport.
 */
@Injectable()
export class PassportBatchService {
  constructor(
    private readonly passports: PassportService,
    private readonly repository: PassportBulkRepository,
    private readonly organizations: OrganizationService,
  ) {}

  gs1CompanyPrefixesOf(manufacturerId: string): Promise<string[]> {
    return this.organizations.gs1CompanyPrefixesOf(manufacturerId);
  }

  /**
   * See PassportService.prepareRegistration. Linked component passports (`passportRef`) are resolved by
   * registerPassport and revisePassport only: an imported row naming one is refused, naming the component.
   */
  prepare(input: RegisterPassport, gs1CompanyPrefixes: readonly string[]): PreparedRegistration {
    const prepared = this.passports.prepareRegistration(input, gs1CompanyPrefixes);
    const linked = passportRefPointers(input.composition);
    if (linked.length === 0) return prepared;
    const violations = linked.map((pointer) => ({
      path: `${pointer}/passportRef`,
      message: 'links a component passport, which imports do not resolve: register or revise this passport through the API',
      keyword: 'passportRef',
    }));
    return { ...prepared, violations: [...prepared.violations, ...violations], passport: null };
  }

  /** The passports that have these identities, by identityKey, with their current documents (one query). */
  async currentByIdentity(identities: readonly PassportIdentity[]): Promise<Map<string, CurrentPassport>> {
    const found = await this.repository.findByIdentities(identities);
    return new Map(found.map((passport) => [identityKey(passport), { ...passport, composition: passport.composition ?? {} }]));
  }

  /**
   * Writes registrations and revisions in one transaction on the driver, with `alsoInTransaction` last in it
   * (given the passports written, in the order of the batch). Throws StaleRevisionError (nothing written) when a
   * passport to revise moved on, and the database's unique violation (SQLSTATE 23505) when an identity was taken
   * meanwhile.
   */
  write(
    caller: Principal,
    batch: { created: PreparedPassport[]; revised: { passportId: string; expectedRevision: number; passport: PreparedPassport }[] },
    alsoInTransaction?: (sql: SqlExecutor, written: { created: WrittenPassport[]; revised: WrittenPassport[] }) => Promise<void>,
  ): Promise<{ created: WrittenPassport[]; revised: WrittenPassport[] }> {
    const manufacturerId = caller.organizationId!;
    const who = { createdByKeyId: caller.apiKeyId, actor: auditActorOf(caller) };
    return this.repository.write(
      {
        created: batch.created.map((passport) => ({ ...passport, manufacturerId, ...who })),
        revised: batch.revised.map(({ passportId, expectedRevision, passport }) => ({
          passportId,
          expectedRevision,
          productName: passport.productName,
          composition: passport.composition,
          flattened: passport.flattened,
          assessment: passport.assessment,
          unitCount: passport.unitCount,
          ...who,
        })),
      },
      alsoInTransaction,
    );
  }
}

/** JSON pointers of the components of a document that name a passport (passportRef). */
function passportRefPointers(document: Record<string, unknown>): string[] {
  const walk = (components: unknown, pointer: string): string[] =>
    Array.isArray(components)
      ? components.flatMap((component: Record<string, unknown> | null, index) => [
          ...(component && typeof component === 'object' && 'passportRef' in component ? [`${pointer}/${index}`] : []),
          ...(component && typeof component === 'object' ? walk(component.components, `${pointer}/${index}/components`) : []),
        ])
      : [];
  return walk(document?.components, '/components');
}
