import { decomposeMaterial, matchListEntry, materialForms, type MaterialChemistry } from '@registry/chemistry';
import { CRITICAL_LISTS } from './critical-lists';

/** The list entries a material counts toward, as "listId: wording = FORM|ELEMENT". */
function flags(material: MaterialChemistry): string[] {
  const chemistry = { shares: decomposeMaterial(material), forms: materialForms(material) };
  return CRITICAL_LISTS.flatMap((list) =>
    list.materials.flatMap((entry) => {
      const match = matchListEntry(entry, chemistry);
      return match === null ? [] : [`${list.id}: ${entry.name} = ${match}`];
    }),
  );
}

describe('critical lists, matched by form', () => {
  it('keeps wording, elements and form of the entries the regulations name by form', () => {
    const crma = CRITICAL_LISTS.find((list) => list.id === 'EU-CRMA-2024-CRITICAL');
    expect(crma?.materials.filter((entry) => entry.form !== undefined).map(({ name, form }) => `${name}: ${form}`)).toEqual([
      'coking coal: FUEL',
      'graphite: NATURAL_GRAPHITE',
      'nickel (battery grade): BATTERY_GRADE',
      'phosphate rock: ORE',
      'silicon metal: METAL',
      'titanium metal: METAL',
    ]);
  });

  it('keeps NL-CMI-FOCUS element-based', () => {
    const focus = CRITICAL_LISTS.find((list) => list.id === 'NL-CMI-FOCUS');
    expect(focus?.materials.every((entry) => entry.form === undefined)).toBe(true);
    expect(flags({ casNumber: '15365-14-7' })).toContain('NL-CMI-FOCUS: phosphorus = ELEMENT');
  });

  it('does not flag the carbon of steel as coking coal or graphite', () => {
    const steel = flags({
      element: 'Fe',
      elements: [
        { element: 'Fe', massFraction: 0.978 },
        { element: 'C', massFraction: 0.002 },
        { element: 'Mn', massFraction: 0.012 },
      ],
    });
    expect(steel.filter((flag) => /coal|graphite/.test(flag))).toEqual([]);
  });

  it('flags stainless steel nickel by element only, NMC cathode nickel by form', () => {
    expect(
      flags({
        elements: [
          { element: 'Fe', massFraction: 0.7 },
          { element: 'Cr', massFraction: 0.18 },
          { element: 'Ni', massFraction: 0.1 },
        ],
      }),
    ).toContain('EU-CRMA-2024-CRITICAL: nickel (battery grade) = ELEMENT');
    expect(flags({ casNumber: '346417-97-8', formula: 'LiNi0.8Mn0.1Co0.1O2' })).toEqual(
      expect.arrayContaining(['EU-CRMA-2024-CRITICAL: nickel (battery grade) = FORM', 'EU-CRMA-2024-STRATEGIC: lithium (battery grade) = FORM']),
    );
  });

  it('counts aluminium of an alloy under the CRMA entry, not as bauxite ore of the 2020 list', () => {
    const alloy = flags({
      elements: [
        { element: 'Al', massFraction: 0.985 },
        { element: 'Mg', massFraction: 0.007 },
      ],
    });
    expect(alloy).toContain('EU-CRMA-2024-CRITICAL: bauxite/alumina/aluminium = ELEMENT');
    expect(alloy).not.toContain('EU-2020: bauxite = ELEMENT');
    expect(alloy.some((flag) => flag.startsWith('EU-2020: bauxite'))).toBe(false);
  });

  it('flags a natural graphite anode declared so', () => {
    expect(flags({ casNumber: '7782-42-5', forms: ['natural-graphite', 'battery-grade'] })).toEqual(
      expect.arrayContaining([
        'EU-CRMA-2024-CRITICAL: graphite = FORM',
        'EU-CRMA-2024-STRATEGIC: graphite (battery grade) = FORM',
        'EU-2020: natural graphite = FORM',
      ]),
    );
  });
});
