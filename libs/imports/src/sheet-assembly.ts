import { clusterDataOf, environmentalImpactOf, SHEET_SCHEMA_VERSION, substancesOfConcernOf, withoutEmpty } from './sheet-fields';
import { text } from './sheet-records';

/** A row of a spreadsheet import: its reference (sheet and row, or CSV line), the passport it makes, or why it could not. */
export interface SheetRow {
  rowRef: string;
  value: unknown;
  problem: string | null;
}

/** A staged line: its row number and its values by column. */
export interface SheetRecord {
  row: number;
  record: Record<string, unknown>;
}

/** How a format names a line in row references: `Components!7` in a workbook, `line 7` in a CSV. */
export type RowRefOf = (sheet: 'Passports' | 'Components' | 'Materials', row: number) => string;

/** A component assembled from the Components and Materials lines, before the document is validated. */
interface ComponentDraft {
  key: string;
  name: string;
  quantity: unknown;
  massKg: unknown;
  materials: Record<string, unknown>[];
  components: ComponentDraft[];
}

/**
 * One product's passport from its Passports line and its own Components and Materials lines (in row order): the
 * components nested by parentKey, each material in the first component with its key. Values go into the document as
 * they are, so the composition schema reports a wrong one with its pointer. A component whose parentKey names no
 * component of the product is a failed row of its own, before the passport. Materials without their component are
 * reported on their own (orphanMaterial) and left out here.
 */
export function assemblePassport(passport: SheetRecord, componentLines: SheetRecord[], materialLines: SheetRecord[], refOf: RowRefOf): SheetRow[] {
  const { row, record } = passport;
  const rows: SheetRow[] = [];
  const own = componentLines.map(({ row: componentRow, record: component }) => ({
    row: componentRow,
    parentKey: text(component.parentKey),
    document: {
      key: text(component.key),
      name: text(component.name),
      quantity: component.quantity,
      massKg: component.massKg,
      materials: [],
      components: [],
    } as ComponentDraft,
  }));
  const byKey = new Map<string, ComponentDraft>();
  for (const component of own) if (!byKey.has(component.document.key)) byKey.set(component.document.key, component.document);
  for (const { record: material } of materialLines) {
    byKey.get(text(material.componentKey))?.materials.push(
      withoutEmpty({
        name: text(material.name),
        element: material.element,
        casNumber: material.casNumber,
        massKg: material.massKg,
        recycledContentPct: material.recycledContentPct,
        substancesOfConcern: substancesOfConcernOf(material),
      }),
    );
  }
  const parentKeys = new Map<string, string>();
  for (const component of own) if (!parentKeys.has(component.document.key)) parentKeys.set(component.document.key, component.parentKey);
  const top: ComponentDraft[] = [];
  for (const component of own) {
    const parent = component.parentKey ? byKey.get(component.parentKey) : null;
    if (component.parentKey && !parent) {
      rows.push({
        rowRef: refOf('Components', component.row),
        value: null,
        problem: `no component "${component.parentKey}" (parentKey) in product "${text(record.key)}"`,
      });
      continue;
    }
    if (insideItself(component.document.key, component.parentKey, parentKeys)) {
      rows.push({
        rowRef: refOf('Components', component.row),
        value: null,
        problem: `component "${component.document.key}" would be inside itself (parentKey) in product "${text(record.key)}"`,
      });
      continue;
    }
    (parent ? parent.components : top).push(component.document);
  }
  const composition = withoutEmpty({
    schemaVersion: SHEET_SCHEMA_VERSION,
    productMassKg: record.productMassKg,
    unitCount: record.unitCount,
    components: top,
    environmentalImpact: environmentalImpactOf(record),
    clusterData: clusterDataOf(record),
  });
  rows.push({
    rowRef: refOf('Passports', row),
    value: withoutEmpty({
      productName: text(record.productName),
      cluster: text(record.cluster),
      granularity: text(record.granularity),
      gtin: text(record.gtin),
      serialNumber: record.serialNumber === null ? null : text(record.serialNumber),
      batchNumber: record.batchNumber === null ? null : text(record.batchNumber),
      composition,
      publish: record.publish === true || text(record.publish).toUpperCase() === 'TRUE',
    }),
    problem: null,
  });
  return rows;
}

/** Whether following parentKey up from a component leads back to it (the document would nest it in itself). */
function insideItself(key: string, parentKey: string, parentKeys: Map<string, string>): boolean {
  const visited = new Set<string>();
  for (let up = parentKey; up; up = parentKeys.get(up) ?? '') {
    if (up === key) return true;
    if (visited.has(up)) return false;
    visited.add(up);
  }
  return false;
}

/** A Materials line whose product has no component with its componentKey. */
export function orphanMaterial(line: { row: number; passportKey: string; key: string }, refOf: RowRefOf): SheetRow {
  return {
    rowRef: refOf('Materials', line.row),
    value: null,
    problem: `no component "${line.key}" of product "${line.passportKey}" on the Components sheet`,
  };
}

/** A Components line whose passportKey names no line of the Passports sheet. */
export function orphanComponent(line: { row: number; passportKey: string }, refOf: RowRefOf): SheetRow {
  return { rowRef: refOf('Components', line.row), value: null, problem: `no product "${line.passportKey}" on the Passports sheet` };
}

/** The first line of each component key (a CSV repeats a component on each of its material lines). */
export function firstOfEachKey(componentLines: SheetRecord[]): SheetRecord[] {
  const seen = new Set<string>();
  return componentLines.filter(({ record }) => {
    const key = text(record.key);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
