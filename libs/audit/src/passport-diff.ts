import { type CompositionDocument, type FlatComponent, type FlatMaterial, flattenComposition } from '@registry/composition';
import { canonicalJson } from '@registry/verification';

export type ChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';

/** One field that differs; `from` is null for an added thing, `to` null for a removed one. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface MaterialChange {
  name: string;
  element: string | null;
  casNumber: string | null;
  change: ChangeKind;
  fields: FieldChange[];
}

export interface ComponentChange {
  key: string;
  /** The component's path in the newer revision (in the older one for a removed component). */
  path: string;
  change: ChangeKind;
  fields: FieldChange[];
  materials: MaterialChange[];
}

export interface CompositionDiff {
  /** Keys of the document itself that differ (productMassKg, unitCount, utility, clusterData, ...). */
  documentFields: FieldChange[];
  components: ComponentChange[];
  totalMassKg: { from: number; to: number };
}

/**
 * What changed from one composition document to another. Components are matched by key; the materials of a
 * component by (element, casNumber, name), in document order when a component lists the same material twice.
 * Unchanged components and materials are left out. Derived figures (units and masses per product, positions) are
 * not compared: they follow from the fields that are.
 */
export function diffCompositions(from: CompositionDocument, to: CompositionDocument): CompositionDiff {
  const before = flattenComposition(from);
  const after = flattenComposition(to);
  const beforeByKey = new Map(before.components.map((component) => [component.key, component]));
  const afterKeys = new Set(after.components.map((component) => component.key));

  const components: ComponentChange[] = [];
  for (const component of after.components) {
    const old = beforeByKey.get(component.key);
    const change = old ? compareComponents(old, component) : addedOrRemoved(component, 'ADDED');
    if (change) components.push(change);
  }
  for (const component of before.components) {
    if (!afterKeys.has(component.key)) components.push(addedOrRemoved(component, 'REMOVED'));
  }

  return {
    documentFields: compareFields(documentFieldsOf(from), documentFieldsOf(to)),
    components,
    totalMassKg: { from: before.totalMassKg, to: after.totalMassKg },
  };
}

function documentFieldsOf(document: CompositionDocument): Record<string, unknown> {
  const { components: _components, ...fields } = document;
  return fields;
}

function componentFieldsOf(component: FlatComponent): Record<string, unknown> {
  return {
    name: component.name,
    path: component.path,
    parentKey: component.parentKey,
    quantity: component.quantity,
    massKg: component.massKg,
    ...component.details,
  };
}

function materialFieldsOf(material: FlatMaterial): Record<string, unknown> {
  return { massKg: material.massKg, recycledContentPct: material.recycledContentPct, ...material.details };
}

function compareComponents(from: FlatComponent, to: FlatComponent): ComponentChange | null {
  const fields = compareFields(componentFieldsOf(from), componentFieldsOf(to));
  const materials = compareMaterials(from.materials, to.materials);
  if (fields.length === 0 && materials.length === 0) return null;
  return { key: to.key, path: to.path, change: 'CHANGED', fields, materials };
}

function addedOrRemoved(component: FlatComponent, change: 'ADDED' | 'REMOVED'): ComponentChange {
  const fields = componentFieldsOf(component);
  const empty = {};
  return {
    key: component.key,
    path: component.path,
    change,
    fields: change === 'ADDED' ? compareFields(empty, fields) : compareFields(fields, empty),
    materials: component.materials.map((material) => {
      const materialFields = materialFieldsOf(material);
      return {
        ...identityOf(material),
        change,
        fields: change === 'ADDED' ? compareFields(empty, materialFields) : compareFields(materialFields, empty),
      };
    }),
  };
}

function compareMaterials(from: FlatMaterial[], to: FlatMaterial[]): MaterialChange[] {
  // Each identity keeps a queue of the older materials, so a repeated material matches its n-th occurrence.
  const unmatched = new Map<string, FlatMaterial[]>();
  for (const material of from) {
    const key = materialKey(material);
    unmatched.set(key, [...(unmatched.get(key) ?? []), material]);
  }
  const changes: MaterialChange[] = [];
  for (const material of to) {
    const old = unmatched.get(materialKey(material))?.shift();
    if (!old) {
      changes.push({ ...identityOf(material), change: 'ADDED', fields: compareFields({}, materialFieldsOf(material)) });
      continue;
    }
    const fields = compareFields(materialFieldsOf(old), materialFieldsOf(material));
    if (fields.length > 0) changes.push({ ...identityOf(material), change: 'CHANGED', fields });
  }
  for (const material of [...unmatched.values()].flat()) {
    changes.push({ ...identityOf(material), change: 'REMOVED', fields: compareFields(materialFieldsOf(material), {}) });
  }
  return changes;
}

function identityOf(material: FlatMaterial): Pick<MaterialChange, 'name' | 'element' | 'casNumber'> {
  return { name: material.name, element: material.elementSymbol, casNumber: material.casNumber };
}

function materialKey(material: FlatMaterial): string {
  return JSON.stringify([material.elementSymbol, material.casNumber, material.name]);
}

/** The fields whose values differ (compared as canonical JSON); a missing field counts as null. */
function compareFields(from: Record<string, unknown>, to: Record<string, unknown>): FieldChange[] {
  const names = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  const changes: FieldChange[] = [];
  for (const field of names) {
    const before = from[field] ?? null;
    const after = to[field] ?? null;
    if (canonicalJson(before) !== canonicalJson(after)) changes.push({ field, from: before, to: after });
  }
  return changes;
}
