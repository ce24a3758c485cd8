import { Injectable } from '@nestjs/common';
import { OrganizationService } from '@registry/organizations';
import type { Organization } from '@registry/prisma-client';
import DataLoader from 'dataloader';
import type { ComponentModel, ElementShareModel } from './models/passport.model';
import { type CriticalInputs, PassportCriticalMaterials } from './passport-critical-materials';
import { compositionGranteesOf, toComponentModel } from './passport.mapper';
import type { PassportAccessRule } from '@registry/auth';
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
  linkedContributions: DataLoader<string, { linked: PassportAccessRule; elementMassKg: Record<string, number> }[]>;
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
        return passportIds.map((id) => byPassport.get(id) ?? { totals: [], forms: new Map() });
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
        const byPassport = new Map<string, { linked: PassportAccessRule; elementMassKg: Record<string, number> }[]>(passportIds.map((id) => [id, []]));
        for (const row of await this.passports.findLinkedContributions(passportIds)) {
          const linked = { manufacturerId: row.to.manufacturerId, compositionGrantees: compositionGranteesOf(row.to) };
          byPassport.get(row.fromPassportId)?.push({ linked, elementMassKg: row.elementMassKg as Record<string, number> });
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
