import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/auth';
import { type ConnectionShape, cursorText, RegistryError, type Violation, readPage, toConnection, isUuid } from '@registry/core';
import type { Organization, OrganizationKind } from '@registry/prisma-client';
import { checkGs1CompanyPrefixes } from './gs1-company-prefix';
import { OrganizationRepository, type PrefixConflict } from './organization.repository';

const COROP = /^CR(0[1-9]|[1-3][0-9]|40)$/;
const SBI = /^\d{2}(\.?\d{1,3})?$/;

@Injectable()
export class OrganizationService {
  constructor(private readonly organizations: OrganizationRepository) {}

  async create(
    caller: Principal,
    input: { name: string; kind: OrganizationKind; corop?: string | null; sbiCode?: string | null; gs1CompanyPrefixes?: string[] | null },
  ): Promise<Organization> {
    if (!caller.platformAdmin) throw RegistryError.forbidden('Only the platform administrator can create organizations');
    const name = input.name.trim();
    const corop = input.corop?.trim().toUpperCase() || null;
    const sbiCode = input.sbiCode?.trim() || null;
    const violations: Violation[] = [];
    if (name.length < 1 || name.length > 200) violations.push({ path: 'name', message: 'must be 1 to 200 characters', keyword: 'length' });
    if (corop && !COROP.test(corop)) violations.push({ path: 'corop', message: `"${corop}" is not a COROP code (CR01 to CR40)`, keyword: 'pattern' });
    if (sbiCode && !SBI.test(sbiCode)) violations.push({ path: 'sbiCode', message: `"${sbiCode}" is not an SBI code`, keyword: 'pattern' });
    const prefixes = checkGs1CompanyPrefixes(input.gs1CompanyPrefixes ?? [], 'gs1CompanyPrefixes', violations);
    if (violations.length > 0) throw RegistryError.invalid('The organization input is invalid', violations);
    try {
      const created = await this.organizations.create({ name, kind: input.kind, corop, sbiCode }, prefixes, caller);
      if (created.conflict) throw prefixConflict(created.conflict, 'gs1CompanyPrefixes');
      return created.organization;
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') throw RegistryError.conflict(`An organization named "${name}" already exists`, { fields: ['name'] });
      throw error;
    }
  }

  /**
   * Replaces the verified GS1 Company Prefixes of an organization (platform administrator only). Passports already
   * registered keep their GTINs; new registrations need a GTIN under one of the prefixes.
   */
  async setGs1CompanyPrefixes(caller: Principal, organizationId: string, input: string[]): Promise<Organization> {
    if (!caller.platformAdmin) throw RegistryError.forbidden('Only the platform administrator can set GS1 Company Prefixes');
    const violations: Violation[] = [];
    if (!isUuid(organizationId)) violations.push({ path: 'organizationId', message: 'is not an organization id', keyword: 'uuid' });
    const prefixes = checkGs1CompanyPrefixes(input, 'prefixes', violations);
    if (violations.length > 0) throw RegistryError.invalid('The GS1 Company Prefixes were not set: the input is invalid', violations);
    const result = await this.organizations.setPrefixes(organizationId, prefixes, caller);
    if (!result) throw RegistryError.notFound('Organization', organizationId);
    if (result.conflict) throw prefixConflict(result.conflict, 'prefixes');
    return result.organization;
  }

  /** The verified GS1 Company Prefixes of an organization, sorted. */
  async gs1CompanyPrefixesOf(organizationId: string): Promise<string[]> {
    return (await this.organizations.prefixesOf([organizationId])).get(organizationId) ?? [];
  }

  /** The prefixes of several organizations in the order asked for; used by DataLoaders. */
  async gs1CompanyPrefixesOfMany(organizationIds: readonly string[]): Promise<string[][]> {
    const byOrganization = await this.organizations.prefixesOf(organizationIds);
    return organizationIds.map((id) => byOrganization.get(id) ?? []);
  }

  async get(id: string): Promise<Organization> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw RegistryError.notFound('Organization', id);
    return organization;
  }

  /** Organizations by id in the order asked for (null where unknown); used by DataLoaders. */
  async getMany(ids: readonly string[]): Promise<(Organization | null)[]> {
    const found = new Map((await this.organizations.findByIds(ids)).map((o) => [o.id, o]));
    return ids.map((id) => found.get(id) ?? null);
  }

  async list(args: { kind?: OrganizationKind | null; first?: number; after?: string | null }): Promise<ConnectionShape<Organization>> {
    const { first, after } = readPage(args);
    const kind = args.kind ?? null;
    const [rows, total] = await Promise.all([this.organizations.list(kind, first, after ? cursorText(after[0]) : null), this.organizations.count(kind)]);
    return toConnection(
      rows,
      first,
      (o) => [o.name],
      (o) => o,
      total,
    );
  }
}

/** A prefix belongs to one organization: CONFLICT names the prefix asked for and the one it overlaps. */
function prefixConflict(conflict: PrefixConflict, field: string): RegistryError {
  const overlap = conflict.prefix === conflict.heldPrefix ? 'is held by' : `overlaps "${conflict.heldPrefix}" (one is a leading part of the other), held by`;
  return RegistryError.conflict(`GS1 Company Prefix "${conflict.prefix}" ${overlap} organization "${conflict.organizationName}"`, {
    fields: [field],
    prefix: conflict.prefix,
    heldPrefix: conflict.heldPrefix,
    organizationId: conflict.organizationId,
  });
}
