// The figures the registry stores with every passport revision (PassportRevision.circularity and .reuseValue).
// They are stored as JSON, so they carry their method version and everything needed to explain them later.

/** Method of the Material Circularity Indicator: Ellen MacArthur Foundation 2019, registry implementation 1. */
export const MCI_METHOD_VERSION = 'EMF-MCI-2019/1';
/** Method of the economic reuse value, described in docs/reuse-value.md. */
export const REUSE_VALUE_METHOD_VERSION = '1';

/** The product's material flows behind the LFI, summed over its materials (kg per product unit). */
export interface MciFlows {
  /** M: mass of the materials. */
  massKg: number;
  /** V: virgin feedstock. */
  virginKg: number;
  /** W: unrecoverable waste, W0 + (W_F + W_C) / 2. */
  wasteKg: number;
  /** W_F: waste from producing the recycled feedstock. */
  feedstockRecyclingWasteKg: number;
  /** W_C: waste from recycling the mass collected for recycling. */
  collectionRecyclingWasteKg: number;
}

export interface Circularity {
  /** Material Circularity Indicator, 0 (linear) to 1 (circular). */
  mci: number;
  /** Linear Flow Index, 0 to 1. */
  lfi: number;
  /** Utility factor X = (L / L_av) (U / U_av). */
  utility: number;
  /** True when no input was defaulted. */
  inputsComplete: boolean;
  /** JSON pointers of the inputs that were missing and defaulted, in document order. */
  missingInputs: string[];
  methodVersion: string;
  flows: MciFlows;
}

/** The R-strategy a figure assumes. */
export enum CircularStrategy {
  REUSE = 'REUSE',
  REFURBISH = 'REFURBISH',
  REMANUFACTURE = 'REMANUFACTURE',
  RECYCLE = 'RECYCLE',
}

/** A material valued at its recoverable content: massKg x recoveryRate x pricePerKg. */
export interface ReuseValueMaterial {
  /** The component the material is listed in. */
  componentKey: string;
  name: string;
  element: string | null;
  /** Mass in one product unit. */
  massKg: number;
  recoveryRate: number;
  /** Reference price of the element; null when the price table has none (or the material names no element). */
  pricePerKg: number | null;
  amount: number;
}

/** The reuse figure of one unit of a component, from its `reuse` inputs. */
export interface ComponentReuseFigure {
  condition: string;
  conditionFactor: number;
  remainingLifeFactor: number;
  replacementValue: number;
  dismantlingCost: number;
  /** max(0, replacementValue x remainingLifeFactor x conditionFactor - dismantlingCost), per unit. */
  unitAmount: number;
}

export interface ReuseValueComponent {
  componentKey: string;
  path: string;
  unitsPerProduct: number;
  strategy: CircularStrategy;
  /** What the entry adds to the product's amount (all units of the component in one product). */
  amount: number;
  /** Value of the recoverable materials the entry covers: the floor of `amount`. */
  materialValue: number;
  /** The component's reuse figure when its inputs allow one (also when it lost to the value of its parts). */
  reuse: ComponentReuseFigure | null;
  /** RECYCLE: the component's own materials; a reuse strategy: the materials of the component and all its sub-components. */
  materials: ReuseValueMaterial[];
}

export interface PriceTableRef {
  id: string;
  source: string;
  /** YYYY-MM-DD from which the table applies. */
  date: string;
}

export interface ReuseValue {
  /** Per product unit. */
  amount: number;
  /** ISO 4217. */
  currency: string;
  methodVersion: string;
  /** YYYY-MM-DD. */
  valuationDate: string;
  priceTable: PriceTableRef;
  assumptions: string[];
  breakdown: ReuseValueComponent[];
}

/** What ValueAssessor.assess returns, to be stored with the revision. */
export interface ValueAssessment {
  circularity: Circularity;
  reuseValue: ReuseValue;
}
