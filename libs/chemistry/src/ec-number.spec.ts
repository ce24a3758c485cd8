import { ecCheckDigit, isValidEcNumber } from './ec-number';

describe('EC numbers', () => {
  it.each([
    ['231-100-4', 'lead'],
    ['231-152-8', 'cadmium'],
    ['204-211-0', 'DEHP (check digit 0)'],
    ['287-476-5', 'short-chain chlorinated paraffins'],
    ['231-072-3', 'aluminium'],
    ['200-001-8', 'formaldehyde'],
  ])('accepts %s (%s)', (ec) => {
    expect(isValidEcNumber(ec)).toBe(true);
  });

  it.each([
    ['231-100-5', 'lead with a wrong check digit'],
    ['231-152-7', 'cadmium with a wrong check digit'],
    ['213-100-4', 'lead with two digits swapped'],
    ['204-211-1', 'DEHP with a wrong check digit'],
  ])('rejects %s (%s)', (ec) => {
    expect(isValidEcNumber(ec)).toBe(false);
  });

  it.each(['2311004', '231-100-44', '23-100-4', '231-1004', 'EC 231-100-4', '231-100-X', ''])('rejects the malformed %p', (ec) => {
    expect(isValidEcNumber(ec)).toBe(false);
  });

  it('weighs the digits by their position from the left, modulo 11', () => {
    // 231-100-4: 2x1 + 3x2 + 1x3 + 1x4 + 0x5 + 0x6 = 15 -> 15 mod 11 = 4
    expect(ecCheckDigit('231100')).toBe(4);
    // 231-152-8: 2 + 6 + 3 + 4 + 25 + 12 = 52 -> 8
    expect(ecCheckDigit('231152')).toBe(8);
  });

  it('has no check digit where the remainder is 10, so no EC number ends that way', () => {
    // 200-016: 2x1 + 1x5 + 6x6 = 43 -> 43 mod 11 = 10
    expect(ecCheckDigit('200016')).toBeNull();
    for (const digit of '0123456789') expect(isValidEcNumber(`200-016-${digit}`)).toBe(false);
  });
});
