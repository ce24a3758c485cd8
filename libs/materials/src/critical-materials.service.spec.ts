import { CriticalMaterialsService } from './critical-materials.service';
import type { ReferenceDataRepository } from './reference-data.repository';

/** The lookups never touch the database; only onModuleInit seeds it. */
const repository = { seed: async () => undefined } as unknown as ReferenceDataRepository;

describe('CriticalMaterialsService', () => {
  const service = new CriticalMaterialsService(repository);

  it('does not flag carbon by element alone: coking coal and graphite name a fuel and a graphite form', () => {
    expect(service.matchesFor('C')).toEqual([]);
    expect(service.matchesFor('C', ['GRAPHITE', 'NATURAL_GRAPHITE']).map((flag) => `${flag.listId}: ${flag.materialName} = ${flag.match}`)).toEqual([
      'EU-CRMA-2024-CRITICAL: graphite = FORM',
      'EU-2020: natural graphite = FORM',
    ]);
  });

  it('flags phosphorus as phosphorus, not phosphate rock', () => {
    expect(service.matchesFor('P').map((flag) => `${flag.listId}: ${flag.materialName} = ${flag.match}`)).toEqual([
      'EU-CRMA-2024-CRITICAL: phosphorus = ELEMENT',
      'EU-2020: phosphorus = ELEMENT',
      'NL-CMI-FOCUS: phosphorus = ELEMENT',
    ]);
  });

  it('says whether a material meets a grade', () => {
    expect(service.matchesFor('Ni', ['BATTERY_GRADE'])).toEqual([
      { listId: 'EU-CRMA-2024-CRITICAL', listVersion: '2024', materialName: 'nickel (battery grade)', form: 'BATTERY_GRADE', match: 'FORM' },
      { listId: 'EU-CRMA-2024-STRATEGIC', listVersion: '2024', materialName: 'nickel (battery grade)', form: 'BATTERY_GRADE', match: 'FORM' },
    ]);
    expect(service.matchesFor('Ni')).toEqual([
      { listId: 'EU-CRMA-2024-CRITICAL', listVersion: '2024', materialName: 'nickel (battery grade)', form: 'BATTERY_GRADE', match: 'ELEMENT' },
      { listId: 'EU-CRMA-2024-STRATEGIC', listVersion: '2024', materialName: 'nickel (battery grade)', form: 'BATTERY_GRADE', match: 'ELEMENT' },
    ]);
  });

  it('over several materials holding an element, flags each list material once, FORM when any material meets it', () => {
    const nickel = service.matchesForMaterials('Ni', [[], ['BATTERY_GRADE'], []]);
    expect(nickel.map((flag) => `${flag.listId}: ${flag.match}`)).toEqual(['EU-CRMA-2024-CRITICAL: FORM', 'EU-CRMA-2024-STRATEGIC: FORM']);
    expect(service.matchesForMaterials('C', [[], []])).toEqual([]);
    expect(service.matchesForMaterials('P', [])).toEqual([]);
  });

  it('flags a material by all the elements it holds, each list material once', () => {
    const lfp = service.matchesForElements(['O', 'Fe', 'P', 'Li'], ['BATTERY_GRADE']);
    expect(lfp.map((flag) => `${flag.listId}: ${flag.materialName} = ${flag.match}`)).toEqual(
      expect.arrayContaining([
        'EU-CRMA-2024-CRITICAL: phosphorus = ELEMENT',
        'NL-CMI-FOCUS: phosphorus = ELEMENT',
        'EU-CRMA-2024-STRATEGIC: lithium (battery grade) = FORM',
      ]),
    );
    const magnet = service.matchesForElements(['Fe', 'Nd', 'Pr', 'B'], []).map((flag) => `${flag.listId}: ${flag.materialName}`);
    expect(magnet.filter((flag) => flag === 'EU-CRMA-2024-STRATEGIC: rare earth elements for permanent magnets')).toHaveLength(1);
    expect(new Set(magnet).size).toBe(magnet.length);
    expect(service.matchesForElements(['Fe', 'C'], [])).toEqual([]);
  });
});
