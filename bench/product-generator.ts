// Realistic composition documents for the benchmark registry: about 30 components and 80 materials per product,
// masses that balance like the API demands, and the programme's focus elements (Sb, P, Mg, Ti, Al) in a share of them.
import type { ClusterCode } from '@registry/prisma-client';

export type Rng = () => number;

/** A small, fast, seeded generator (mulberry32) so that a registry can be generated again identically. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (rng: Rng, min: number, max: number) => min + rng() * (max - min);
const integer = (rng: Rng, min: number, max: number) => Math.floor(between(rng, min, max + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const chance = (rng: Rng, p: number) => rng() < p;
/** Four significant digits, like a real bill of materials. */
const round = (value: number) => Number(value.toPrecision(4));

interface Ingredient {
  name: string;
  element?: string;
  casNumber?: string;
  /** Share of the component's own material mass. */
  share: number;
  /** Probability that a component of this recipe lists the ingredient (1 when absent). */
  p?: number;
  recycled?: boolean;
}

interface Recipe {
  names: readonly string[];
  ingredients: readonly Ingredient[];
  /** Units of the component in its parent: [min, max]; [1, 1] when absent (with an occasional 2 to 4). */
  quantity?: [number, number];
  hazards?: readonly string[];
}

type RecipeName =
  | 'aluminium'
  | 'steel'
  | 'stainless'
  | 'copper'
  | 'cable'
  | 'pcb'
  | 'chip'
  | 'polymer'
  | 'seal'
  | 'glass'
  | 'solarCell'
  | 'encapsulant'
  | 'nmcCell'
  | 'lfpCell'
  | 'magnet'
  | 'titanium'
  | 'magnesium'
  | 'composite'
  | 'refrigerant'
  | 'oil'
  | 'insulation';

