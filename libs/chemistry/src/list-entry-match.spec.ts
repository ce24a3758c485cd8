import { decomposeMaterial, materialForms, type MaterialChemistry } from './decompose-material';
import { matchListEntry, matchListEntryElement, type ListEntry } from './list-entry-match';

const chemistry = (material: MaterialChemistry) => ({ shares: decomposeMaterial(material), forms: materialForms(material) });

const NICKEL_BATTERY: ListEntry = { name: 'nickel (battery grade)', elements: ['Ni'], form: 'BATTERY_GRADE' };
const COKING_COAL: ListEntry = { name: 'coking coal', elements: ['C'], form: 'FUEL' };
const NATURAL_GRAPHITE: ListEntry = { name: 'natural graphite', elements: ['C'], form: 'NATURAL_GRAPHITE' };
const GRAPHITE_BATTERY: ListEntry = { name: 'graphite (battery grade)', elements: ['C'], form: 'BATTERY_GRADE_GRAPHITE' };
const PHOSPHATE_ROCK: ListEntry = { name: 'phosphate rock', elements: ['P'], form: 'ORE' };
const PHOSPHORUS: ListEntry = { name: 'phosphorus', elements: ['P'] };
const TITANIUM_METAL: ListEntry = { name: 'titanium metal', elements: ['Ti'], form: 'METAL' };

describe('matchListEntry', () => {
  it('NMC cathode nickel meets battery-grade nickel; stainless steel nickel only contains the element', () => {
    expect(matchListEntry(NICKEL_BATTERY, chemistry({ casNumber: '346417-97-8', formula: 'LiNi0.8Mn0.1Co0.1O2' }))).toBe('FORM');
    const stainless = {
      element: 'Fe',
      elements: [
        { element: 'Fe', massFraction: 0.7 },
        { element: 'Cr', massFraction: 0.18 },
        { element: 'Ni', massFraction: 0.1 },
      ],
    };
    expect(matchListEntry(NICKEL_BATTERY, chemistry(stainless))).toBe('ELEMENT');
  });

  it('steel with 0.2 % carbon is neither coking coal nor graphite', () => {
    const steel = chemistry({
      element: 'Fe',
      elements: [
        { element: 'Fe', massFraction: 0.98 },
        { element: 'C', massFraction: 0.002 },
      ],
    });
    expect(matchListEntry(COKING_COAL, steel)).toBeNull();
    expect(matchListEntry(NATURAL_GRAPHITE, steel)).toBeNull();
    expect(matchListEntry(GRAPHITE_BATTERY, steel)).toBeNull();
  });

  it('graphite by CAS is natural graphite only when declared natural, and battery graphite when declared battery grade', () => {
    expect(matchListEntry(NATURAL_GRAPHITE, chemistry({ casNumber: '7782-42-5' }))).toBeNull();
    expect(matchListEntry(NATURAL_GRAPHITE, chemistry({ casNumber: '7782-42-5', forms: ['natural-graphite'] }))).toBe('FORM');
    expect(matchListEntry(GRAPHITE_BATTERY, chemistry({ casNumber: '7782-42-5', forms: ['battery-grade'] }))).toBe('FORM');
    // Carbon black is not graphite, whatever its grade.
    expect(matchListEntry(GRAPHITE_BATTERY, chemistry({ casNumber: '1333-86-4', forms: ['battery-grade'] }))).toBeNull();
  });

  it('LFP phosphorus is phosphorus, never phosphate rock', () => {
    const lfp = chemistry({ casNumber: '15365-14-7' });
    expect(matchListEntry(PHOSPHORUS, lfp)).toBe('ELEMENT');
    expect(matchListEntry(PHOSPHATE_ROCK, lfp)).toBeNull();
    expect(matchListEntry(PHOSPHATE_ROCK, chemistry({ formula: 'Ca5(PO4)3F', forms: ['ore'] }))).toBe('FORM');
  });

  it('titanium metal by CAS meets the form; TiO2 pigment only contains titanium', () => {
    expect(matchListEntry(TITANIUM_METAL, chemistry({ casNumber: '7440-32-6' }))).toBe('FORM');
    expect(matchListEntry(TITANIUM_METAL, chemistry({ casNumber: '13463-67-7' }))).toBe('ELEMENT');
  });

  it('does not match an entry whose elements the material lacks, nor elements with a zero share', () => {
    expect(matchListEntry(PHOSPHORUS, chemistry({ casNumber: '1309-64-4' }))).toBeNull();
    expect(matchListEntry(PHOSPHORUS, { shares: [{ element: 'P', massFraction: 0 }], forms: [] })).toBeNull();
    expect(matchListEntry({ name: 'feldspar', elements: [] }, chemistry({ formula: 'KAlSi3O8' }))).toBeNull();
  });

  it('matches one element with the forms given', () => {
    expect(matchListEntryElement(NICKEL_BATTERY, 'Ni', [])).toBe('ELEMENT');
    expect(matchListEntryElement(NICKEL_BATTERY, 'Ni', ['BATTERY_GRADE'])).toBe('FORM');
    expect(matchListEntryElement(COKING_COAL, 'C', ['FUEL'])).toBe('FORM');
    expect(matchListEntryElement(NATURAL_GRAPHITE, 'C', ['GRAPHITE'])).toBeNull();
  });
});
