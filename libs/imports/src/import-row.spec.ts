import { fromExportLine, readImportRow, rowPointer } from './import-row';

describe('an import row', () => {
  it('reads a RegisterPassportInput and names every wrong field with a pointer into the row', () => {
    const ok = readImportRow({ productName: 'Lamp', cluster: 'BATTERY', granularity: 'MODEL', gtin: '08712345000011', composition: { components: [] } });
    expect(ok.input).toMatchObject({ productName: 'Lamp', serialNumber: null, publish: false });
    const bad = readImportRow({ productName: 3, cluster: 'MOON', gtin: '1', composition: [], publish: 'yes', colour: 'red' });
    expect(bad.violations.map((v) => `${v.keyword} ${v.path}`)).toEqual([
      'type /passport/productName',
      'enum /passport/cluster',
      'required /passport/granularity',
      'type /passport/composition',
      'type /passport/publish',
      'additionalProperties /passport/colour',
    ]);
    expect(readImportRow([1]).violations).toEqual([expect.objectContaining({ path: '/passport', keyword: 'type' })]);
  });

  it('takes a passports.ndjson line as it is: identity and current revision, published unless a draft', () => {
    const line = {
      sequence: 1,
      id: 'x',
      gtin: '08712345000011',
      serialNumber: 'S-1',
      batchNumber: null,
      granularity: 'ITEM',
      cluster: 'BATTERY',
      manufacturer: { id: 'm', name: 'M' },
      status: 'ARCHIVED',
      productName: 'New',
      createdAt: '',
      updatedAt: '',
      revisions: [
        { revision: 1, productName: 'Old', composition: { v: 1 } },
        { revision: 2, productName: 'New', composition: { v: 2 } },
      ],
    };
    expect(fromExportLine(line)).toEqual({
      productName: 'New',
      cluster: 'BATTERY',
      granularity: 'ITEM',
      gtin: '08712345000011',
      serialNumber: 'S-1',
      batchNumber: null,
      composition: { v: 2 },
      publish: true,
    });
    expect(readImportRow(line).input).toMatchObject({ productName: 'New', composition: { v: 2 } });
  });

  it('points composition violations into the document and field violations to the field', () => {
    expect(rowPointer('/components/0/massKg')).toBe('/passport/composition/components/0/massKg');
    expect(rowPointer('gtin')).toBe('/passport/gtin');
  });
});
