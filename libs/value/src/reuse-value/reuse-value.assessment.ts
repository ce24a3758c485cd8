import type { ComponentCondition, CompositionDocument, FlattenedComposition, ReuseInfo } from '@registry/composition';
import { type WalkedComponent, walkComponents } from '../document-walk';
import type { PriceTable } from '../price-tables/price-table';
import { PRICE_TABLES, priceTableFor } from '../price-tables/price-tables';
import {
  CircularStrategy,
  type ComponentReuseFigure,
  REUSE_VALUE_METHOD_VERSION,
  type ReuseValue,
  type ReuseValueComponent,
  type ReuseValueMaterial,
} from '../value.types';

/** What a buyer pays for a used component against a new one, and the work its condition calls for. */
export const CONDITIONS: Readonly<Record<ComponentCondition, { factor: number; strategy: CircularStrategy }>> = {
  new: { factor: 1, strategy: CircularStrategy.REUSE },
  'as-new': { factor: 0.9, strategy: CircularStrategy.REUSE },
  good: { factor: 0.75, strategy: CircularStrategy.REUSE },
  fair: { factor: 0.5, strategy: CircularStrategy.REFURBISH },
  poor: { factor: 0.25, strategy: CircularStrategy.REMANUFACTURE },
};
/** A component of unknown condition must be inspected and is assumed to need refurbishing. */
export const CONDITION_WHEN_MISSING: ComponentCondition = 'fair';

interface ValuedMaterial {
  entry: ReuseValueMaterial;
  /** Value in one unit of the component, unrounded, for the choices. */
  perUnit: number;
}

interface ValuedComponent {
  node: WalkedComponent;
  reuse: (ComponentReuseFigure & { strategy: CircularStrategy }) | null;
  materials: ValuedMaterial[];
  children: ValuedComponent[];
  /** Reused as a whole rather than taken apart. */
  whole: boolean;
  /** Value of one unit: its reuse figure when reused whole, else its materials plus its sub-components' values. */
  perUnit: number;
}

/** Collects the assumptions of one valuation, each stated once. */
class Assumptions {
  readonly componentNotes: string[] = [];
  readonly unpricedElements = new Set<string>();
  unidentifiedMaterials = 0;
  readonly massOnlyComponents: string[] = [];
}

/**
 * The economic reuse value of one product unit, method 1 (docs/reuse-value.md): each component valued top-down at the
 * higher of its reuse figure and the value of its parts (its own recoverable materials plus its sub-components' values),
 * so that nothing is counted twice; summed over the product with each component's units per product.
 */
export function assessReuseValue(
  document: CompositionDocument,
  flattened: FlattenedComposition,
  valuationDate: Date,
  tables: readonly PriceTable[] = PRICE_TABLES,
): ReuseValue {
  if (Number.isNaN(valuationDate.getTime())) throw new RangeError('The valuation date is not a valid date');
  const date = valuationDate.toISOString().slice(0, 10);
  const table = priceTableFor(date, tables);
  const assumptions = new Assumptions();

  const valued = walkComponents(document, flattened).map((root) => valueComponent(root, table, assumptions));
  const breakdown = valued.flatMap((component) => breakdownOf(component));
  const amountCents = breakdown.reduce((sum, entry) => sum + toCents(entry.amount), 0);

  return {
    amount: amountCents / 100,
    currency: table.currency,
    methodVersion: REUSE_VALUE_METHOD_VERSION,
    valuationDate: date,
    priceTable: { id: table.id, source: table.source, date: table.date },
    assumptions: statements(assumptions, table),
    breakdown,
  };
}

function valueComponent(node: WalkedComponent, table: PriceTable, assumptions: Assumptions): ValuedComponent {
  const { document: component, flat } = node;
  const materials = component.materials.map((material, index): ValuedMaterial => {
    const element = material.element ?? null;
    const reference = element ? table.prices[element] : undefined;
    if (!element) assumptions.unidentifiedMaterials++;
    else if (!reference) assumptions.unpricedElements.add(element);
    const recoveryRate = typeof material.recyclingEfficiencyPct === 'number' ? material.recyclingEfficiencyPct / 100 : (reference?.recoveryRate ?? 0);
    const pricePerKg = reference?.pricePerKg ?? null;
    const massKg = flat.materials[index].massKgPerProduct;
    const amount = pricePerKg === null ? 0 : massKg * recoveryRate * pricePerKg;
    return {
      entry: { componentKey: component.key, name: material.name, element, massKg, recoveryRate, pricePerKg, amount: toCents(amount) / 100 },
      perUnit: pricePerKg === null ? 0 : material.massKg * recoveryRate * pricePerKg,
    };
  });
  if (component.materials.length === 0 && component.components.length === 0) assumptions.massOnlyComponents.push(flat.path);

  // The reuse figure before the sub-components, so that the notes come in document order.
  const reuse = reuseFigure(component.reuse, flat.path, table, assumptions);
  const children = node.children.map((child) => valueComponent(child, table, assumptions));
  const parts =
    materials.reduce((sum, material) => sum + material.perUnit, 0) + children.reduce((sum, child) => sum + child.node.document.quantity * child.perUnit, 0);
  const whole = reuse !== null && reuse.unitAmount > parts;
  return { node, reuse, materials, children, whole, perUnit: whole ? reuse.unitAmount : parts };
}

