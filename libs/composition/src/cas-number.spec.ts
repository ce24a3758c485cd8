import { casCheckDigit, isValidCasNumber } from './cas-number';

describe('CAS numbers', () => {
  it.each([
    ['7429-90-5', 'aluminium'],
    ['7440-36-0', 'antimony'],
    ['7439-95-4', 'magnesium'],
    ['7440-32-6', 'titanium'],
    ['7723-14-0', 'phosphorus'],
    ['7440-50-8', 'copper'],
    ['7732-18-5', 'water'],
    ['64-17-5', 'ethanol'],
    ['25068-38-6', 'bisphenol A epichlorohydrin epoxy resin'],
  ])('accepts %s (%s)', (cas) => {
    expect(isValidCasNumber(cas)).toBe(true);
  });

  it.each([
    ['7429-90-4', 'aluminium with a wrong check digit'],
    ['7440-36-1', 'antimony with a wrong check digit'],
    ['7440-05-8', 'copper with two digits swapped'],
    ['7439-59-4', 'magnesium with two digits swapped'],
  ])('rejects %s (%s)', (cas) => {
    expect(isValidCasNumber(cas)).toBe(false);
  });

  it.each(['7429905', '7429-90-55', '1-23-4', '12345678-90-1', '7429-9-5', 'CAS 7429-90-5', ''])('rejects the malformed %p', (cas) => {
    expect(isValidCasNumber(cas)).toBe(false);
  });

  it('weighs the digits by their position from the right', () => {
    // 7429-90-5: 0x1 + 9x2 + 9x3 + 2x4 + 4x5 + 7x6 = 115 -> 5
    expect(casCheckDigit('742990')).toBe(5);
    // 7732-18-5: 8x1 + 1x2 + 2x3 + 3x4 + 7x5 + 7x6 = 105 -> 5
    expect(casCheckDigit('773218')).toBe(5);
    expect(casCheckDigit('6417')).toBe(5);
  });
});