const RECIPES: Record<RecipeName, Recipe> = {
  aluminium: {
    names: ['Aluminium frame', 'Aluminium housing', 'Heat sink', 'Aluminium bracket', 'Cover plate'],
    ingredients: [
      { name: 'Aluminium alloy EN AW-6063', element: 'Al', casNumber: '7429-90-5', share: 0.975, recycled: true },
      { name: 'Magnesium (alloying)', element: 'Mg', share: 0.008, p: 0.7 },
      { name: 'Silicon (alloying)', element: 'Si', share: 0.006, p: 0.4 },
    ],
  },
  steel: {
    names: ['Steel base frame', 'Mounting bracket', 'Steel enclosure', 'Support structure', 'Fastener set'],
    ingredients: [
      { name: 'Carbon steel S355', element: 'Fe', casNumber: '7439-89-6', share: 0.975, recycled: true },
      { name: 'Manganese (alloying)', element: 'Mn', share: 0.012, p: 0.6 },
      { name: 'Zinc coating', element: 'Zn', casNumber: '7440-66-6', share: 0.01, p: 0.4 },
      { name: 'Phosphorus (phosphate conversion coating)', element: 'P', share: 0.0004, p: 0.1 },
    ],
  },
  stainless: {
    names: ['Stainless steel plate', 'Stainless guide rail', 'Stainless enclosure'],
    ingredients: [
      { name: 'Iron (stainless steel 1.4301)', element: 'Fe', casNumber: '7439-89-6', share: 0.71, recycled: true },
      { name: 'Chromium', element: 'Cr', casNumber: '7440-47-3', share: 0.18 },
      { name: 'Nickel', element: 'Ni', casNumber: '7440-02-0', share: 0.09 },
      { name: 'Manganese', element: 'Mn', share: 0.02, p: 0.5 },
    ],
  },
  copper: {
    names: ['Copper busbar', 'Copper winding', 'Earthing strap', 'Copper tubing'],
    ingredients: [
      { name: 'Copper Cu-ETP', element: 'Cu', casNumber: '7440-50-8', share: 0.99, recycled: true },
      { name: 'Tin plating', element: 'Sn', casNumber: '7440-31-5', share: 0.01, p: 0.3 },
    ],
  },
  cable: {
    names: ['Power cable', 'Signal harness', 'DC cable with connectors'],
    ingredients: [
      { name: 'Copper conductor', element: 'Cu', casNumber: '7440-50-8', share: 0.6 },
      { name: 'PVC insulation', casNumber: '9002-86-2', share: 0.37 },
      { name: 'Antimony trioxide (flame retardant)', element: 'Sb', casNumber: '1309-64-4', share: 0.02, p: 0.3 },
    ],
  },
  pcb: {
    names: ['Controller board', 'Battery management board', 'Power converter board', 'Sensor board', 'Junction box board'],
    ingredients: [
      { name: 'Epoxy laminate', casNumber: '25068-38-6', share: 0.35 },
      { name: 'Glass fibre', casNumber: '65997-17-3', share: 0.3, p: 0.7 },
      { name: 'Copper tracks', element: 'Cu', casNumber: '7440-50-8', share: 0.2 },
      { name: 'Tin solder', element: 'Sn', casNumber: '7440-31-5', share: 0.05, p: 0.8 },
      { name: 'Antimony in solder', element: 'Sb', casNumber: '7440-36-0', share: 0.004, p: 0.55 },
      { name: 'Silver (solder and contacts)', element: 'Ag', casNumber: '7440-22-4', share: 0.002, p: 0.3 },
      { name: 'Gold plating', element: 'Au', casNumber: '7440-57-5', share: 0.0003, p: 0.2 },
      { name: 'Red phosphorus (flame retardant)', element: 'P', casNumber: '7723-14-0', share: 0.003, p: 0.2 },
    ],
    hazards: ['electrostatic discharge'],
  },
  chip: {
    names: ['Microcontroller', 'Power MOSFET', 'Driver IC', 'Memory chip'],
    quantity: [2, 12],
    ingredients: [
      { name: 'Silicon die', element: 'Si', casNumber: '7440-21-3', share: 0.4 },
      { name: 'Epoxy mould compound', casNumber: '25068-38-6', share: 0.5 },
      { name: 'Copper lead frame', element: 'Cu', share: 0.08, p: 0.7 },
      { name: 'Antimony in solder', element: 'Sb', share: 0.002, p: 0.3 },
      { name: 'Gold bond wires', element: 'Au', share: 0.001, p: 0.4 },
    ],
  },
  polymer: {
    names: ['Polycarbonate cover', 'ABS housing', 'Cable gland', 'Connector body', 'Front bezel'],
    ingredients: [
      { name: 'Polycarbonate', casNumber: '25037-45-0', share: 0.6, p: 0.5 },
      { name: 'ABS', casNumber: '9003-56-9', share: 0.6, p: 0.5 },
      { name: 'Polyamide 6 (glass filled)', casNumber: '25038-54-4', share: 0.35, p: 0.3 },
      { name: 'Titanium dioxide pigment', element: 'Ti', casNumber: '13463-67-7', share: 0.02, p: 0.25 },
      { name: 'Antimony trioxide (flame retardant)', element: 'Sb', casNumber: '1309-64-4', share: 0.03, p: 0.1 },
    ],
  },
  seal: {
    names: ['EPDM gasket', 'Sealing ring', 'Silicone seal'],
    ingredients: [
      { name: 'EPDM rubber', casNumber: '25038-36-2', share: 0.7, p: 0.6 },
      { name: 'Polydimethylsiloxane', casNumber: '63148-62-9', share: 0.3 },
    ],
  },
  glass: {
    names: ['Tempered glass pane', 'Display glass', 'Sight glass'],
    ingredients: [{ name: 'Soda-lime glass', casNumber: '65997-17-3', share: 1 }],
    hazards: ['glass breakage'],
  },
  solarCell: {
    names: ['Mono-Si PERC half-cell', 'Heterojunction cell'],
    quantity: [60, 144],
    ingredients: [
      { name: 'Silicon wafer', element: 'Si', casNumber: '7440-21-3', share: 0.95 },
      { name: 'Silver contact paste', element: 'Ag', casNumber: '7440-22-4', share: 0.012 },
      { name: 'Aluminium rear contact', element: 'Al', share: 0.035 },
      { name: 'Phosphorus (emitter doping)', element: 'P', share: 0.00005, p: 0.8 },
    ],
  },
  encapsulant: {
    names: ['Cell laminate', 'Backsheet'],
    ingredients: [
      { name: 'EVA encapsulant', casNumber: '24937-78-8', share: 0.6 },
      { name: 'PET backsheet', casNumber: '25038-59-9', share: 0.35 },
      { name: 'Titanium dioxide (backsheet pigment)', element: 'Ti', casNumber: '13463-67-7', share: 0.05, p: 0.6 },
    ],
  },
  nmcCell: {
    names: ['NMC 21700 cell', 'NMC pouch cell'],
    quantity: [10, 40],
    hazards: ['high voltage', 'thermal runaway'],
    ingredients: [
      { name: 'Nickel (NMC cathode)', element: 'Ni', casNumber: '7440-02-0', share: 0.15 },
      { name: 'Manganese (NMC cathode)', element: 'Mn', casNumber: '7439-96-5', share: 0.05 },
      { name: 'Cobalt (NMC cathode)', element: 'Co', casNumber: '7440-48-4', share: 0.05 },
      { name: 'Lithium', element: 'Li', casNumber: '7439-93-2', share: 0.02 },
      { name: 'Graphite anode', element: 'C', casNumber: '7782-42-5', share: 0.18 },
      { name: 'Aluminium foil', element: 'Al', share: 0.05 },
      { name: 'Copper foil', element: 'Cu', share: 0.08 },
      { name: 'Electrolyte solvent (ethylene carbonate)', casNumber: '96-49-1', share: 0.1, p: 0.5 },
      { name: 'Phosphorus (LiPF6 electrolyte salt)', element: 'P', share: 0.003 },
      { name: 'Steel can', element: 'Fe', share: 0.2, p: 0.5 },
      { name: 'PVDF binder', casNumber: '24937-79-9', share: 0.02, p: 0.4 },
    ],
  },
  lfpCell: {
    names: ['LFP prismatic cell', 'LFP 32700 cell'],
    quantity: [8, 32],
    hazards: ['high voltage'],
    ingredients: [
      { name: 'Iron (LiFePO4 cathode)', element: 'Fe', share: 0.12 },
      { name: 'Phosphorus (LiFePO4 cathode)', element: 'P', casNumber: '7723-14-0', share: 0.07 },
      { name: 'Lithium', element: 'Li', casNumber: '7439-93-2', share: 0.015 },
      { name: 'Graphite anode', element: 'C', casNumber: '7782-42-5', share: 0.16 },
      { name: 'Aluminium foil and can', element: 'Al', casNumber: '7429-90-5', share: 0.25 },
      { name: 'Magnesium (can alloy)', element: 'Mg', share: 0.002, p: 0.5 },
      { name: 'Copper foil', element: 'Cu', share: 0.08 },
      { name: 'Electrolyte solvent (ethylene carbonate)', casNumber: '96-49-1', share: 0.1, p: 0.5 },
      { name: 'Phosphorus (LiPF6 electrolyte salt)', element: 'P', share: 0.003 },
    ],
  },
  magnet: {
    names: ['NdFeB magnet segment', 'Rotor magnet'],
    quantity: [4, 48],
    ingredients: [
      { name: 'Neodymium', element: 'Nd', casNumber: '7440-00-8', share: 0.23 },
      { name: 'Praseodymium', element: 'Pr', casNumber: '7440-10-0', share: 0.06 },
      { name: 'Dysprosium', element: 'Dy', casNumber: '7429-91-6', share: 0.03, p: 0.7 },
      { name: 'Iron', element: 'Fe', share: 0.66 },
      { name: 'Boron', element: 'B', casNumber: '7440-42-8', share: 0.01 },
    ],
    hazards: ['strong magnetic field'],
  },
  titanium: {
    names: ['Ti-6Al-4V bracket', 'Titanium flexure', 'Titanium fastener set'],
    ingredients: [
      { name: 'Titanium', element: 'Ti', casNumber: '7440-32-6', share: 0.9 },
      { name: 'Aluminium (alloying)', element: 'Al', share: 0.06 },
      { name: 'Vanadium (alloying)', element: 'V', casNumber: '7440-62-2', share: 0.04 },
    ],
  },
  magnesium: {
    names: ['Magnesium die-cast housing', 'Magnesium carrier'],
    ingredients: [
      { name: 'Magnesium alloy AZ91D', element: 'Mg', casNumber: '7439-95-4', share: 0.9 },
      { name: 'Aluminium (alloying)', element: 'Al', share: 0.09 },
      { name: 'Zinc (alloying)', element: 'Zn', share: 0.01 },
    ],
  },
  composite: {
    names: ['Blade shell', 'Spar cap', 'Nacelle cover'],
    ingredients: [
      { name: 'Glass fibre', casNumber: '65997-17-3', share: 0.6 },
      { name: 'Epoxy resin', casNumber: '25068-38-6', share: 0.3 },
      { name: 'Balsa core (cellulose)', casNumber: '9004-34-6', share: 0.08 },
      { name: 'Carbon fibre', element: 'C', casNumber: '7440-44-0', share: 0.05, p: 0.3 },
    ],
  },
  refrigerant: {
    names: ['Refrigerant circuit', 'Heat exchanger'],
    hazards: ['flammable refrigerant', 'pressurised'],
    ingredients: [
      { name: 'Copper tubing', element: 'Cu', casNumber: '7440-50-8', share: 0.9 },
      { name: 'Propane (R290)', casNumber: '74-98-6', share: 0.1 },
    ],
  },
  oil: {
    names: ['Gearbox oil fill', 'Compressor oil'],
    ingredients: [{ name: 'Mineral oil', casNumber: '8042-47-5', share: 1 }],
  },
  insulation: {
    names: ['Insulation panel', 'Foam lining'],
    ingredients: [{ name: 'Polyurethane foam', casNumber: '9009-54-5', share: 1 }],
  },
};

