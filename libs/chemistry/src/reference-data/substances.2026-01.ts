// Reference substances, version 2026-01: what a CAS number alone tells about a material's chemistry.
//
// A shipped version is never edited: corrections and additions go into a new file (substances.<yyyy-mm>.ts) with a
// new version id, and ../substances.ts points at it, so that every derived figure can say which table it used.
//
// CAS numbers are those of the CAS Registry (as listed by CAS Common Chemistry and the ECHA substance infocards);
// their check digits are verified by substances.spec.ts. Formulas are the stoichiometric formulas of the compounds.
// Where one CAS number covers several stoichiometries (NMC, NCA) the formula is null and `elements` lists the
// elements any of them must have: the material must state its formula to be decomposed.
import type { MaterialForm } from '../material-form';

export interface ReferenceSubstance {
  /** CAS Registry Number, or null for a substance without one in common use (then it is matched by formula only). */
  casNumber: string | null;
  name: string;
  /** Stoichiometric formula; null when the CAS number covers several stoichiometries. */
  formula: string | null;
  /** The elements of a substance without a single formula (a declared formula must have exactly these). */
  elements?: readonly string[];
  /** What the substance is, for list entries named by form (e.g. cathode materials are battery grade). */
  forms: readonly MaterialForm[];
  source: string;
  note?: string;
}

export interface SubstanceTable {
  /** Stable id, e.g. SUBSTANCES-2026-01; a revised table gets a new id. */
  version: string;
  publishedOn: string;
  substances: readonly ReferenceSubstance[];
}

const CAS = 'CAS Registry (CAS Common Chemistry)';
const AMBIGUOUS = 'the CAS number covers several stoichiometries: declare the formula';

/** A pure metal: the element's CAS number, carried in products as metal. */
function metal(name: string, symbol: string, casNumber: string): ReferenceSubstance {
  return { casNumber, name, formula: symbol, forms: ['METAL'], source: CAS };
}

