import { normalizeGtin } from './gtin';

describe('normalizeGtin', () => {
  it.each([
    ['4006381333931', '04006381333931'], // GTIN-13
    ['96385074', '00000096385074'], // GTIN-8
    ['036000291452', '00036000291452'], // GTIN-12 (UPC-A)
    ['10614141000415', '10614141000415'], // GTIN-14
  ])('accepts %s as %s', (input, expected) => {
    expect(normalizeGtin(input)).toEqual({ gtin: expected });
  });

  it('rejects a wrong check digit and says which digit was expected', () => {
    expect(normalizeGtin('4006381333932')).toEqual({ error: expect.stringContaining('expected 1') });
  });

  it.each(['123', '40063813339311', 'ABCDEFGHIJKLM', '400638133393'])('rejects %s', (input) => {
    expect(normalizeGtin(input)).toHaveProperty('error');
  });
});
