import type { ShareSource } from '@registry/chemistry';

// Types of a composition document (schemas/composition.v1.schema.json) and of its flattened form.
// They describe a document that has passed CompositionValidator; keys starting with "x-" are free extensions.

export type Fastening = 'screwed' | 'bolted' | 'clipped' | 'glued' | 'welded' | 'soldered' | 'riveted' | 'press-fit' | 'other';

export type ComponentCondition = 'new' | 'as-new' | 'good' | 'fair' | 'poor';

export interface DismantlingInfo {
  fastening?: Fastening;
  toolRequired?: string;
  timeMinutes?: number;
  hazards?: string[];
  [extension: `x-${string}`]: unknown;
}

export interface ReuseInfo {
  replacementValue?: number;
  /** ISO 4217 code; required with replacementValue or dismantlingCost. */
  currency?: string;
  expectedLifetimeYears?: number;
  ageYears?: number;
  condition?: ComponentCondition;
  dismantlingCost?: number;
  [extension: `x-${string}`]: unknown;
}

export interface HazardousSubstance {
  clpHazardClass: string;
  concentrationPct?: number;
  [extension: `x-${string}`]: unknown;
}

/** What an impact figure is per: one product unit, one kWh the product delivers over its life, one kg of product (1.2). */
export type DeclaredUnit = 'PRODUCT' | 'KWH' | 'KG';

/** Greenhouse gas emissions per declared unit (1.2). */
export interface CarbonFootprintDocument {
  kgCO2e: number;
  declaredUnit: DeclaredUnit;
  /** EN 15804 stages, e.g. ["A1-A3", "C1-C4"]. */
  lifecycleStages?: string[];
  method?: 'ISO 14067' | 'PEF' | 'EN 15804';
  primaryDataSharePct?: number;
  verifiedBy?: string;
  studyUrl?: string;
  [extension: `x-${string}`]: unknown;
}

/** Environmental impact of one product unit, or of one unit of a component (1.2). */
export interface EnvironmentalImpactDocument {
  carbonFootprint?: CarbonFootprintDocument;
  waterUse?: { m3: number; declaredUnit: DeclaredUnit; [extension: `x-${string}`]: unknown };
  energyUse?: { mj: number; declaredUnit: DeclaredUnit; renewableSharePct?: number; [extension: `x-${string}`]: unknown };
  [extension: `x-${string}`]: unknown;
}

/** A substance of concern in a material (1.2). */
export interface SubstanceOfConcernDocument {
  name: string;
  casNumber?: string;
  ecNumber?: string;
  svhc?: boolean;
  /** In the material, by mass; or concentrationRange, not both. */
  concentrationPct?: number;
  concentrationRange?: { minPct: number; maxPct: number; [extension: `x-${string}`]: unknown };
  location?: string;
  safeUse?: string;
  endOfLife?: string;
  [extension: `x-${string}`]: unknown;
}

/** One element of an alloy or mixture (1.1). */
export interface ElementFractionDocument {
  element: string;
  /** Share of the material's mass, 0..1. */
  massFraction: number;
  [extension: `x-${string}`]: unknown;
}

/** The forms a material may declare (1.1); see MaterialForm in @registry/chemistry. */
export type MaterialFormDocument = 'metal' | 'battery-grade' | 'metallurgy-grade' | 'graphite' | 'natural-graphite' | 'ore' | 'fuel';

/** A homogeneous material; it carries an element symbol, a CAS number, a formula (1.1) or element fractions (1.1). */
export interface MaterialDocument {
  name: string;
  element?: string;
  casNumber?: string;
  /** Chemical formula (1.1), e.g. LiFePO4. */
  formula?: string;
  /** Element mass fractions of an alloy or mixture (1.1), summing to 1 or less. */
  elements?: ElementFractionDocument[];
  /** Declared forms (1.1). */
  forms?: MaterialFormDocument[];
  /** Mass in one unit of its component. */
  massKg: number;
  recycledContentPct?: number;
  renewableContentPct?: number;
  reusedContentPct?: number;
  /** Biological feedstock from sustained production (F_S of the Material Circularity Indicator). */
  sustainedBiologicalContentPct?: number;
  collectedForRecyclingPct?: number;
  collectedForReusePct?: number;
  collectedForCompostingPct?: number;
  collectedForEnergyRecoveryPct?: number;
  recyclingEfficiencyPct?: number;
  feedstockRecyclingEfficiencyPct?: number;
  hazardous?: HazardousSubstance;
  /** Substances of concern in the material (1.2). */
  substancesOfConcern?: SubstanceOfConcernDocument[];
  [extension: `x-${string}`]: unknown;
}