interface ClusterProfile {
  /** Mass of one product in kg: [min, max]. */
  massKg: [number, number];
  productNames: readonly string[];
  /** Recipes with their weights; top-level components draw from `top`, sub-components from `sub`. */
  top: readonly [RecipeName, number][];
  sub: readonly [RecipeName, number][];
}

const PROFILES: Record<ClusterCode, ClusterProfile> = {
  SOLAR_PV: {
    massKg: [18, 26],
    productNames: ['Solar panel 400 Wp', 'Solar panel 430 Wp bifacial', 'Solar roof tile module', 'Micro-inverter kit'],
    top: [
      ['glass', 3],
      ['aluminium', 3],
      ['encapsulant', 3],
      ['polymer', 2],
      ['cable', 2],
      ['steel', 1],
      ['seal', 1],
    ],
    sub: [
      ['solarCell', 3],
      ['pcb', 2],
      ['chip', 2],
      ['copper', 2],
      ['polymer', 1],
      ['seal', 1],
      ['cable', 1],
    ],
  },
  BATTERY: {
    massKg: [2.5, 120],
    productNames: ['E-bike battery 500 Wh', 'Home storage battery 10 kWh', 'Scooter battery pack', 'Cargo bike battery 750 Wh'],
    top: [
      ['aluminium', 3],
      ['polymer', 2],
      ['steel', 2],
      ['magnesium', 1],
      ['cable', 2],
      ['copper', 2],
      ['seal', 1],
    ],
    sub: [
      ['nmcCell', 1],
      ['lfpCell', 1],
      ['pcb', 2],
      ['chip', 2],
      ['copper', 2],
      ['polymer', 1],
      ['cable', 1],
    ],
  },
  WIND_PARK: {
    massKg: [2000, 60000],
    productNames: ['Direct-drive generator', 'Nacelle assembly 3.6 MW', 'Rotor blade set', 'Pitch system'],
    top: [
      ['steel', 4],
      ['composite', 3],
      ['copper', 2],
      ['aluminium', 1],
      ['oil', 1],
      ['titanium', 1],
    ],
    sub: [
      ['magnet', 2],
      ['copper', 3],
      ['pcb', 1],
      ['cable', 2],
      ['steel', 2],
      ['chip', 1],
      ['polymer', 1],
      ['seal', 1],
    ],
  },
  HEAT_AS_A_SERVICE: {
    massKg: [60, 220],
    productNames: ['Air-to-water heat pump 8 kW', 'Ground-source heat pump 12 kW', 'Hybrid heat pump', 'Heat interface unit'],
    top: [
      ['steel', 3],
      ['refrigerant', 2],
      ['aluminium', 2],
      ['insulation', 2],
      ['polymer', 1],
      ['cable', 1],
    ],
    sub: [
      ['magnet', 1],
      ['pcb', 2],
      ['chip', 2],
      ['copper', 2],
      ['seal', 2],
      ['polymer', 1],
      ['oil', 1],
      ['steel', 1],
    ],
  },
  HIGH_TECH_EQUIPMENT: {
    massKg: [15, 900],
    productNames: ['Wafer stage module', 'Electron microscope column', 'Laser source module', 'Precision motion stage'],
    top: [
      ['aluminium', 3],
      ['stainless', 2],
      ['titanium', 2],
      ['magnesium', 1],
      ['steel', 1],
      ['glass', 1],
    ],
    sub: [
      ['pcb', 2],
      ['chip', 2],
      ['magnet', 1],
      ['cable', 2],
      ['titanium', 1],
      ['copper', 1],
      ['polymer', 1],
      ['glass', 1],
    ],
  },
};

