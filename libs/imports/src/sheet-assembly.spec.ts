import { assemblePassport, firstOfEachKey, orphanMaterial, type RowRefOf } from './sheet-assembly';

const refOf: RowRefOf = (sheet, row) => `${sheet}!${row}`;
const product = { row: 2, record: { key: 'p', productName: 'Lamp', cluster: 'SOLAR_PV', granularity: 'MODEL', gtin: '1', productMassKg: 3 } };
const component = (row: number, key: string, parentKey: string | null = null) => ({ row, record: { key, parentKey, name: key, quantity: 1, massKg: 1 } });
const material = (row: number, componentKey: string, name: string) => ({ row, record: { componentKey, name, massKg: 1 } });

describe('assemblePassport', () => {
  it('nests components by parentKey and puts each material in the first component with its key', () => {
    const rows = assemblePassport(
      product,
      [component(5, 'cell', 'block'), component(3, 'block'), component(4, 'case')],
      [material(2, 'cell', 'Nickel'), material(3, 'case', 'Steel')],
      refOf,
    );
    expect(rows).toHaveLength(1);
    const document = (rows[0].value as { composition: { components: { key: string; components: { key: string; materials: unknown[] }[] }[] } }).composition;
    expect(document.components.map((c) => c.key)).toEqual(['block', 'case']);
    expect(document.components[0].components[0]).toMatchObject({ key: 'cell', materials: [{ name: 'Nickel', massKg: 1 }] });
    expect(rows[0]).toMatchObject({ rowRef: 'Passports!2', problem: null });
  });

  it('fails a component whose parentKey names nothing, or that would be inside itself, before the passport', () => {
    const rows = assemblePassport(product, [component(3, 'a', 'b'), component(4, 'b', 'a'), component(5, 'c', 'nope'), component(6, 'd')], [], refOf);
    expect(rows.map((row) => [row.rowRef, row.problem])).toEqual([
      ['Components!3', 'component "a" would be inside itself (parentKey) in product "p"'],
      ['Components!4', 'component "b" would be inside itself (parentKey) in product "p"'],
      ['Components!5', 'no component "nope" (parentKey) in product "p"'],
      ['Passports!2', null],
    ]);
  });
});

describe('lines that name nothing', () => {
  it('names the missing component and its product', () => {
    expect(orphanMaterial({ row: 7, passportKey: 'p', key: 'x' }, refOf)).toEqual({
      rowRef: 'Materials!7',
      value: null,
      problem: 'no component "x" of product "p" on the Components sheet',
    });
  });

  it('keeps the first line of each component key (a CSV repeats it)', () => {
    expect(firstOfEachKey([component(2, 'a'), component(3, 'b'), component(4, 'a')]).map((line) => line.row)).toEqual([2, 3]);
  });
});