export interface ComponentDocument {
  /** Unique within the whole document. */
  key: string;
  name: string;
  description?: string;
  location?: string;
  /** The component's own passport: its id or GS1 Digital Link URI. */
  passportRef?: string;
  /** How many of this component its parent (or the product) contains. */
  quantity: number;
  /** Mass of one unit, sub-components included. */
  massKg: number;
  materials: MaterialDocument[];
  components: ComponentDocument[];
  dismantling?: DismantlingInfo;
  reuse?: ReuseInfo;
  /** Impact of one unit of the component (1.2). */
  environmentalImpact?: EnvironmentalImpactDocument;
  [extension: `x-${string}`]: unknown;
}

export interface UtilityInfo {
  lifetimeYears?: number;
  industryAverageLifetimeYears?: number;
  intensityOfUse?: number;
  industryAverageIntensityOfUse?: number;
  [extension: `x-${string}`]: unknown;
}

export interface CompositionDocument {
  /** 1.1 adds the chemistry fields of materials (formula, elements, forms); 1.2 environmental impact and substances of concern. */
  schemaVersion: '1.0' | '1.1' | '1.2';
  /** Mass of one product unit. */
  productMassKg?: number;
  /** Units covered by a BATCH passport; the composition describes one unit. */
  unitCount?: number;
  components: ComponentDocument[];
  utility?: UtilityInfo;
  /** Impact of one product unit (1.2). */
  environmentalImpact?: EnvironmentalImpactDocument;
  /** Validated against the schema of the passport's cluster. */
  clusterData?: Record<string, unknown>;
  [extension: `x-${string}`]: unknown;
}

/** The product's clusters, each with its own clusterData schema. */
export type ClusterCode = 'WIND_PARK' | 'SOLAR_PV' | 'BATTERY' | 'HEAT_AS_A_SERVICE' | 'HIGH_TECH_EQUIPMENT';

export interface FlatMaterial {
  /** Position over the whole document, 0..m-1 in depth-first document order. */
  position: number;
  name: string;
  elementSymbol: string | null;
  casNumber: string | null;
  /** Mass in one unit of its component. */
  massKg: number;
  /** Mass in one product unit: massKg x the component's unitsPerProduct. */
  massKgPerProduct: number;
  recycledContentPct: number | null;
  /** The other fields of the material (formula, elements, forms...), or null when there are none. */
  details: Record<string, unknown> | null;
  /** The material's mass split into element masses (decomposeMaterial of @registry/chemistry); shares of 0 left out. */
  elementShares: FlatElementShare[];
  /** The substances of concern the material declares (1.2), in document order. */
  substancesOfConcern: SubstanceOfConcernDocument[];
}

/** One element of a flat material: its share of the material's mass and that mass, per component unit and per product. */
export interface FlatElementShare {
  element: string;
  massFraction: number;
  /** massFraction x the material's massKg. */
  massKg: number;
  /** massFraction x the material's massKgPerProduct: the element's mass in one product. */
  massKgPerProduct: number;
  source: ShareSource;
}

export interface FlatComponent {
  /** Position in depth-first document order, 0..n-1. */
  position: number;
  key: string;
  name: string;
  /** "/" followed by the keys from the root, e.g. "/inverter/pcb". */
  path: string;
  /** 0 for top-level components. */
  depth: number;
  parentKey: string | null;
  quantity: number;
  massKg: number;
  /** Product of the quantities along the path, its own included. */
  unitsPerProduct: number;
  /** The other fields of the component, or null when there are none. */
  details: Record<string, unknown> | null;
  materials: FlatMaterial[];
}

export interface FlattenedComposition {
  /** productMassKg when given, else the sum of the top-level components' massKg x quantity. */
  totalMassKg: number;
  components: FlatComponent[];
  /**
   * The product's carbon footprint in kg CO2e per product unit (1.2): kgCO2e for a PRODUCT unit, times totalMassKg for KG,
   * times the battery's energyKWh (clusterData) for KWH; null when the document declares none or it cannot be converted.
   */
  carbonFootprintKgCO2ePerProduct: number | null;
}