export const SUBSTANCES_2026_01: SubstanceTable = {
  version: 'SUBSTANCES-2026-01',
  publishedOn: '2026-01-15',
  substances: [
    // Battery cathodes: battery grade (covers the Ni, Co, Li and Mn of the CRMA's "battery grade" entries).
    { casNumber: '15365-14-7', name: 'Lithium iron phosphate (LFP)', formula: 'LiFePO4', forms: ['BATTERY_GRADE'], source: CAS },
    {
      casNumber: '346417-97-8',
      name: 'Lithium nickel manganese cobalt oxide (NMC)',
      formula: null,
      elements: ['Li', 'Ni', 'Mn', 'Co', 'O'],
      forms: ['BATTERY_GRADE'],
      source: CAS,
      note: `${AMBIGUOUS}, e.g. NMC 111 LiNi0.333Mn0.333Co0.333O2, NMC 532 LiNi0.5Mn0.3Co0.2O2, NMC 622 LiNi0.6Mn0.2Co0.2O2, NMC 811 LiNi0.8Mn0.1Co0.1O2`,
    },
    {
      casNumber: '182442-95-1',
      name: 'Lithium manganese nickel cobalt oxide (NMC)',
      formula: null,
      elements: ['Li', 'Ni', 'Mn', 'Co', 'O'],
      forms: ['BATTERY_GRADE'],
      source: CAS,
      note: `${AMBIGUOUS}; used for NMC 111, 532, 622 and 811 alike`,
    },
    {
      casNumber: '193214-24-3',
      name: 'Lithium nickel cobalt aluminium oxide (NCA)',
      formula: null,
      elements: ['Li', 'Ni', 'Co', 'Al', 'O'],
      forms: ['BATTERY_GRADE'],
      source: CAS,
      note: `${AMBIGUOUS}, most often LiNi0.8Co0.15Al0.05O2`,
    },
    { casNumber: '12190-79-3', name: 'Lithium cobalt oxide (LCO)', formula: 'LiCoO2', forms: ['BATTERY_GRADE'], source: CAS },
    { casNumber: '12057-17-9', name: 'Lithium manganese oxide (LMO, spinel)', formula: 'LiMn2O4', forms: ['BATTERY_GRADE'], source: CAS },
    // Electrolyte salt and anode.
    { casNumber: '21324-40-3', name: 'Lithium hexafluorophosphate', formula: 'LiPF6', forms: ['BATTERY_GRADE'], source: CAS },
    {
      casNumber: '7782-42-5',
      name: 'Graphite',
      formula: 'C',
      forms: ['GRAPHITE'],
      source: CAS,
      note: 'natural and synthetic graphite share the CAS number: declare the form "natural-graphite" (and "battery-grade" for anode grades)',
    },
    { casNumber: '1333-86-4', name: 'Carbon black', formula: 'C', forms: [], source: CAS, note: 'not graphite' },
    { casNumber: '554-13-2', name: 'Lithium carbonate', formula: 'Li2CO3', forms: [], source: CAS },
    { casNumber: '1310-66-3', name: 'Lithium hydroxide monohydrate', formula: 'LiOH·H2O', forms: [], source: CAS },
    // Oxides, semiconductors, magnets.
    { casNumber: '1309-64-4', name: 'Antimony trioxide', formula: 'Sb2O3', forms: [], source: CAS },
    { casNumber: '13463-67-7', name: 'Titanium dioxide', formula: 'TiO2', forms: [], source: CAS },
    { casNumber: '1344-28-1', name: 'Aluminium oxide (alumina)', formula: 'Al2O3', forms: [], source: CAS },
    { casNumber: '1309-48-4', name: 'Magnesium oxide', formula: 'MgO', forms: [], source: CAS },
    { casNumber: '409-21-2', name: 'Silicon carbide', formula: 'SiC', forms: [], source: CAS },
    { casNumber: '7631-86-9', name: 'Silicon dioxide (silica)', formula: 'SiO2', forms: [], source: CAS },
    { casNumber: '1306-25-8', name: 'Cadmium telluride', formula: 'CdTe', forms: [], source: CAS },
    { casNumber: '1303-00-0', name: 'Gallium arsenide', formula: 'GaAs', forms: [], source: CAS },
    { casNumber: '22398-80-7', name: 'Indium phosphide', formula: 'InP', forms: [], source: CAS },
    { casNumber: '7758-99-8', name: 'Copper(II) sulfate pentahydrate', formula: 'CuSO4·5H2O', forms: [], source: CAS },
    {
      casNumber: null,
      name: 'Neodymium iron boron magnet phase',
      formula: 'Nd2Fe14B',
      forms: ['METAL'],
      source: 'stoichiometric formula of the tetragonal magnet phase',
      note: 'no CAS number in common use: declare the formula (commercial magnets substitute Dy and Pr for part of the Nd)',
    },
    { casNumber: '12017-68-4', name: 'Samarium cobalt (SmCo5)', formula: 'SmCo5', forms: ['METAL'], source: CAS },
    // Flame retardants.
    { casNumber: '7723-14-0', name: 'Phosphorus (red phosphorus)', formula: 'P', forms: [], source: CAS },
    {
      casNumber: '68333-79-9',
      name: 'Ammonium polyphosphate',
      formula: 'NH4PO3',
      forms: [],
      source: CAS,
      note: 'polymer (NH4PO3)n: the formula of its repeat unit gives the same mass fractions',
    },
    { casNumber: '115-86-6', name: 'Triphenyl phosphate', formula: 'C18H15O4P', forms: [], source: CAS },
    { casNumber: '79-94-7', name: 'Tetrabromobisphenol A (TBBPA)', formula: 'C15H12Br4O2', forms: [], source: CAS },
    { casNumber: '21645-51-2', name: 'Aluminium hydroxide', formula: 'Al(OH)3', forms: [], source: CAS },
    { casNumber: '1309-42-8', name: 'Magnesium hydroxide', formula: 'Mg(OH)2', forms: [], source: CAS },
    // Pure metals (and metalloids carried as the element).
    metal('Aluminium', 'Al', '7429-90-5'),
    metal('Magnesium', 'Mg', '7439-95-4'),
    metal('Titanium', 'Ti', '7440-32-6'),
    metal('Antimony', 'Sb', '7440-36-0'),
    metal('Copper', 'Cu', '7440-50-8'),
    metal('Iron', 'Fe', '7439-89-6'),
    metal('Nickel', 'Ni', '7440-02-0'),
    metal('Cobalt', 'Co', '7440-48-4'),
    metal('Lithium', 'Li', '7439-93-2'),
    metal('Manganese', 'Mn', '7439-96-5'),
    metal('Silicon', 'Si', '7440-21-3'),
    metal('Neodymium', 'Nd', '7440-00-8'),
    metal('Praseodymium', 'Pr', '7440-10-0'),
    metal('Dysprosium', 'Dy', '7429-91-6'),
    metal('Terbium', 'Tb', '7440-27-9'),
    metal('Samarium', 'Sm', '7440-19-9'),
    metal('Gallium', 'Ga', '7440-55-3'),
    metal('Indium', 'In', '7440-74-6'),
    metal('Silver', 'Ag', '7440-22-4'),
    metal('Gold', 'Au', '7440-57-5'),
    metal('Lead', 'Pb', '7439-92-1'),
    metal('Tin', 'Sn', '7440-31-5'),
    metal('Zinc', 'Zn', '7440-66-6'),
    metal('Chromium', 'Cr', '7440-47-3'),
    metal('Tungsten', 'W', '7440-33-7'),
    metal('Vanadium', 'V', '7440-62-2'),
    metal('Germanium', 'Ge', '7440-56-4'),
    metal('Tellurium', 'Te', '13494-80-9'),
    metal('Cadmium', 'Cd', '7440-43-9'),
    metal('Platinum', 'Pt', '7440-06-4'),
    metal('Palladium', 'Pd', '7440-05-3'),
    metal('Rhodium', 'Rh', '7440-16-6'),
    metal('Iridium', 'Ir', '7439-88-5'),
    metal('Ruthenium', 'Ru', '7440-18-8'),
    metal('Molybdenum', 'Mo', '7439-98-7'),
    metal('Niobium', 'Nb', '7440-03-1'),
    metal('Tantalum', 'Ta', '7440-25-7'),
    metal('Bismuth', 'Bi', '7440-69-9'),
    metal('Hafnium', 'Hf', '7440-58-6'),
    metal('Zirconium', 'Zr', '7440-67-7'),
    metal('Beryllium', 'Be', '7440-41-7'),
    metal('Scandium', 'Sc', '7440-20-2'),
    metal('Strontium', 'Sr', '7440-24-6'),
    { casNumber: '7440-42-8', name: 'Boron', formula: 'B', forms: [], source: CAS },
  ],
};
