// Forms: what a material is, beyond which elements it contains. Lists of critical raw materials name some entries by
// form ("titanium metal", "nickel - battery grade", "natural graphite", "coking coal", "phosphate rock").

/** What a material is: declared in the composition (`forms`) or known from its reference substance. */
export type MaterialForm =
  /** The element as metal or alloy (not a compound): titanium metal, silicon metal, magnesium metal. */
  | 'METAL'
  /** Processed to battery grade: cathode materials, battery-grade lithium salts, anode graphite. */
  | 'BATTERY_GRADE'
  /** Processed to metallurgy grade (boron for NdFeB magnets, steel). */
  | 'METALLURGY_GRADE'
  /** Graphite, natural or synthetic: the carbon allotrope, not carbon in steel, plastics or carbonates. */
  | 'GRAPHITE'
  /** Graphite mined as such (implies GRAPHITE). */
  | 'NATURAL_GRAPHITE'
  /** An ore or mineral concentrate as mined: bauxite, phosphate rock. */
  | 'ORE'
  /** A fuel: coking coal. */
  | 'FUEL';

export const MATERIAL_FORMS: readonly MaterialForm[] = ['METAL', 'BATTERY_GRADE', 'METALLURGY_GRADE', 'GRAPHITE', 'NATURAL_GRAPHITE', 'ORE', 'FUEL'];

/** Spelling in composition documents (lowercase with hyphens, like the documents' other enums). */
const DOCUMENT_SPELLING: Record<MaterialForm, string> = {
  METAL: 'metal',
  BATTERY_GRADE: 'battery-grade',
  METALLURGY_GRADE: 'metallurgy-grade',
  GRAPHITE: 'graphite',
  NATURAL_GRAPHITE: 'natural-graphite',
  ORE: 'ore',
  FUEL: 'fuel',
};
const FROM_DOCUMENT = new Map(MATERIAL_FORMS.map((form) => [DOCUMENT_SPELLING[form], form]));

/** The form a composition document spells e.g. "natural-graphite", or undefined for anything else. */
export function formFromDocument(value: string): MaterialForm | undefined {
  return FROM_DOCUMENT.get(value);
}

export function formToDocument(form: MaterialForm): string {
  return DOCUMENT_SPELLING[form];
}

/** Forms one form implies: natural graphite is graphite. */
export function withImpliedForms(forms: Iterable<MaterialForm>): Set<MaterialForm> {
  const all = new Set(forms);
  if (all.has('NATURAL_GRAPHITE')) all.add('GRAPHITE');
  return all;
}
