import { RegistryError } from '@registry/core';
import { filterParams, parseExportFilter } from './export-filter';

const NOW = new Date('2026-06-01T12:00:00.000Z');

function violations(query: Record<string, unknown>): string[] {
  try {
    parseExportFilter(query, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError);
    return ((error as RegistryError).extensions.violations as { path: string }[]).map((v) => v.path);
  }
  throw new Error('expected the parameters to be refused');
}

describe('export parameters', () => {
  it('reads every filter and defaults asOf to now', () => {
    const filter = parseExportFilter(
      { cluster: 'BATTERY', status: 'PUBLISHED', manufacturerId: '0A6F7B3C-1D2E-4F50-8A9B-0C1D2E3F4A5B', updatedSince: '2026-01-31' },
      NOW,
    );
    expect(filter).toEqual({
      cluster: 'BATTERY',
      status: 'PUBLISHED',
      manufacturerId: '0a6f7b3c-1d2e-4f50-8a9b-0c1d2e3f4a5b',
      updatedSince: new Date('2026-01-31T00:00:00.000Z'),
      asOf: NOW,
    });
    expect(filterParams(filter)).toEqual({
      cluster: 'BATTERY',
      status: 'PUBLISHED',
      manufacturerId: '0a6f7b3c-1d2e-4f50-8a9b-0c1d2e3f4a5b',
      updatedSince: '2026-01-31T00:00:00.000Z',
    });
    expect(parseExportFilter({ asOf: '2026-05-01T10:00:00+02:00' }, NOW).asOf.toISOString()).toBe('2026-05-01T08:00:00.000Z');
  });

  it('names every bad parameter at once', () => {
    expect(violations({ cluster: 'toString', status: 'constructor' })).toEqual(['cluster', 'status']);
    expect(violations({ manufacturerId: 'acme' })).toEqual(['manufacturerId']);
    expect(violations({ updatedSince: '31-01-2026' })).toEqual(['updatedSince']);
    expect(violations({ updatedSince: '2026-01-31T10:00' })).toEqual(['updatedSince']);
    expect(violations({ updatedSince: '2026-02-30' })).toEqual(['updatedSince']);
    expect(violations({ asOf: '2026-06-02T00:00:00Z' })).toEqual(['asOf']);
    expect(violations({ updatedSince: '2026-05-02', asOf: '2026-05-01T00:00:00Z' })).toEqual(['updatedSince']);
    expect(violations({ cluster: ['BATTERY', 'SOLAR_PV'] })).toEqual(['cluster']);
    expect(violations({ manufacturer: 'x' })).toEqual(['manufacturer']);
  });
});
