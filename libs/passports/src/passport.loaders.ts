import { Injectable } from '@nestjs/common';
import { CriticalMaterialsService } from '@registry/materials';
import { OrganizationService } from '@registry/organizations';
import type { Organization } from '@registry/prisma-client';
import DataLoader from 'dataloader';
import type { ComponentModel, CriticalMaterialModel, MaterialModel } from './models/passport.model';
import { type ComponentWithMaterials, PassportRepository } from './passport.repository';

/** The batched reads behind Passport's fields: one query per field per request, however many passports. */
export interface PassportLoaders {
  manufacturer: DataLoader<string, Organization | null>;
  components: DataLoader<string, ComponentModel[]>;
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
        for (const row of rows) byPassport.get(row.passportId)?.push(this.toComponent(row));
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

  /** Per element, the mass in the whole product and the lists that flag it; only flagged elements, heaviest first. */
  criticalMaterialsOf(passport: { manufacturerId: string; totalMassKg: number }, components: ComponentModel[]): CriticalMaterialModel[] {
    const massByElement = new Map<string, number>();
    for (const component of components) {
      for (const material of component.materials) {
        if (material.element && material.criticalLists.length > 0) {
          massByElement.set(material.element, (massByElement.get(material.element) ?? 0) + material.massKgPerProduct);
        }
      }
    }
    return [...massByElement.entries()]
      .map(([element, massKg]) => {
        const share = passport.totalMassKg > 0 ? massKg / passport.totalMassKg : 0;
        return {
          element,
          elementName: this.criticalMaterials.element(element)?.name ?? element,
          massKg,
          shareOfProductMass: share,
          aboveReportingThreshold: share > 0.001,
          lists: this.criticalMaterials.flagsFor(element),
          manufacturerId: passport.manufacturerId,
        };
      })
      .sort((a, b) => b.massKg - a.massKg || a.element.localeCompare(b.element));
  }

  private toComponent(row: ComponentWithMaterials): ComponentModel {
    const details = (row.details ?? null) as Record<string, unknown> | null;
    return {
      key: row.key,
      name: row.name,
      path: row.path,
      depth: row.depth,
      parentKey: row.parentKey,
      quantity: row.quantity,
      massKg: row.massKg,
      unitsPerProduct: row.unitsPerProduct,
      location: typeof details?.location === 'string' ? details.location : null,
      dismantling: (details?.dismantling as Record<string, unknown> | undefined) ?? null,
      materials: row.materials.map(
        (material): MaterialModel => ({
          name: material.name,
          element: material.elementSymbol,
          casNumber: material.casNumber,
          massKg: material.massKg,
          massKgPerProduct: material.massKgPerProduct,
          recycledContentPct: material.recycledContentPct,
          criticalLists: material.elementSymbol ? this.criticalMaterials.flagsFor(material.elementSymbol) : [],
          details: (material.details ?? null) as Record<string, unknown> | null,
        }),
      ),
    };
  }
}
