import { Injectable } from '@nestjs/common';
import { ELEMENT_MASS_METHOD, formsOfRow, type MaterialForm } from '@registry/chemistry';
import { CriticalMaterialsService } from '@registry/materials';
import { bySymbol } from './element-order';
import type { CriticalListFlagModel, CriticalMaterialModel } from './models/passport.model';
import { PassportRepository } from './passport.repository';

/** The 0.1 % by weight reporting threshold of the Battery Pass data model. */
const REPORTING_THRESHOLD = 0.001;

/** Per element of a passport: the forms of each material holding it. */
export type FormsByElement = Map<string, MaterialForm[][]>;

/**
 * The critical materials of passports and materials, flagged by element shares and matched with the materials' forms:
 * the one place Passport.criticalMaterials, Material.criticalLists and the public passport view take them from.
 */
@Injectable()
export class PassportCriticalMaterials {
  constructor(
    private readonly passports: PassportRepository,
    private readonly criticalMaterials: CriticalMaterialsService,
  ) {}

  /** Per passport, the forms of the materials holding each element, from element rows (findElementMaterials). */
  static formsByElement(
    rows: { passportId: string; elementSymbol: string; material: { casNumber: string | null; details: unknown } }[],
  ): Map<string, FormsByElement> {
    const byPassport = new Map<string, FormsByElement>();
    for (const row of rows) {
      const byElement = byPassport.get(row.passportId) ?? new Map<string, MaterialForm[][]>();
      byElement.set(row.elementSymbol, [...(byElement.get(row.elementSymbol) ?? []), formsOfRow(row.material)]);
      byPassport.set(row.passportId, byElement);
    }
    return byPassport;
  }

  /** Passport.criticalMaterials of one passport, in two queries: for views outside GraphQL (the public Digital Link view). */
  async ofPassport(passport: {
    id: string;
    manufacturerId: string;
    compositionGrantees?: readonly string[] | null;
    totalMassKg: number;
  }): Promise<CriticalMaterialModel[]> {
    const [totals, rows] = await Promise.all([this.passports.findElementTotals([passport.id]), this.passports.findElementMaterials([passport.id])]);
    return this.fromTotals(passport, totals, PassportCriticalMaterials.formsByElement(rows).get(passport.id) ?? new Map());
  }

  /**
   * The critical elements of a product with the lists that flag them, by element symbol: the list is PUBLIC, so its
   * order must not tell which element is heaviest (the masses are LEGITIMATE_INTEREST). Masses are the element totals
   * (element shares summed); a list entry naming a form flags FORM when a material holding the element meets it.
   */
  fromTotals(
    passport: { manufacturerId: string; compositionGrantees?: readonly string[] | null; totalMassKg: number },
    totals: { elementSymbol: string; massKg: number }[],
    formsByElement: FormsByElement,
  ): CriticalMaterialModel[] {
    return totals
      .map((total) => ({ total, lists: this.criticalMaterials.matchesForMaterials(total.elementSymbol, formsByElement.get(total.elementSymbol) ?? [[]]) }))
      .filter(({ lists }) => lists.length > 0)
      .map(({ total, lists }) => {
        const share = passport.totalMassKg > 0 ? total.massKg / passport.totalMassKg : 0;
        return {
          element: total.elementSymbol,
          elementName: this.criticalMaterials.element(total.elementSymbol)?.name ?? total.elementSymbol,
          massKg: total.massKg,
          shareOfProductMass: share,
          aboveReportingThreshold: share > REPORTING_THRESHOLD,
          lists,
          methodVersion: ELEMENT_MASS_METHOD,
          linkedMassWithheld: false,
          manufacturerId: passport.manufacturerId,
          compositionGrantees: passport.compositionGrantees ?? null,
        };
      })
      .sort((a, b) => bySymbol(a.element, b.element));
  }

  /** Material.criticalLists: the list materials flagging any element the material holds (its element shares), with its forms. */
  ofMaterial(material: { casNumber: string | null; details: unknown }, shares: readonly { element: string }[]): CriticalListFlagModel[] {
    return this.criticalMaterials.matchesForElements(
      shares.map((share) => share.element),
      formsOfRow(material),
    );
  }
}
