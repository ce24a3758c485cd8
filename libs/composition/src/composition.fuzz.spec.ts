// Fuzzing with mutations of the real documents of test/fixtures/compositions/ok: the validator never throws, reports
// each problem once with a pointer into the document, and what it accepts flattens to finite numbers.
import fc from 'fast-check';
import { compositionFixtures } from '../../../test/support/factories';
import { mutatedDocument } from '../../../test/support/composition-mutations';
import type { CompositionDocument } from './composition.types';
import { CompositionValidator } from './composition.validator';
import { flattenComposition } from './flatten-composition';
import { valueAt } from './json-pointer';

describe('CompositionValidator on mutated real documents', () => {
  const validator = new CompositionValidator();
  const fixtures = compositionFixtures('ok');

  it('never throws, and reports every problem once with a pointer', () => {
    const mutated = fc
      .integer({ min: 0, max: fixtures.length - 1 })
      .chain((index) => mutatedDocument(fixtures[index].document).map((document) => ({ cluster: fixtures[index].cluster, document })));
    fc.assert(
      fc.property(mutated, ({ cluster, document }) => {
        const violations = validator.validate(document, cluster);
        for (const violation of violations) {
          expect(violation).toEqual({ path: expect.stringMatching(/^(\/.*)?$/), keyword: expect.any(String), message: expect.any(String) });
          expect(violation.message).not.toBe('');
        }
        const reported = violations.map((v) => `${v.keyword} ${v.path}`);
        expect(reported).toEqual([...new Set(reported)]);
        if (violations.length === 0) {
          // Accepted: the rows that would be stored hold finite numbers and no NUL character.
          const flattened = flattenComposition(document as unknown as CompositionDocument);
          expect(Number.isFinite(flattened.totalMassKg)).toBe(true);
          for (const component of flattened.components) {
            expect(Number.isFinite(component.unitsPerProduct)).toBe(true);
            for (const material of component.materials) expect(Number.isFinite(material.massKgPerProduct)).toBe(true);
          }
          expect(JSON.stringify(document)).not.toContain('\\u0000');
        }
      }),
      // A fixed seed keeps CI repeatable; FUZZ_SEED and FUZZ_RUNS explore further (fast-check prints a failing seed).
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400), seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    );
  });

  it('points at values that exist, or at the missing property of an existing object', () => {
    const document = structuredClone(fixtures[0].document);
    document.components[0].materials[0].massKg = -1;
    document.components[0].materials[0].element = 'Qq';
    delete document.components[0].name;
    for (const { path } of validator.validate(document, fixtures[0].cluster)) {
      expect(valueAt(document, path) !== undefined || valueAt(document, path.slice(0, path.lastIndexOf('/'))) !== undefined).toBe(true);
    }
  });
});
