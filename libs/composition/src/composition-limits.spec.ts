import {
  documentLimitViolations,
  MAX_COMPONENT_DEPTH,
  MAX_COMPONENTS,
  MAX_EXTENSION_SIZE,
  MAX_LIST_ITEMS,
  MAX_MATERIALS,
  MAX_NESTING_DEPTH,
  MAX_STRING_LENGTH,
} from './composition-limits';
import type { ComponentDocument, CompositionDocument } from './composition.types';
import { CompositionValidator } from './composition.validator';

function part(key: string, components: ComponentDocument[] = []): ComponentDocument {
  return { key, name: 'Part', quantity: 1, massKg: 0, materials: [], components };
}

/** Components nested `levels` deep: the innermost one has depth levels - 1. */
function chain(levels: number, keyLength = 8): CompositionDocument {
  let component = part('k'.repeat(keyLength - String(levels).length) + String(levels));
  for (let level = levels - 1; level >= 1; level--) component = part('k'.repeat(keyLength - String(level).length) + String(level), [component]);
  return { schemaVersion: '1.0', components: [component] };
}

const keywords = (document: unknown) => documentLimitViolations(document).map((v) => [v.path, v.keyword]);

describe('document limits', () => {
  const validator = new CompositionValidator();

  it(`accepts components nested ${MAX_COMPONENT_DEPTH} deep with keys of 64 characters`, () => {
    const document = chain(MAX_COMPONENT_DEPTH + 1, 64);
    expect(validator.validate(document, 'HIGH_TECH_EQUIPMENT')).toEqual([]);
  });

  it(`refuses a component at depth ${MAX_COMPONENT_DEPTH + 1}, naming the limit and where`, () => {
    const violations = validator.validate(chain(MAX_COMPONENT_DEPTH + 2), 'HIGH_TECH_EQUIPMENT');
    expect(violations).toEqual([
      {
        path: '/components/0' + '/components/0'.repeat(MAX_COMPONENT_DEPTH + 1),
        keyword: 'maxComponentDepth',
        message: `components are nested deeper than ${MAX_COMPONENT_DEPTH} levels (MAX_COMPONENT_DEPTH)`,
      },
    ]);
  });

  it('refuses nesting 2,500 deep without overflowing the stack', () => {
    expect(validator.validate(chain(2500), 'HIGH_TECH_EQUIPMENT').map((v) => v.keyword)).toEqual(['maxComponentDepth']);
  });

  it('refuses any value nested too deep, also in extension data', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const document = { ...chain(1), 'x-deep': deep };
    expect(validator.validate(document, 'HIGH_TECH_EQUIPMENT')).toEqual([
      expect.objectContaining({ keyword: 'maxNestingDepth', path: '/x-deep' + '/0'.repeat(MAX_NESTING_DEPTH - 1) }),
    ]);
  });

  it('refuses an extension array of 1,000,000 numbers quickly, before the schema runs', () => {
    const document = { ...chain(1), components: [{ ...part('frame'), 'x-samples': Array.from({ length: 1_000_000 }, (_, i) => i) }] };
    const started = performance.now();
    const violations = validator.validate(document, 'HIGH_TECH_EQUIPMENT');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(violations).toEqual([
      {
        path: '/components/0/x-samples',
        keyword: 'maxExtensionSize',
        message: `extension data ("x-" properties) exceeds ${MAX_EXTENSION_SIZE} characters serialized (MAX_EXTENSION_SIZE)`,
      },
    ]);
  });

  it('counts extension data over the whole document', () => {
    // Strings of 8,000 characters (under MAX_STRING_LENGTH), four in the document and four in the component.
    const strings = (count: number) => Array.from({ length: count }, () => 'a'.repeat(8000));
    const within = { ...chain(1), 'x-a': strings(4) };
    within.components[0]['x-b'] = strings(3);
    expect(keywords(within)).toEqual([]);
    const over = { ...chain(1), 'x-a': strings(4) };
    over.components[0]['x-b'] = strings(5);
    // Walked in document order: the components' extension data first, so the document's own crosses the limit.
    expect(keywords(over)).toEqual([['/x-a', 'maxExtensionSize']]);
  });

  it(`refuses more than ${MAX_COMPONENTS} components and more than ${MAX_MATERIALS} materials`, () => {
    const many = { schemaVersion: '1.0', components: Array.from({ length: MAX_COMPONENTS + 1 }, (_, i) => part(`p${i}`)) };
    expect(keywords(many)).toEqual([['/components', 'maxComponents']]);
    const steel = { name: 'Steel', element: 'Fe', massKg: 0 };
    const heavy = {
      schemaVersion: '1.0',
      components: [0, 1].map((i) => ({ ...part(`p${i}`), materials: Array.from({ length: MAX_MATERIALS / 2 + i }, () => steel) })),
    };
    expect(keywords(heavy)).toEqual([['/components/1/materials', 'maxMaterials']]);
    const oneList = { schemaVersion: '1.0', components: [{ ...part('p'), materials: Array.from({ length: MAX_MATERIALS + 1 }, () => steel) }] };
    expect(keywords(oneList)).toEqual([['/components/0/materials', 'maxMaterials']]);
  });

  it('refuses any list longer than MAX_LIST_ITEMS', () => {
    const document = chain(1);
    document.components[0].dismantling = { hazards: new Array(MAX_LIST_ITEMS + 1).fill('sharp edges') };
    expect(keywords(document)).toEqual([['/components/0/dismantling/hazards', 'maxListItems']]);
    document.components[0].dismantling = { hazards: new Array(MAX_LIST_ITEMS).fill('sharp edges') };
    expect(keywords(document)).toEqual([]);
  });

  it('refuses keys over 64 characters, long strings and NUL characters, naming each', () => {
    const document = chain(2);
    document.components[0].key = 'k'.repeat(65);
    document.components[0].components[0].name = 'Cell\u0000';
    document.components[0].description = 'x'.repeat(MAX_STRING_LENGTH + 1);
    document.components[0][`x-${'y'.repeat(70)}`] = 1;
    document['x-note'] = { 'a\u0000b': 'text' };
    expect(documentLimitViolations(document)).toEqual([
      { path: '/components/0/x-' + 'y'.repeat(62), keyword: 'maxKeyLength', message: 'key of 72 characters; at most 64 are accepted (MAX_KEY_LENGTH)' },
      { path: '/components/0/key', keyword: 'maxKeyLength', message: 'key of 65 characters; at most 64 are accepted (MAX_KEY_LENGTH)' },
      { path: '/components/0/components/0/name', keyword: 'nulCharacter', message: 'must not contain the NUL character (U+0000)' },
      {
        path: '/components/0/description',
        keyword: 'maxStringLength',
        message: `string of ${MAX_STRING_LENGTH + 1} characters; at most ${MAX_STRING_LENGTH} are accepted (MAX_STRING_LENGTH)`,
      },
      { path: '/x-note/a\u0000b', keyword: 'nulCharacter', message: 'key must not contain the NUL character (U+0000)' },
    ]);
  });
});

