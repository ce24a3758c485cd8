import { Injectable } from '@nestjs/common';
import { CriticalMaterialsService } from '@registry/materials';
import { OrganizationService } from '@registry/organizations';
import type { Organization } from '@registry/prisma-client';
import DataLoader from 'dataloader';
import { ELEMENT_MASS_METHOD, type MaterialForm } from '@registry/chemistry';
import type { ComponentModel, CriticalListFlagModel, CriticalMaterialModel, ElementShareModel } from './models/passport.model';
import { bySymbol } from './element-order';
import { formsOfRow, toComponentModel } from './passport.mapper';
import { PassportRepository } from './passport.repository';

/** The batched reads behind Passport's fields: one query per field per request, however many passports. */
export interface PassportLoaders {
  manufacturer: DataLoader<string, Organization | null>;
  components: DataLoader<string, ComponentModel[]>;
  elementTotals: DataLoader<string, { elementSymbol: string; massKg: number }[]>;
  document: DataLoader<{ passportId: string; revision: number }, Record<string, unknown> | null, string>;
  /** Per passport: for each element, the forms of each material holding it. */
  elementForms: DataLoader<string, Map<string, MaterialForm[][]>>;
  /** Per material id: its element shares. */
  elementShares: DataLoader<string, ElementShareModel[]>;
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
        for (const row of rows) byPassport.get(row.passportId)?.push(toComponentModel(row, (symbol, forms) => this.criticalMaterials.matchesFor(symbol, forms)));
        return passportIds.map((id) => byPassport.get(id) ?? []);
      }),
      elementTotals: new DataLoader(async (passportIds) => {
        const byPassport = new Map<string, { elementSymbol: string; massKg: number }[]>(passportIds.map((id) => [id, []]));
        for (const row of await this.passports.findElementTotals(passportIds)) byPassport.get(row.passportId)?.push(row);
        return passportIds.map((id) => byPassport.get(id) ?? []);
      }),
      elementForms: new DataLoader(async (passportIds) => {
        const byPassport = new Map<string, Map<string, MaterialForm[][]>>(passportIds.map((id) => [id, new Map()]));
        for (const row of await this.passports.findElementMaterials(passportIds)) {
          const byElement = byPassport.get(row.passportId)!;
          byElement.set(row.elementSymbol, [...(byElement.get(row.elementSymbol) ?? []), formsOfRow(row.material)]);
        }
        return passportIds.map((id) => byPassport.get(id)!);
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
   * order must not tell which element is heaviest (the masses are LEGITIMATE_INTEREST). Masses are the element totals
   * (element shares summed); a list entry naming a form flags FORM when a material holding the element meets it.
   */
  criticalMaterialsOf(
    passport: { manufacturerId: string; totalMassKg: number },
    totals: { elementSymbol: string; massKg: number }[],
    formsByElement: Map<string, MaterialForm[][]>,
  ): CriticalMaterialModel[] {
    return totals
      .map((total) => ({ total, lists: this.listsOf(total.elementSymbol, formsByElement.get(total.elementSymbol) ?? [[]]) }))
      .filter(({ lists }) => lists.length > 0)
      .map(({ total, lists }) => {
        const share = passport.totalMassKg > 0 ? total.massKg / passport.totalMassKg : 0;
        return {
          element: total.elementSymbol,
          elementName: this.criticalMaterials.element(total.elementSymbol)?.name ?? total.elementSymbol,
          massKg: total.massKg,
          shareOfProductMass: share,
          // The 0.1 % by weight reporting threshold of the Battery Pass data model.
          aboveReportingThreshold: share > 0.001,
          lists,
          methodVersion: ELEMENT_MASS_METHOD,
          manufacturerId: passport.manufacturerId,
        };
      })
      .sort((a, b) => bySymbol(a.element, b.element));
  }

  /** The list flags of an element over the materials holding it: per list material, FORM if any material meets the form. */
  private listsOf(symbol: string, formsOfMaterials: MaterialForm[][]): CriticalListFlagModel[] {
    const flags = new Map<string, CriticalListFlagModel>();
    for (const forms of formsOfMaterials) {
      for (const flag of this.criticalMaterials.matchesFor(symbol, forms)) {
        const key = `${flag.listId}\u0000${flag.materialName}`;
        if (flags.get(key)?.match !== 'FORM') flags.set(key, flag);
      }
    }
    return [...flags.values()];
  }
}
