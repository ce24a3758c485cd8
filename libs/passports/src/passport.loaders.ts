import { Injectable } from '@nestjs/common';
import { OrganizationService } from '@registry/organizations';
import type { Organization } from '@registry/prisma-client';
import DataLoader from 'dataloader';
import type { ComponentModel, ElementShareModel } from './models/passport.model';
import { type CriticalInputs, PassportCriticalMaterials } from './passport-critical-materials';
import { compositionGranteesOf, toComponentModel } from './passport.mapper';
import type { PassportAccessRule } from '@registry/auth';
import type { PassportRead } from './passport-read-parts';
import type { LinkedContributionRow } from './passport-read.sql';
import { PassportRepository } from './passport.repository';
import { type GraphQLContext, requestScoped } from '@registry/core';

/** The batched reads behind Passport's fields: one query per field per request, however many passports. */
export interface PassportLoaders {
  manufacturer: DataLoader<string, Organization | null>;
  components: DataLoader<string, ComponentModel[]>;
  /** Per passport: its element totals and, per element, the forms of each material holding it. */
  criticalInputs: DataLoader<string, CriticalInputs>;
  document: DataLoader<{ passportId: string; revision: number }, Record<string, unknown> | null, string>;
  /** Per material id: its element shares. */
  elementShares: DataLoader<string, ElementShareModel[]>;
  /** Per passport: the element masses its linked component passports contributed to its totals, with their owners. */
  linkedContributions: DataLoader<string, LinkedContribution[]>;
}

/** A linked component passport's contribution, with the access rule of that passport. */
export interface LinkedContribution {
  linked: PassportAccessRule;
  elementMassKg: Record<string, number>;
}

const NO_CRITICAL_INPUTS: CriticalInputs = { totals: [], forms: new Map() };

function linkedContributionOf(row: LinkedContributionRow): LinkedContribution {
  return {
    linked: { manufacturerId: row.manufacturerId, compositionGrantees: compositionGranteesOf(row) },
    elementMassKg: row.elementMassKg as Record<string, number>,
  };
}

/** Creates the loaders of one request (DataLoader caches must not outlive a request). */
@Injectable()
export class PassportLoaderFactory {
  constructor(
    private readonly passports: PassportRepository,
    private readonly organizations: OrganizationService,
  ) {}

  /** The loaders stored on the GraphQL context, created on first use. */
  forContext(context: GraphQLContext): PassportLoaders {
    return requestScoped(context, 'passportLoaders', () => this.create());
  }

  /** Hands the parts read with a passport (PassportService.read) to the loaders of its fields, which then read nothing. */
  prime(context: GraphQLContext, read: PassportRead): void {
    const loaders = this.forContext(context);
    if (read.manufacturerRow) loaders.manufacturer.prime(read.manufacturerId, { ...read.manufacturerRow, createdAt: new Date(read.manufacturerRow.createdAt) });
    if (read.criticalInputs) loaders.criticalInputs.prime(read.id, read.criticalInputs);
    if (read.linkedContributions) loaders.linkedContributions.prime(read.id, read.linkedContributions.map(linkedContributionOf));
  }

  private create(): PassportLoaders {
    return {
      manufacturer: new DataLoader((ids) => this.organizations.getMany(ids)),
      components: new DataLoader(async (passportIds) => {
        const rows = await this.passports.findComponents(passportIds);
        const byPassport = new Map<string, ComponentModel[]>(passportIds.map((id) => [id, []]));
        for (const row of rows) byPassport.get(row.passportId)?.push(toComponentModel(row));
        return passportIds.map((id) => byPassport.get(id) ?? []);
      }),
      criticalInputs: new DataLoader(async (passportIds) => {
        const byPassport = PassportCriticalMaterials.inputsByPassport(await this.passports.findCriticalInputs(passportIds));
        return passportIds.map((id) => byPassport.get(id) ?? NO_CRITICAL_INPUTS);
      }),
      elementShares: new DataLoader(async (materialIds) => {
        const byMaterial = new Map<string, ElementShareModel[]>(materialIds.map((id) => [id, []]));
        for (const row of await this.passports.findElementShares(materialIds)) {
          byMaterial.get(row.materialId)?.push({
            element: row.elementSymbol,
            massFraction: row.massFraction,
            massKg: row.massKg,
            massKgPerProduct: row.massKgPerProduct,
            source: row.source,
          });
        }
        return materialIds.map((id) => byMaterial.get(id) ?? []);
      }),
      linkedContributions: new DataLoader(async (passportIds) => {
        const byPassport = new Map<string, LinkedContribution[]>(passportIds.map((id) => [id, []]));
        for (const row of await this.passports.findLinkedContributions(passportIds)) {
          byPassport.get(row.fromPassportId)?.push(linkedContributionOf({ ...row.to, elementMassKg: row.elementMassKg }));
        }
        return passportIds.map((id) => byPassport.get(id) ?? []);
      }),
      document: new DataLoader(
        async (keys) => {
          const rows = await this.passports.findDocuments(keys);
          const byKey = new Map(rows.map((row) => [`${row.passportId}@${row.revision}`, row.composition as Record<string, unknown>]));
          return keys.map((key) => byKey.get(`${key.passportId}@${key.revision}`) ?? null);
        },
        { cacheKeyFn: (key) => `${key.passportId}@${key.revision}` },
      ),
    };
  }
}