/** The reuse figure of one unit, or null when the inputs do not allow one (the reason is noted). */
function reuseFigure(
  reuse: ReuseInfo | undefined,
  path: string,
  table: PriceTable,
  assumptions: Assumptions,
): (ComponentReuseFigure & { strategy: CircularStrategy }) | null {
  if (!reuse) return null;
  const notes = assumptions.componentNotes;
  if (reuse.replacementValue === undefined) {
    notes.push(`${path}: reuse inputs without replacementValue; valued at its parts (RECYCLE).`);
    return null;
  }
  if (reuse.currency !== table.currency) {
    notes.push(
      `${path}: reuse inputs in ${reuse.currency} are not converted (method ${REUSE_VALUE_METHOD_VERSION} ships no exchange rates); ` +
        `valued at its parts (RECYCLE).`,
    );
    return null;
  }
  if (reuse.expectedLifetimeYears === undefined) {
    notes.push(`${path}: no expectedLifetimeYears, so its remaining life cannot be judged; valued at its parts (RECYCLE).`);
    return null;
  }
  if (reuse.ageYears === undefined) notes.push(`${path}: ageYears missing, taken as 0 (recorded when new).`);
  if (reuse.condition === undefined) {
    notes.push(`${path}: condition missing, taken as "${CONDITION_WHEN_MISSING}" (to be inspected and refurbished).`);
  }
  const condition = reuse.condition ?? CONDITION_WHEN_MISSING;
  const { factor: conditionFactor, strategy } = CONDITIONS[condition];
  const remainingLifeFactor = Math.max(0, 1 - (reuse.ageYears ?? 0) / reuse.expectedLifetimeYears);
  const dismantlingCost = reuse.dismantlingCost ?? 0;
  const unitAmount = Math.max(0, reuse.replacementValue * remainingLifeFactor * conditionFactor - dismantlingCost);
  return { condition, conditionFactor, remainingLifeFactor, replacementValue: reuse.replacementValue, dismantlingCost, unitAmount, strategy };
}

/** Breakdown entries top-down: a component reused whole covers its sub-components, which get no entries of their own. */
function breakdownOf(valued: ValuedComponent): ReuseValueComponent[] {
  const { flat } = valued.node;
  const reuse = valued.reuse && withoutStrategy(valued.reuse);
  if (valued.whole && valued.reuse) {
    const materials = subtreeMaterials(valued);
    return [
      {
        componentKey: flat.key,
        path: flat.path,
        unitsPerProduct: flat.unitsPerProduct,
        strategy: valued.reuse.strategy,
        amount: toCents(valued.reuse.unitAmount * flat.unitsPerProduct) / 100,
        materialValue: sumCents(materials.map((material) => material.amount)),
        reuse,
        materials,
      },
    ];
  }
  const materials = valued.materials.map((material) => material.entry);
  const amount = sumCents(materials.map((material) => material.amount));
  const entry: ReuseValueComponent = {
    componentKey: flat.key,
    path: flat.path,
    unitsPerProduct: flat.unitsPerProduct,
    strategy: CircularStrategy.RECYCLE,
    amount,
    materialValue: amount,
    reuse,
    materials,
  };
  return [entry, ...valued.children.flatMap((child) => breakdownOf(child))];
}

function subtreeMaterials(valued: ValuedComponent): ReuseValueMaterial[] {
  return [...valued.materials.map((material) => material.entry), ...valued.children.flatMap(subtreeMaterials)];
}

function withoutStrategy(figure: ComponentReuseFigure & { strategy: CircularStrategy }): ComponentReuseFigure {
  const { strategy: _strategy, ...rest } = figure;
  return { ...rest, unitAmount: toCents(rest.unitAmount) / 100 };
}

function statements(assumptions: Assumptions, table: PriceTable): string[] {
  const lines = [
    `Amounts are in ${table.currency} for one product unit, at the prices of table ${table.id}; a batch passport stands for unitCount units.`,
    'A component with reuse inputs is reused whole (REUSE, REFURBISH or REMANUFACTURE, by its condition) when its reuse ' +
      'figure exceeds the value of its parts; otherwise its own materials are recycled (RECYCLE) and its sub-components are valued the same way.',
    "A material's recovery rate is its recyclingEfficiencyPct where declared, else the price table's reference rate for its element.",
  ];
  if (assumptions.unpricedElements.size > 0) {
    lines.push(`No reference price for ${[...assumptions.unpricedElements].sort().join(', ')}: valued at 0.`);
  }
  if (assumptions.unidentifiedMaterials > 0) {
    lines.push(`${assumptions.unidentifiedMaterials} material(s) named by CAS number only (compounds such as polymers): valued at 0.`);
  }
  if (assumptions.massOnlyComponents.length > 0) {
    lines.push(`Declared by mass only (no materials), valued at 0: ${assumptions.massOnlyComponents.join(', ')}.`);
  }
  return [...lines, ...assumptions.componentNotes];
}

function toCents(amount: number): number {
  return Math.round(amount * 100);
}

function sumCents(amounts: readonly number[]): number {
  return amounts.reduce((sum, amount) => sum + toCents(amount), 0) / 100;
}
