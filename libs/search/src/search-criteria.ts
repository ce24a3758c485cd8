import { RegistryError, type Violation, isUuid } from '@registry/core';
import type { ClusterCode, PassportStatus } from '@registry/prisma-client';

/** The reference data the criteria are checked against (the element table and the critical material lists). */
export interface SearchReference {
  isElement(symbol: string): boolean;
  /** The element symbols a list covers; undefined for an unknown list id. */
  listElements(listId: string): readonly string[] | undefined;
  listIds(): readonly string[];
}

export interface MaterialSearchFilter {
  element?: string | null;
  casNumber?: string | null;
  criticalList?: string | null;
  substanceOfConcern?: boolean | null;
  minMassKg?: number | null;
  cluster?: ClusterCode | null;
  corop?: string | null;
  manufacturerId?: string | null;
  status?: PassportStatus | null;
}

/** A checked component search: which material rows match, before access scoping. */
export interface SearchCriteria {
  /** Element symbols the material must name; null when the search is by CAS number alone. Empty: nothing can match. */
  elements: string[] | null;
  casNumber: string | null;
  /** Hits are substances of concern (PassportSubstanceOfConcern rows); casNumber is then the substance's. */
  substanceOfConcern?: boolean;
  minMassKg: number | null;
  cluster: ClusterCode | null;
  corop: string | null;
  manufacturerId: string | null;
  status: PassportStatus;
  /** Whose grants restricted compositions must name (compositionGrantsApplyTo); null or absent: every composition. */
  compositionReader?: string | null;
}

export interface InventoryFilter {
  elements?: string[] | null;
  criticalList?: string | null;
  cluster?: ClusterCode | null;
  status?: PassportStatus | null;
}

export interface InventoryCriteria {
  /** Element symbols to total; empty when the filters exclude each other. */
  elements: string[];
  cluster: ClusterCode | null;
  status: PassportStatus;
}

/** Keyset position in a hit list ordered by massKgPerProduct descending, then id. */
export interface HitCursor {
  massKgPerProduct: number;
  id: string;
}

export const DEFAULT_STATUS: PassportStatus = 'PUBLISHED';
const COROP = /^CR(0[1-9]|[1-3][0-9]|40)$/;
const CAS_NUMBER = /^(\d{2,7})-(\d{2})-(\d)$/;

/** Checks a component search filter; every problem is reported at once, each naming its field. */
export function readSearchFilter(filter: MaterialSearchFilter, reference: SearchReference): SearchCriteria {
  const violations: Violation[] = [];
  const element = filter.element?.trim() || null;
  const casNumber = filter.casNumber?.trim() || null;
  const criticalList = filter.criticalList?.trim() || null;
  const substanceOfConcern = filter.substanceOfConcern === true;
  if (!element && !casNumber && !criticalList && !substanceOfConcern) {
    throw RegistryError.invalid('filter: give at least one of element, casNumber, criticalList or substanceOfConcern: true', [
      { path: 'filter.element', message: 'one of element, casNumber, criticalList or substanceOfConcern: true is required', keyword: 'required' },
    ]);
  }
  if (element) checkElement(element, 'filter.element', reference, violations);
  if (casNumber && !isCasNumber(casNumber)) {
    violations.push({
      path: 'filter.casNumber',
      message: `"${casNumber}" is not a CAS number with a valid check digit (e.g. 7429-90-5)`,
      keyword: 'casNumber',
    });
  }
  const listElements = criticalList ? checkList(criticalList, 'filter.criticalList', reference, violations) : undefined;
  const minMassKg = filter.minMassKg ?? null;
  if (minMassKg !== null && !(Number.isFinite(minMassKg) && minMassKg >= 0)) {
    violations.push({ path: 'filter.minMassKg', message: 'must be a number of at least 0', keyword: 'minimum' });
  }
  const corop = filter.corop?.trim().toUpperCase() || null;
  if (corop && !COROP.test(corop)) violations.push({ path: 'filter.corop', message: `"${corop}" is not a COROP code (CR01 to CR40)`, keyword: 'pattern' });
  const manufacturerId = filter.manufacturerId?.trim() || null;
  if (manufacturerId && !isUuid(manufacturerId)) {
    violations.push({ path: 'filter.manufacturerId', message: 'is not an organization id', keyword: 'uuid' });
  }
  if (violations.length > 0) throw RegistryError.invalid('The search filter is invalid', violations);

  let elements: string[] | null = element ? [element] : null;
  // A list may map two of its materials to one element (phosphate rock and phosphorus: P); each element counts once.
  if (listElements) elements = elements ? elements.filter((symbol) => listElements.includes(symbol)) : [...new Set(listElements)];
  return {
    elements,
    casNumber,
    ...(substanceOfConcern ? { substanceOfConcern } : {}),
    minMassKg,
    cluster: filter.cluster ?? null,
    corop,
    manufacturerId: manufacturerId?.toLowerCase() ?? null,
    status: filter.status ?? DEFAULT_STATUS,
  };
}