describe('all violations at once', () => {
  const validator = new CompositionValidator();

  it('reports a negative mass, a wrong CAS check digit and an unknown element together, each once', () => {
    const document = chain(1);
    document.components[0].materials = [
      { name: 'Aluminium', element: 'Al', casNumber: '7429-90-4', massKg: 1 },
      { name: 'Magnesium', element: 'Mg', massKg: -0.5 },
      { name: 'Unobtainium', element: 'Uo', massKg: 0 },
      // Refused by the schema's patterns: not reported again by the rules.
      { name: 'Bad', element: 'fe', casNumber: '7429905', massKg: 0 },
    ];
    expect(validator.validate(document, 'HIGH_TECH_EQUIPMENT').map((v) => [v.path, v.keyword])).toEqual([
      ['/components/0/materials/0/casNumber', 'casCheckDigit'],
      ['/components/0/materials/1/massKg', 'finiteMass'],
      ['/components/0/materials/2/element', 'element'],
      ['/components/0/materials/3/element', 'pattern'],
      ['/components/0/materials/3/casNumber', 'pattern'],
    ]);
  });

  it('reports one missing currency once, naming every amount that needs it', () => {
    const document = chain(1);
    document.components[0].reuse = { replacementValue: 10, dismantlingCost: 2 };
    expect(validator.validate(document, 'HIGH_TECH_EQUIPMENT')).toEqual([
      {
        path: '/components/0/reuse/currency',
        keyword: 'dependentRequired',
        message: 'missing property "currency", required when "replacementValue" or "dismantlingCost" is given',
      },
    ]);
  });

  it('refuses quantities and masses whose products or sums overflow', () => {
    const nested = chain(2);
    nested.components[0].quantity = 1e200;
    nested.components[0].components[0].quantity = 1e200;
    expect(validator.validate(nested, 'HIGH_TECH_EQUIPMENT').map((v) => [v.path, v.keyword])).toEqual([['/components/0/components/0/quantity', 'finiteTotal']]);

    const heavy = chain(1);
    heavy.components[0].materials = [
      { name: 'Steel', element: 'Fe', massKg: 1.5e308 },
      { name: 'Steel', element: 'Fe', massKg: 1.5e308 },
    ];
    heavy.components[0].massKg = 1.5e308;
    expect(validator.validate(heavy, 'HIGH_TECH_EQUIPMENT').map((v) => [v.path, v.keyword])).toEqual([['/components/0/massKg', 'massBalance']]);

    const utility = (values: Record<string, number>) =>
      validator.validate({ ...chain(1), utility: values }, 'HIGH_TECH_EQUIPMENT').map((v) => [v.path, v.keyword]);
    expect(utility({ lifetimeYears: 1e308, industryAverageLifetimeYears: 1 })).toEqual([['/utility', 'utilityFactor']]);
    expect(utility({ lifetimeYears: 1e300, industryAverageLifetimeYears: 1e-10 })).toEqual([['/utility', 'utilityFactor']]);
    // A value without its industry average is not compared (the figures count it as missing).
    expect(utility({ lifetimeYears: 1e300, intensityOfUse: 1 })).toEqual([]);
    expect(utility({ lifetimeYears: 1e-300, industryAverageLifetimeYears: 1, intensityOfUse: 1, industryAverageIntensityOfUse: 1 })).toEqual([
      ['/utility', 'utilityFactor'],
    ]);
    expect(utility({ lifetimeYears: 40, industryAverageLifetimeYears: 20, intensityOfUse: 1, industryAverageIntensityOfUse: 2 })).toEqual([]);

    const product = { schemaVersion: '1.0', components: [part('a'), part('b')].map((c) => ({ ...c, massKg: 1e308, quantity: 1 })) };
    expect(validator.validate(product, 'HIGH_TECH_EQUIPMENT').map((v) => [v.path, v.keyword])).toEqual([['/components', 'finiteTotal']]);
  });
});
