// Property: whatever text arrives as a formula, the chemistry answers fractions summing to 1 or an error value.
import fc from 'fast-check';
import { chemistryViolations } from './chemistry-violations';
import { decomposeMaterial } from './decompose-material';
import { MAX_FORMULA_LENGTH } from './formula';
import { formulaMassFractions } from './mass-fractions';
import { ELEMENTS } from './reference-data/elements';

const token = fc.oneof(
  fc.constantFrom(...ELEMENTS.map((element) => element.symbol)),
  fc.constantFrom('Xx', 'Q', 'e', 'l', 'Tc', 'Og'),
  fc.constantFrom('(', ')', '[', ']', '{', '}'),
  fc.constantFrom('·', '*', '.', '•', '∙', ' ', '-', '+', '/', 'H2O', '5H2O', '.5H2O'),
  fc.integer({ min: 0, max: 2000 }).map(String),
  fc.double({ min: 0, max: 2000, noNaN: false }).map(String),
  fc.constantFrom('1e308', 'Infinity', 'NaN', '-1', '0.0', '00', '0.000000000001', '9'.repeat(40)),
  fc.string({ maxLength: 3 }),
);
const formula = fc.oneof(
  { weight: 8, arbitrary: fc.array(token, { maxLength: 30 }).map((tokens) => tokens.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.array(token, { minLength: 50, maxLength: 400 }).map((tokens) => tokens.join('')) },
);

describe('formulas, fuzzed', () => {
  it('never throw: fractions sum to 1 (±1e-9) and are finite and positive, or the answer is an error with an offset', () => {
    fc.assert(
      fc.property(formula, (text) => {
        const result = formulaMassFractions(text);
        if (result.ok) {
          const sum = result.fractions.reduce((total, share) => total + share.massFraction, 0);
          expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-9);
          for (const share of result.fractions) expect(share.massFraction > 0 && Number.isFinite(share.massFraction)).toBe(true);
          expect(text.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
        } else {
          expect(['syntax', 'element', 'limit']).toContain(result.error.code);
          expect(result.error.position).toBeGreaterThanOrEqual(0);
          expect(result.error.position).toBeLessThanOrEqual(Math.max(text.length, MAX_FORMULA_LENGTH));
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never make the material checks or the decomposition throw', () => {
    fc.assert(
      fc.property(
        formula,
        fc.constantFrom(undefined, '15365-14-7', '346417-97-8', '0-00-0'),
        fc.constantFrom(undefined, 'P', 'Xx'),
        (text, casNumber, element) => {
          const material = { formula: text, casNumber, element };
          const violations = chemistryViolations(material);
          const shares = decomposeMaterial(material);
          const sum = shares.reduce((total, share) => total + share.massFraction, 0);
          expect(shares.length === 0 || Math.abs(sum - 1) <= 1e-9).toBe(true);
          if (!formulaMassFractions(text).ok) expect(violations.some((violation) => violation.path === '/formula')).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
