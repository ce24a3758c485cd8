import type { Violation } from '@registry/core';
import { checkGs1CompanyPrefixes, gtin13Form, leadingPrefixes, prefixesOverlap, prefixOf } from './gs1-company-prefix';

describe('GS1 Company Prefixes', () => {
  it('compare with the GTIN-13 form of a stored GTIN-14, whatever its indicator digit', () => {
    expect(gtin13Form('08712345000011')).toBe('8712345000011');
    expect(prefixOf('08712345000011', ['8790001', '8712345'])).toBe('8712345');
    expect(prefixOf('18712345000018', ['8712345'])).toBe('8712345');
    // A GTIN-12 (UPC) is padded with a zero: its prefix starts with "0".
    expect(prefixOf('00614141007349', ['0614141'])).toBe('0614141');
    expect(prefixOf('08712346000010', ['8712345'])).toBeNull();
    expect(prefixOf('08712345000011', [])).toBeNull();
  });

  it('overlap when one is a leading part of the other', () => {
    expect(prefixesOverlap('871234', '8712345')).toBe(true);
    expect(prefixesOverlap('8712345', '8712345')).toBe(true);
    expect(prefixesOverlap('8712345', '8712346')).toBe(false);
    expect(leadingPrefixes('87123456')).toEqual(['871234', '8712345', '87123456']);
  });

  it('are checked as a list: format, overlaps within it, and the list size', () => {
    const violations: Violation[] = [];
    expect(checkGs1CompanyPrefixes([' 8712345 ', '871234', 'abc123', '8712345'], 'prefixes', violations)).toEqual(['8712345', '871234', 'abc123', '8712345']);
    expect(violations).toEqual([
      { path: 'prefixes[1]', message: '"871234" overlaps "8712345" of the same list (one is a leading part of the other)', keyword: 'uniqueItems' },
      { path: 'prefixes[2]', message: '"abc123" is not a GS1 Company Prefix: expected 6 to 12 digits (GTIN-13 form)', keyword: 'pattern' },
      { path: 'prefixes[3]', message: '"8712345" is listed twice', keyword: 'uniqueItems' },
    ]);
    const tooMany: Violation[] = [];
    checkGs1CompanyPrefixes(
      Array.from({ length: 101 }, (_, i) => String(100000 + i)),
      'prefixes',
      tooMany,
    );
    expect(tooMany).toEqual([{ path: 'prefixes', message: 'has 101 prefixes; at most 100 are accepted', keyword: 'maxItems' }]);
  });
});
