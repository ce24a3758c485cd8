import { CriticalMaterialsService } from './critical-materials.service';
import type { ReferenceDataRepository } from './reference-data.repository';

/** The lookups never touch the database; only onModuleInit seeds it. */
const repository = { seed: async () => undefined } as unknown as ReferenceDataRepository;

describe('CriticalMaterialsService', () => {
  const service = new CriticalMaterialsService(repository);

  it('does not flag carbon by element alone: coking coal and graphite name a fuel and a graphite form', () => {
    expect(service.flagsFor('C')).toEqual([]);
    expect(service.matchesFor('C', ['GRAPHITE', 'NATURAL_GRAPHITE']).map((flag) => `${flag.listId}: ${flag.materialName} = ${flag.match}`)).toEqual([
      'EU-CRMA-2024-CRITICAL: graphite = FORM',
      'EU-2020: natural graphite = FORM',
    ]);
  });

  it('flags phosphorus as phosphorus, not phosphate rock', () => {
    expect(service.flagsFor('P').map((flag) => `${flag.listId}: ${flag.materialName}`)).toEqual([
      'EU-CRMA-2024-CRITICAL: phosphorus',
      'EU-2020: phosphorus',
      'NL-CMI-FOCUS: phosphorus',
    ]);
  });

  it('says whether a material meets a grade, keeping the flag shape of flagsFor', () => {
    expect(service.matchesFor('Ni', ['BATTERY_GRADE'])).toEqual([
      { listId: 'EU-CRMA-2024-CRITICAL', listVersion: '2024', materialName: 'nickel (battery grade)', form: 'BATTERY_GRADE', match: 'FORM' },
      { listId: 'EU-CRMA-2024-STRATEGIC', listVersion: '2024', materialName: 'nickel (battery grade)', form: 'BATTERY_GRADE', match: 'FORM' },
    ]);
    expect(service.flagsFor('Ni')).toEqual([
      { listId: 'EU-CRMA-2024-CRITICAL', listVersion: '2024', materialName: 'nickel (battery grade)' },
      { listId: 'EU-CRMA-2024-STRATEGIC', listVersion: '2024', materialName: 'nickel (battery grade)' },
    ]);
  });
});
