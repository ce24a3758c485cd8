import type { ListEntry } from '@registry/chemistry';

export interface CriticalListData {
  id: string;
  name: string;
  version: string;
  source: string;
  publishedOn: string;
  /**
   * Each material of the list: the regulation's wording, the element symbols it covers (a mineral with no single
   * element covers none) and, where the wording names one, its form (see matchListEntry in @registry/chemistry).
   */
  materials: ListEntry[];
}

const LIGHT_REE = ['La', 'Ce', 'Pr', 'Nd', 'Sm'];
const HEAVY_REE = ['Eu', 'Gd', 'Tb', 'Dy', 'Ho', 'Er', 'Tm', 'Yb', 'Lu', 'Y'];
const PGM = ['Ru', 'Rh', 'Pd', 'Os', 'Ir', 'Pt'];

/**
 * Versioned reference lists. Entries naming a fuel or an ore (coking coal, phosphate rock, bauxite) or natural graphite
 * never count an element inside a manufactured product by itself; NL-CMI-FOCUS is about the elements in any form.
 * A list is never edited once shipped: a revised list (the EU reviews its lists every
 * three years) is added under a new id, so every flag can say which list version it came from.
 */
export const CRITICAL_LISTS: readonly CriticalListData[] = [
  {
    id: 'EU-CRMA-2024-CRITICAL',
    name: 'EU critical raw materials (Critical Raw Materials Act, Annex II)',
    version: '2024',
    source: 'Regulation (EU) 2024/1252, Annex II, Section 1',
    publishedOn: '2024-05-03',
    materials: [
      { name: 'antimony', elements: ['Sb'] },
      { name: 'arsenic', elements: ['As'] },
      { name: 'bauxite/alumina/aluminium', elements: ['Al'] },
      { name: 'baryte', elements: ['Ba'] },
      { name: 'beryllium', elements: ['Be'] },
      { name: 'bismuth', elements: ['Bi'] },
      { name: 'boron', elements: ['B'] },
      { name: 'cobalt', elements: ['Co'] },
      { name: 'coking coal', elements: ['C'], form: 'FUEL' },
      { name: 'copper', elements: ['Cu'] },
      { name: 'feldspar', elements: [] },
      { name: 'fluorspar', elements: ['F'] },
      { name: 'gallium', elements: ['Ga'] },
      { name: 'germanium', elements: ['Ge'] },
      { name: 'hafnium', elements: ['Hf'] },
      { name: 'helium', elements: ['He'] },
      { name: 'heavy rare earth elements', elements: HEAVY_REE },
      { name: 'light rare earth elements', elements: LIGHT_REE },
      { name: 'lithium', elements: ['Li'] },
      { name: 'magnesium', elements: ['Mg'] },
      { name: 'manganese', elements: ['Mn'] },
      // Annex II reads "natural graphite"; the entry keeps the name it was shipped (and seeded) with.
      { name: 'graphite', elements: ['C'], form: 'NATURAL_GRAPHITE' },
      { name: 'nickel (battery grade)', elements: ['Ni'], form: 'BATTERY_GRADE' },
      { name: 'niobium', elements: ['Nb'] },
      { name: 'phosphate rock', elements: ['P'], form: 'ORE' },
      { name: 'phosphorus', elements: ['P'] },
      { name: 'platinum group metals', elements: PGM },
      { name: 'scandium', elements: ['Sc'] },
      { name: 'silicon metal', elements: ['Si'], form: 'METAL' },
      { name: 'strontium', elements: ['Sr'] },
      { name: 'tantalum', elements: ['Ta'] },
      { name: 'titanium metal', elements: ['Ti'], form: 'METAL' },
      { name: 'tungsten', elements: ['W'] },
      { name: 'vanadium', elements: ['V'] },
    ],
  },
  {
    id: 'EU-CRMA-2024-STRATEGIC',
    name: 'EU strategic raw materials (Critical Raw Materials Act, Annex I)',
    version: '2024',
    source: 'Regulation (EU) 2024/1252, Annex I, Section 1',
    publishedOn: '2024-05-03',
    materials: [
      { name: 'bauxite/alumina/aluminium', elements: ['Al'] },
      { name: 'bismuth', elements: ['Bi'] },
      { name: 'boron (metallurgy grade)', elements: ['B'], form: 'METALLURGY_GRADE' },
      { name: 'cobalt', elements: ['Co'] },
      { name: 'copper', elements: ['Cu'] },
      { name: 'gallium', elements: ['Ga'] },
      { name: 'germanium', elements: ['Ge'] },
      { name: 'lithium (battery grade)', elements: ['Li'], form: 'BATTERY_GRADE' },
      { name: 'magnesium metal', elements: ['Mg'], form: 'METAL' },
      { name: 'manganese (battery grade)', elements: ['Mn'], form: 'BATTERY_GRADE' },
      { name: 'graphite (battery grade)', elements: ['C'], form: 'BATTERY_GRADE_GRAPHITE' },
      { name: 'nickel (battery grade)', elements: ['Ni'], form: 'BATTERY_GRADE' },
      { name: 'platinum group metals', elements: PGM },
      { name: 'rare earth elements for permanent magnets', elements: ['Nd', 'Pr', 'Tb', 'Dy', 'Gd', 'Sm', 'Ce'] },
      { name: 'silicon metal', elements: ['Si'], form: 'METAL' },
      { name: 'titanium metal', elements: ['Ti'], form: 'METAL' },
      { name: 'tungsten', elements: ['W'] },
    ],
  },
  {
    id: 'EU-2020',
    name: 'EU list of critical raw materials 2020',
    version: '2020',
    source: 'COM(2020) 474, Critical Raw Materials Resilience',
    publishedOn: '2020-09-03',
    materials: [
      { name: 'antimony', elements: ['Sb'] },
      { name: 'baryte', elements: ['Ba'] },
      { name: 'bauxite', elements: ['Al'], form: 'ORE' },
      { name: 'beryllium', elements: ['Be'] },
      { name: 'bismuth', elements: ['Bi'] },
      { name: 'borate', elements: ['B'] },
      { name: 'cobalt', elements: ['Co'] },
      { name: 'coking coal', elements: ['C'], form: 'FUEL' },
      { name: 'fluorspar', elements: ['F'] },
      { name: 'gallium', elements: ['Ga'] },
      { name: 'germanium', elements: ['Ge'] },
      { name: 'hafnium', elements: ['Hf'] },
      { name: 'heavy rare earth elements', elements: HEAVY_REE },
      { name: 'light rare earth elements', elements: LIGHT_REE },
      { name: 'indium', elements: ['In'] },
      { name: 'lithium', elements: ['Li'] },
      { name: 'magnesium', elements: ['Mg'] },
      { name: 'natural graphite', elements: ['C'], form: 'NATURAL_GRAPHITE' },
      { name: 'natural rubber', elements: [] },
      { name: 'niobium', elements: ['Nb'] },
      { name: 'platinum group metals', elements: PGM },
      { name: 'phosphate rock', elements: ['P'], form: 'ORE' },
      { name: 'phosphorus', elements: ['P'] },
      { name: 'scandium', elements: ['Sc'] },
      { name: 'silicon metal', elements: ['Si'], form: 'METAL' },
      { name: 'strontium', elements: ['Sr'] },
      { name: 'tantalum', elements: ['Ta'] },
      { name: 'titanium', elements: ['Ti'] },
      { name: 'tungsten', elements: ['W'] },
      { name: 'vanadium', elements: ['V'] },
    ],
  },
  {
    id: 'NL-CMI-FOCUS',
    name: 'Focus metals of the Dutch programme for a circular manufacturing industry',
    version: '2021',
    source: 'Uitvoeringsprogramma Circulaire Maakindustrie, facts and figures 2021',
    publishedOn: '2021-01-01',
    materials: [
      { name: 'magnesium', elements: ['Mg'] },
      { name: 'titanium', elements: ['Ti'] },
      { name: 'aluminium', elements: ['Al'] },
      { name: 'phosphorus', elements: ['P'] },
      { name: 'antimony', elements: ['Sb'] },
    ],
  },
];
