import { RegistryError } from '@registry/core';
import { isCasNumber, readHitCursor, readInventoryFilter, readSearchFilter, type SearchReference } from './search-criteria';

const reference: SearchReference = {
  isElement: (symbol) => ['Al', 'Mg', 'Sb', 'Cu', 'P', 'Ti'].includes(symbol),
  listElements: (id) => (({ 'NL-CMI-FOCUS': ['Mg', 'Ti', 'Al', 'P', 'Sb'], 'EU-X': ['P', 'Sb', 'P'] }) as Record<string, string[]>)[id],
  listIds: () => ['NL-CMI-FOCUS', 'EU-X'],
};

function violationsOf(action: () => unknown): { path: string; keyword: string; message: string }[] {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError);
    return (error as RegistryError).extensions.violations as { path: string; keyword: string; message: string }[];
  }
  throw new Error('expected a RegistryError');
}

describe('readSearchFilter', () => {
  it('defaults the status to PUBLISHED and normalises COROP codes and ids', () => {
    expect(readSearchFilter({ element: 'Sb', corop: ' cr07 ', manufacturerId: 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE' }, reference)).toEqual({
      elements: ['Sb'],
      casNumber: null,
      minMassKg: null,
      cluster: null,
      corop: 'CR07',
      manufacturerId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      status: 'PUBLISHED',
    });
  });

  it('expands a critical list to its elements and intersects it with an element', () => {
    expect(readSearchFilter({ criticalList: 'NL-CMI-FOCUS' }, reference).elements).toEqual(['Mg', 'Ti', 'Al', 'P', 'Sb']);
    expect(readSearchFilter({ criticalList: 'NL-CMI-FOCUS', element: 'Al' }, reference).elements).toEqual(['Al']);
    expect(readSearchFilter({ criticalList: 'NL-CMI-FOCUS', element: 'Cu' }, reference).elements).toEqual([]);
    expect(readSearchFilter({ casNumber: '7429-90-5' }, reference).elements).toBeNull();
    // Two materials of a list covering one element (phosphate rock and phosphorus) must not double the hits.
    expect(readSearchFilter({ criticalList: 'EU-X' }, reference).elements).toEqual(['P', 'Sb']);
    expect(readInventoryFilter({ criticalList: 'EU-X' }, reference).elements).toEqual(['P', 'Sb']);
  });

  it('requires element, casNumber, criticalList or substanceOfConcern: true', () => {
    expect(violationsOf(() => readSearchFilter({ cluster: 'BATTERY', element: '  ' }, reference))).toEqual([
      expect.objectContaining({ path: 'filter.element', keyword: 'required' }),
    ]);
    expect(violationsOf(() => readSearchFilter({ substanceOfConcern: false }, reference))).toEqual([
      expect.objectContaining({ path: 'filter.element', keyword: 'required' }),
    ]);
    expect(readSearchFilter({ substanceOfConcern: true }, reference)).toMatchObject({ substanceOfConcern: true, elements: null, casNumber: null });
  });

  it('reports every bad field at once, with a hint for a wrongly cased symbol', () => {
    const violations = violationsOf(() =>
      readSearchFilter({ element: 'SB', casNumber: '7429-90-4', criticalList: 'X', minMassKg: Number.NaN, corop: 'CR00', manufacturerId: '42' }, reference),
    );
    expect(violations.map((v) => `${v.path} ${v.keyword}`)).toEqual([
      'filter.element element',
      'filter.casNumber casNumber',
      'filter.criticalList enum',
      'filter.minMassKg minimum',
      'filter.corop pattern',
      'filter.manufacturerId uuid',
    ]);
    expect(violations[0].message).toBe('"SB" is not a chemical element symbol (did you mean "Sb"?)');
    expect(violationsOf(() => readSearchFilter({ element: 'Xx' }, reference))[0].message).toBe('"Xx" is not a chemical element symbol');
  });
});

describe('readInventoryFilter', () => {
  it('needs elements or a list, de-duplicates elements and intersects them with the list', () => {
    expect(violationsOf(() => readInventoryFilter({ elements: [] }, reference))).toEqual([expect.objectContaining({ path: 'elements' })]);
    expect(readInventoryFilter({ elements: ['Sb', 'Sb', 'Cu'] }, reference)).toEqual({ elements: ['Sb', 'Cu'], cluster: null, status: 'PUBLISHED' });
    expect(readInventoryFilter({ elements: ['Sb', 'Cu'], criticalList: 'NL-CMI-FOCUS', status: 'ARCHIVED' }, reference)).toEqual({
      elements: ['Sb'],
      cluster: null,
      status: 'ARCHIVED',
    });
    expect(violationsOf(() => readInventoryFilter({ elements: ['Al', 'Qq'] }, reference)).map((v) => v.path)).toEqual(['elements[1]']);
  });
});

describe('readHitCursor', () => {
  it('accepts [mass, id] and refuses anything else, naming `after`', () => {
    expect(readHitCursor(null)).toBeNull();
    expect(readHitCursor([0.5, 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'])).toEqual({ massKgPerProduct: 0.5, id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' });
    for (const bad of [['0.5', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'], [0.5, 'x'], [0.5], ['2024-01-01T00:00:00Z', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee']]) {
      expect(violationsOf(() => readHitCursor(bad))).toEqual([expect.objectContaining({ path: 'after', keyword: 'cursor' })]);
    }
  });
});

describe('isCasNumber', () => {
  it('checks the pattern and the check digit', () => {
    expect(['7429-90-5', '7440-36-0', '1309-64-4', '25037-45-0'].every(isCasNumber)).toBe(true);
    expect(['7429-90-4', '7429905', '7429-9-5', 'abc'].some(isCasNumber)).toBe(false);
  });
});
