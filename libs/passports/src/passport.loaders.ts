import { Injectable } from '@nestjs/common';
import { CriticalMaterialsService } from '@registry/materials';
import { OrganizationService } from '@registry/organizations';
import type { Organization } from '@registry/prisma-client';
import DataLoader from 'dataloader';
import type { ComponentModel, CriticalMaterialModel } from './models/passport.model';
import { bySymbol } from './element-order';
import { toComponentModel } from './passport.mapper';
import { PassportRepository } from './passport.repository';

/** The batched reads behind Passport's fields: one query per field per request, however many passports. */
export interface PassportLoaders {
  manufacturer: DataLoader<string, Organization | null>;
  components: DataLoader<string, ComponentModel[]>;
  elementTotals: DataLoader<string, { elementSymbol: string; massKg: number }[]>;
  document: DataLoader<{ passportId: string; revision: number }, Record<string, unknown> | null, string>;
}

/** Creates the loaders of one request (DataLoader caches must not outlive a request). */
@Injectable()
export class PassportLoaderFactory {
  constructor(
    private readonly passports: PassportRepository,
    private readonly organizations: OrganizationService,
    private readonly criticalMaterials: CriticalMaterialsService,
  ) {}

  /** The loaders stored on the GraphQL context, created on first use. */
  forContext(context: { passportLoaders?: PassportLoaders }): PassportLoaders {
    context.passportLoaders ??= this.create();
    return context.passportLoaders;
  }

  private create(): PassportLoaders {
    return {
      manufacturer: new DataLoader((ids) => this.organizations.getMany(ids)),
      components: new DataLoader(async (passportIds) => {
        const rows = await this.passports.findComponents(passportIds);
        const byPassport = new Map<string, ComponentModel[]>(passportIds.map((id) => [id, []]));
        for (const row of rows) byPassport.get(row.passportId)?.push(toComponentModel(row, (symbol) => this.criticalMaterials.flagsFor(symbol)));
        return passportIds.map((id) => byPassport.get(id) ?? []);
      }),
      elementTotals: new DataLoader(async (passportIds) => {
        const byPassport = new Map<string, { elementSymbol: string; massKg: number }[]>(passportIds.map((id) => [id, []]));
        for (const row of await this.passports.findElementTotals(passportIds)) byPassport.get(row.passportId)?.push(row);
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

  /**
   * The critical elements of a product with the lists that flag them, by element symbol: the list is PUBLIC, so its
   * order must not tell which element is heaviest (the masses are LEGITIMATE_INTEREST).
   */
  criticalMaterialsOf(
    passport: { manufacturerId: string; totalMassKg: number },
    totals: { elementSymbol: string; massKg: number }[],
  ): CriticalMaterialModel[] {
    return totals
      .filter((total) => this.criticalMaterials.flagsFor(total.elementSymbol).length > 0)
      .map((total) => {
        const share = passport.totalMassKg > 0 ? total.massKg / passport.totalMassKg : 0;
        return {
          element: total.elementSymbol,
          elementName: this.criticalMaterials.element(total.elementSymbol)?.name ?? total.elementSymbol,
          massKg: total.massKg,
          shareOfProductMass: share,
          // The 0.1 % by weight reporting threshold of the Battery Pass data model.
          aboveReportingThreshold: share > 0.001,
          lists: this.criticalMaterials.flagsFor(total.elementSymbol),
          manufacturerId: passport.manufacturerId,
        };
      })
      .sort((a, b) => bySymbol(a.element, b.element));
  }
}
