import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/auth';
import { type ConnectionShape, cursorText, RegistryError, type Violation, readPage, toConnection } from '@registry/core';
import type { Organization, OrganizationKind } from '@registry/prisma-client';
import { OrganizationRepository } from './organization.repository';

const COROP = /^CR(0[1-9]|[1-3][0-9]|40)$/;
const SBI = /^\d{2}(\.?\d{1,3})?$/;

@Injectable()
export class OrganizationService {
  constructor(private readonly organizations: OrganizationRepository) {}

  async create(
    caller: Principal,
    input: { name: string; kind: OrganizationKind; corop?: string | null; sbiCode?: string | null },
  ): Promise<Organization> {
    if (!caller.platformAdmin) throw RegistryError.forbidden('Only the platform administrator can create organizations');
    const name = input.name.trim();
    const corop = input.corop?.trim().toUpperCase() || null;
    const sbiCode = input.sbiCode?.trim() || null;
    const violations: Violation[] = [];
    if (name.length < 1 || name.length > 200) violations.push({ path: 'name', message: 'must be 1 to 200 characters', keyword: 'length' });
    if (corop && !COROP.test(corop)) violations.push({ path: 'corop', message: `"${corop}" is not a COROP code (CR01 to CR40)`, keyword: 'pattern' });
    if (sbiCode && !SBI.test(sbiCode)) violations.push({ path: 'sbiCode', message: `"${sbiCode}" is not an SBI code`, keyword: 'pattern' });
    if (violations.length > 0) throw RegistryError.invalid('The organization input is invalid', violations);
    try {
      return await this.organizations.create({ name, kind: input.kind, corop, sbiCode }, caller);
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') throw RegistryError.conflict(`An organization named "${name}" already exists`, { fields: ['name'] });
      throw error;
    }
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
    const [rows, total] = await Promise.all([
      this.organizations.list(kind, first, after ? cursorText(after[0]) : null),
      this.organizations.count(kind),
    ]);
    return toConnection(rows, first, (o) => [o.name], (o) => o, total);
  }
}
