// Whether a material counts toward an entry of a critical raw materials list. The regulations name some entries by
// form ("titanium metal", "nickel - battery grade", "natural graphite", "coking coal", "phosphate rock"): a material
// meets the form (FORM), or only contains the element (ELEMENT), or does not count (no match).
import type { ElementShare } from './decompose-material';
import { withImpliedForms, type MaterialForm } from './material-form';

/** The form an entry's wording names. */
export type ListEntryForm =
  | 'METAL'
  | 'BATTERY_GRADE'
  | 'METALLURGY_GRADE'
  | 'NATURAL_GRAPHITE'
  /** Graphite of battery grade ("graphite - battery grade"): both forms. */
  | 'BATTERY_GRADE_GRAPHITE'
  | 'ORE'
  | 'FUEL';

export interface ListEntry {
  /** The regulation's wording, e.g. "nickel (battery grade)". */
  name: string;
  /** The element symbols the entry covers (none for a mineral that is no single element, e.g. feldspar). */
  elements: readonly string[];
  /** The form the wording names; absent for an entry about the element in any form. */
  form?: ListEntryForm;
}

export type ListMatch = 'FORM' | 'ELEMENT';

/**
 * Forms that describe a substance rather than a grade of the element: the element alone says nothing about them. The
 * carbon of steel or plastics is neither coking coal nor graphite; the phosphorus of LiFePO4 is not phosphate rock.
 */
const SUBSTANCE_FORMS: ReadonlySet<ListEntryForm> = new Set(['NATURAL_GRAPHITE', 'BATTERY_GRADE_GRAPHITE', 'ORE', 'FUEL']);

/** Whether a material with these forms meets the entry's form. */
function meetsForm(form: ListEntryForm, forms: ReadonlySet<MaterialForm>): boolean {
  switch (form) {
    case 'BATTERY_GRADE_GRAPHITE':
      return forms.has('GRAPHITE') && forms.has('BATTERY_GRADE');
    case 'METAL':
    case 'BATTERY_GRADE':
    case 'METALLURGY_GRADE':
    case 'NATURAL_GRAPHITE':
    case 'ORE':
    case 'FUEL':
      return forms.has(form);
  }
}

/**
 * How one element of a material counts toward a list entry. FORM: the entry names a form and the material meets it.
 * ELEMENT: the entry is about the element in any form (like every NL-CMI-FOCUS entry), or names a grade (metal,
 * battery grade, metallurgy grade) the material does not meet. No match (null): the entry does not cover the element,
 * or names a substance form (ore, fuel, natural or battery-grade graphite) the material does not meet.
 */
export function matchListEntryElement(entry: ListEntry, element: string, forms: Iterable<MaterialForm>): ListMatch | null {
  if (!entry.elements.includes(element)) return null;
  if (entry.form === undefined) return 'ELEMENT';
  if (meetsForm(entry.form, withImpliedForms(forms))) return 'FORM';
  return SUBSTANCE_FORMS.has(entry.form) ? null : 'ELEMENT';
}

/** How a material (its element shares and forms) counts toward a list entry: its best match over its elements. */
export function matchListEntry(
  entry: ListEntry,
  material: { shares: readonly Pick<ElementShare, 'element' | 'massFraction'>[]; forms: Iterable<MaterialForm> },
): ListMatch | null {
  const forms = [...material.forms];
  let best: ListMatch | null = null;
  for (const share of material.shares) {
    if (!(share.massFraction > 0)) continue;
    const match = matchListEntryElement(entry, share.element, forms);
    if (match === 'FORM') return 'FORM';
    best = best ?? match;
  }
  return best;
}
