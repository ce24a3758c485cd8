import { isValidCasNumber } from '@registry/composition';
import { materialForms } from './decompose-material';
import { formulaMassFractions } from './mass-fractions';
import { SUBSTANCES_2026_01 } from './reference-data/substances.2026-01';
import { referenceSubstance, SUBSTANCE_TABLE } from './substances';

const substances = SUBSTANCES_2026_01.substances;

describe('reference substances 2026-01', () => {
  it.each(substances.filter((s) => s.casNumber !== null).map((s) => [s.casNumber, s.name]))('%s (%s) has a valid check digit', (casNumber) => {
    expect(isValidCasNumber(casNumber as string)).toBe(true);
  });

  it('has each CAS number once', () => {
    const numbers = substances.flatMap((s) => (s.casNumber ? [s.casNumber] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it.each(substances.filter((s) => s.formula !== null).map((s) => [s.name, s.formula]))('%s: formula %s is readable', (_name, formula) => {
    expect(formulaMassFractions(formula as string).ok).toBe(true);
  });

  it('gives the elements of every substance without a formula, and says why', () => {
    for (const substance of substances.filter((s) => s.formula === null)) {
      expect(substance.elements?.length).toBeGreaterThan(0);
      expect(substance.note).toContain('several stoichiometries');
    }
  });

  it('covers the substances of the five clusters', () => {
    const required = [
      '15365-14-7',
      '346417-97-8',
      '193214-24-3',
      '12190-79-3',
      '12057-17-9',
      '21324-40-3',
      '7782-42-5',
      '1309-64-4',
      '13463-67-7',
      '1344-28-1',
      '1309-48-4',
      '409-21-2',
      '7631-86-9',
      '1306-25-8',
      '1303-00-0',
      '22398-80-7',
      '12017-68-4',
      '7723-14-0',
      '68333-79-9',
      '115-86-6',
      '79-94-7',
      '7429-90-5',
      '7439-95-4',
      '7440-32-6',
      '7440-36-0',
      '7440-50-8',
      '7439-89-6',
      '7440-02-0',
      '7440-48-4',
      '7439-93-2',
      '7439-96-5',
      '7440-21-3',
      '7440-00-8',
      '7429-91-6',
      '7440-55-3',
      '7440-74-6',
      '7440-22-4',
      '7439-92-1',
      '7440-31-5',
      '7440-66-6',
      '7440-47-3',
    ];
    expect(required.filter((casNumber) => referenceSubstance(casNumber) === undefined)).toEqual([]);
    expect(substances.some((s) => s.formula === 'Nd2Fe14B')).toBe(true);
  });

  it('marks cathodes battery grade, pure metals metal, graphite graphite (natural only when declared)', () => {
    expect(materialForms({ casNumber: '15365-14-7' })).toEqual(['BATTERY_GRADE']);
    expect(materialForms({ casNumber: '7440-32-6' })).toEqual(['METAL']);
    expect(materialForms({ casNumber: '7782-42-5' })).toEqual(['GRAPHITE']);
    expect(materialForms({ casNumber: '1309-64-4' })).toEqual([]);
  });

  it('is the table in force, with a version id', () => {
    expect(SUBSTANCE_TABLE.version).toBe('SUBSTANCES-2026-01');
  });
});