/** Share of products that hold each focus element of the programme at all (the rest leave it out of every part). */
const FOCUS_SHARES: readonly [string, number][] = [
  ['Sb', 0.3],
  ['P', 0.35],
  ['Mg', 0.5],
  ['Ti', 0.3],
  ['Al', 0.85],
];

const FASTENINGS = ['screwed', 'bolted', 'clipped', 'glued', 'welded', 'soldered', 'riveted', 'press-fit'] as const;
const TOOLS = ['Torx T20 screwdriver', 'Hex key 5 mm', 'Heat gun', 'Spanner 13 mm', 'Desoldering station', 'Crane'];
const LOCATIONS = ['front', 'rear side', 'top', 'bottom', 'inside housing', 'left side', 'centre'];

interface Node {
  key: string;
  recipe: RecipeName;
  name: string;
  quantity: number;
  depth: number;
  children: Node[];
}

function weighted(rng: Rng, all: readonly [RecipeName, number][], excluded: ReadonlySet<string>): RecipeName {
  // A recipe whose base material is an element the product leaves out is not used.
  const options = all.filter(([name]) => !excluded.has(RECIPES[name].ingredients[0].element ?? ''));
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng() * total;
  for (const [name, weight] of options) {
    roll -= weight;
    if (roll <= 0) return name;
  }
  return options[options.length - 1][0];
}