/** Checks inventory arguments: elements or a critical list is required, so the answer stays small. */
export function readInventoryFilter(filter: InventoryFilter, reference: SearchReference): InventoryCriteria {
  const violations: Violation[] = [];
  const requested = filter.elements?.map((symbol) => symbol.trim()) ?? [];
  const criticalList = filter.criticalList?.trim() || null;
  if (requested.length === 0 && !criticalList) {
    throw RegistryError.invalid('Give elements or criticalList: the inventory totals the elements you name', [
      { path: 'elements', message: 'name at least one element, or give criticalList', keyword: 'required' },
    ]);
  }
  requested.forEach((symbol, i) => checkElement(symbol, `elements[${i}]`, reference, violations));
  const listElements = criticalList ? checkList(criticalList, 'criticalList', reference, violations) : undefined;
  if (violations.length > 0) throw RegistryError.invalid('The inventory arguments are invalid', violations);

  const unique = [...new Set(requested)];
  const elements = listElements ? (unique.length > 0 ? unique.filter((symbol) => listElements.includes(symbol)) : [...new Set(listElements)]) : unique;
  return { elements, cluster: filter.cluster ?? null, status: filter.status ?? DEFAULT_STATUS };
}

/** Decodes the `after` cursor of a hit list (already split by readPage). */
export function readHitCursor(values: unknown[] | null): HitCursor | null {
  if (values === null) return null;
  const [mass, id] = values;
  if (values.length !== 2 || typeof mass !== 'number' || !Number.isFinite(mass) || typeof id !== 'string' || !isUuid(id)) {
    throw RegistryError.invalidField('after', 'is not a cursor of componentsContaining', 'cursor');
  }
  return { massKgPerProduct: mass, id };
}

function checkElement(symbol: string, path: string, reference: SearchReference, violations: Violation[]): void {
  if (reference.isElement(symbol)) return;
  const fixed = symbol.charAt(0).toUpperCase() + symbol.slice(1).toLowerCase();
  const hint = fixed !== symbol && reference.isElement(fixed) ? ` (did you mean "${fixed}"?)` : '';
  violations.push({ path, message: `"${symbol}" is not a chemical element symbol${hint}`, keyword: 'element' });
}

function checkList(listId: string, path: string, reference: SearchReference, violations: Violation[]): readonly string[] | undefined {
  const elements = reference.listElements(listId);
  if (!elements) violations.push({ path, message: `"${listId}" is not a critical material list; lists: ${reference.listIds().join(', ')}`, keyword: 'enum' });
  return elements;
}

/** Pattern and check digit of a CAS Registry Number: digits weighted by their position from the right, modulo 10. */
export function isCasNumber(value: string): boolean {
  const match = CAS_NUMBER.exec(value);
  if (!match) return false;
  const digits = match[1] + match[2];
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i + 1);
  return sum % 10 === Number(match[3]);
}
