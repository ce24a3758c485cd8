import { Injectable } from '@nestjs/common';
import { ELEMENT_MASS_METHOD, formsOfRow, type MaterialForm } from '@registry/chemistry';
import { type CriticalFlagMatch, CriticalMaterialsService } from '@registry/materials';
import { bySymbol } from './element-order';
import type { CriticalListFlagModel, CriticalMaterialModel } from './models/passport.model';
import type { CriticalInputRow } from './critical-inputs.sql';
import { PassportRepository } from './passport.repository';

/** The 0.1 % by weight reporting threshold of the Battery Pass data model. */
const REPORTING_THRESHOLD = 0.001;

/** Per element of a passport: the forms of each material holding it. */
export type FormsByElement = Map<string, MaterialForm[][]>;

/** What a passport's critical materials are computed from. */
export interface CriticalInputs {
  totals: { elementSymbol: string; massKg: number }[];
  forms: FormsByElement;
}

const NO_INPUTS: CriticalInputs = { totals: [], forms: new Map() };

/** An element total with the lists that flag the element. */
interface FlaggedElement {
  total: { elementSymbol: string; massKg: number };
  lists: CriticalFlagMatch[];
}

/**
 * The critical materials of passports and materials, flagged by element shares and matched with the materials' forms:
 * the one place Passport.criticalMaterials, Material.criticalLists and the public passport view take them from.
 */
@Injectable()
export class PassportCriticalMaterials {
  /** flaggedElements by inputs object, as long as the object lives. */
  private readonly flagged = new WeakMap<CriticalInputs, FlaggedElement[]>();

  constructor(
    private readonly passports: PassportRepository,
    private readonly criticalMaterials: CriticalMaterialsService,
  ) {}

  /** Per passport, its element totals and the forms of the materials holding each element, from findCriticalInputs rows. */
  static inputsByPassport(rows: readonly CriticalInputRow[]): Map<string, CriticalInputs> {
    const byPassport = new Map<string, CriticalInputs>();
    for (const row of rows) {
      let inputs = byPassport.get(row.passportId);
      if (!inputs) byPassport.set(row.passportId, (inputs = { totals: [], forms: new Map() }));
      inputs.totals.push({ elementSymbol: row.elementSymbol, massKg: row.massKg });
      // An element without element rows keeps no entry, as fromTotals expects.
      if (row.materials.length === 0) continue;
      inputs.forms.set(
        row.elementSymbol,
        row.materials.map((material) => formsOfRow({ casNumber: material.casNumber, details: { forms: material.forms } })),
      );
    }
    return byPassport;
  }

  /** Passport.criticalMaterials of one passport, in one statement: for views outside GraphQL (the public Digital Link view). */
  async ofPassport(passport: {
    id: string;
    manufacturerId: string;
    compositionGrantees?: readonly string[] | null;
    totalMassKg: number;
  }): Promise<CriticalMaterialModel[]> {
    const inputs = PassportCriticalMaterials.inputsByPassport(await this.passports.findCriticalInputs([passport.id])).get(passport.id) ?? NO_INPUTS;
    return this.fromInputs(passport, inputs);
  }

  /**
   * The critical elements of a product with the lists that flag them, by element symbol: the list is PUBLIC, so its
   * order must not tell which element is heaviest (the masses are LEGITIMATE_INTEREST). Masses are the element totals
   * (element shares summed); a list entry naming a form flags FORM when a material holding the element meets it.
   */
  fromInputs(
    passport: { manufacturerId: string; compositionGrantees?: readonly string[] | null; totalMassKg: number },
    inputs: CriticalInputs,
  ): CriticalMaterialModel[] {
    return this.flaggedElements(inputs).map(({ total, lists }) => {
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
    });
  }

  /**
   * The elements of `inputs` that lists flag, with their flags, by element symbol. Worked out once per inputs object:
   * the inputs of a revision are kept across requests (PassportService.read), so most requests find them here.
   */
  private flaggedElements(inputs: CriticalInputs): FlaggedElement[] {
    let flagged = this.flagged.get(inputs);
    if (!flagged) {
      flagged = inputs.totals
        .map((total) => ({ total, lists: this.criticalMaterials.matchesForMaterials(total.elementSymbol, inputs.forms.get(total.elementSymbol) ?? [[]]) }))
        .filter(({ lists }) => lists.length > 0)
        .sort((a, b) => bySymbol(a.total.elementSymbol, b.total.elementSymbol));
      this.flagged.set(inputs, flagged);
    }
    return flagged;
  }

  /** Material.criticalLists: the list materials flagging any element the material holds (its element shares), with its forms. */
  ofMaterial(material: { casNumber: string | null; details: unknown }, shares: readonly { element: string }[]): CriticalListFlagModel[] {
    return this.criticalMaterials.matchesForElements(
      shares.map((share) => share.element),
      formsOfRow(material),
    );
  }
}