export interface GeneratedProduct {
  productName: string;
  document: Record<string, unknown>;
}

/** One product of `cluster`: a component tree of about 30 components and 80 materials whose masses balance. */
export function generateProduct(rng: Rng, cluster: ClusterCode, unitCount: number | null): GeneratedProduct {
  const profile = PROFILES[cluster];
  const target = integer(rng, 25, 33);
  const excluded = new Set(FOCUS_SHARES.filter(([, share]) => !chance(rng, share)).map(([element]) => element));
  const cellRecipe: RecipeName = !excluded.has('P') && chance(rng, 0.6) ? 'lfpCell' : 'nmcCell';
  const nodes: Node[] = [];
  const newNode = (recipe: RecipeName, depth: number): Node => {
    // A battery pack is built from one cell type.
    const chosen = recipe === 'nmcCell' || recipe === 'lfpCell' ? cellRecipe : recipe;
    const spec: Recipe = RECIPES[chosen];
    const quantity = spec.quantity ? integer(rng, spec.quantity[0], spec.quantity[1]) : chance(rng, 0.2) ? integer(rng, 2, 4) : 1;
    const node = { key: `${chosen}-${nodes.length + 1}`, recipe: chosen, name: pick(rng, spec.names), quantity, depth, children: [] };
    nodes.push(node);
    return node;
  };
  const roots = Array.from({ length: integer(rng, 5, 8) }, () => newNode(weighted(rng, profile.top, excluded), 0));
  while (nodes.length < target) {
    const parent = pick(
      rng,
      nodes.filter((node) => node.depth < 3 && RECIPES[node.recipe].quantity === undefined),
    );
    parent.children.push(newNode(weighted(rng, profile.sub, excluded), parent.depth + 1));
  }

  const productMass = between(rng, profile.massKg[0], profile.massKg[1]);
  const weights = roots.map(() => 0.2 + rng());
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const components = roots.map((root, i) => buildComponent(rng, root, excluded, (productMass * weights[i]) / weightSum / root.quantity));
  const document: Record<string, unknown> = {
    schemaVersion: '1.0',
    productMassKg: Number(components.reduce((sum, c) => sum + (c.massKg as number) * (c.quantity as number), 0).toPrecision(12)),
    utility: { lifetimeYears: integer(rng, 8, 30), industryAverageLifetimeYears: integer(rng, 8, 25) },
    components,
  };
  if (unitCount !== null) document.unitCount = unitCount;
  const clusterData = clusterDataFor(rng, cluster, cellRecipe);
  if (clusterData) document.clusterData = clusterData;
  return { productName: pick(rng, profile.productNames), document };
}

