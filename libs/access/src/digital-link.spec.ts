import { digitalLinkPath, digitalLinkUrl } from './digital-link';

describe('digitalLinkPath', () => {
  const gtin = '08712345000011';

  it('names a model, a batch and an item the way GS1 Digital Link does', () => {
    expect(digitalLinkPath({ granularity: 'MODEL', gtin, serialNumber: null, batchNumber: null })).toBe('/01/08712345000011');
    expect(digitalLinkPath({ granularity: 'BATCH', gtin, serialNumber: null, batchNumber: 'B-7' })).toBe('/01/08712345000011/10/B-7');
    expect(digitalLinkPath({ granularity: 'ITEM', gtin, serialNumber: 'F-0001', batchNumber: 'B-7' })).toBe('/01/08712345000011/21/F-0001');
  });

  it('percent-encodes the GS1 characters that have a meaning in URLs', () => {
    expect(digitalLinkPath({ granularity: 'ITEM', gtin, serialNumber: 'A/B%C?D#', batchNumber: null })).toBe('/01/08712345000011/21/A%2FB%25C%3FD%23');
    expect(digitalLinkPath({ granularity: 'ITEM', gtin, serialNumber: '<i>"x"</i>', batchNumber: null })).toBe(
      '/01/08712345000011/21/%3Ci%3E%22x%22%3C%2Fi%3E',
    );
  });

  it('prefixes the public base URL', () => {
    expect(digitalLinkUrl('https://id.example.org/registry', { granularity: 'MODEL', gtin, serialNumber: null, batchNumber: null })).toBe(
      'https://id.example.org/registry/01/08712345000011',
    );
  });
});