/** A component whose unit mass is about `budgetKg`: its own materials plus its sub-components, balanced exactly. */
function buildComponent(rng: Rng, node: Node, excluded: ReadonlySet<string>, budgetKg: number): Record<string, unknown> {
  const ownShare = node.children.length === 0 ? 1 : between(rng, 0.25, 0.7);
  const childWeights = node.children.map(() => 0.2 + rng());
  const childWeightSum = childWeights.reduce((a, b) => a + b, 0);
  const children = node.children.map((child, i) =>
    buildComponent(rng, child, excluded, (budgetKg * (1 - ownShare) * childWeights[i]) / childWeightSum / child.quantity),
  );
  const spec: Recipe = RECIPES[node.recipe];
  const ownMass = budgetKg * ownShare;
  const materials = spec.ingredients
    .filter((ingredient, i) => !excluded.has(ingredient.element ?? '') && (i === 0 || chance(rng, ingredient.p ?? 1)))
    .map((ingredient) => {
      const material: Record<string, unknown> = { name: ingredient.name };
      if (ingredient.element) material.element = ingredient.element;
      if (ingredient.casNumber) material.casNumber = ingredient.casNumber;
      material.massKg = round(ownMass * ingredient.share * between(rng, 0.9, 1.1));
      if (ingredient.recycled && chance(rng, 0.5)) material.recycledContentPct = integer(rng, 5, 80);
      return material;
    });
  const mass =
    materials.reduce((sum, m) => sum + (m.massKg as number), 0) + children.reduce((sum, c) => sum + (c.massKg as number) * (c.quantity as number), 0);
  const component: Record<string, unknown> = { key: node.key, name: node.name, quantity: node.quantity, massKg: Number(mass.toPrecision(12)) };
  if (chance(rng, 0.3)) component.location = pick(rng, LOCATIONS);
  if (chance(rng, 0.4)) {
    const dismantling: Record<string, unknown> = { fastening: pick(rng, FASTENINGS), timeMinutes: round(between(rng, 0.5, 30)) };
    if (chance(rng, 0.5)) dismantling.toolRequired = pick(rng, TOOLS);
    if (spec.hazards) dismantling.hazards = [...spec.hazards];
    component.dismantling = dismantling;
  }
  component.materials = materials;
  component.components = children;
  return component;
}

function clusterDataFor(rng: Rng, cluster: ClusterCode, cell: RecipeName): Record<string, unknown> | null {
  switch (cluster) {
    case 'SOLAR_PV':
      return {
        technology: pick(rng, ['mono-Si', 'heterojunction', 'poly-Si']),
        peakPowerW: integer(rng, 350, 450),
        moduleEfficiencyPct: round(between(rng, 18, 23)),
      };
    case 'BATTERY':
      return {
        chemistry: cell === 'lfpCell' ? 'LFP' : 'NMC',
        nominalVoltageV: pick(rng, [36, 48, 51.2]),
        batteryCategory: pick(rng, ['LMT', 'industrial']),
        status: 'original',
      };
    case 'HEAT_AS_A_SERVICE':
      return { heatSource: pick(rng, ['heat-pump-air', 'heat-pump-ground', 'hybrid']), ratedHeatOutputKW: integer(rng, 4, 16), refrigerant: 'R290' };
    case 'WIND_PARK':
      return { ratedPowerMW: round(between(rng, 2, 8)), hubHeightM: integer(rng, 80, 160) };
    case 'HIGH_TECH_EQUIPMENT':
      return { equipmentType: 'precision module', refurbishable: chance(rng, 0.7) };
  }
}
