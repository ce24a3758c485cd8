/** The composition document (schemas/composition.v1.schema.json) as the form edits it, and JSON-pointer helpers. */

export interface Dismantling {
  fastening?: string;
  toolRequired?: string;
  timeMinutes?: number;
  [extra: string]: unknown;
}

export interface MaterialDoc {
  name: string;
  element?: string;
  formula?: string;
  casNumber?: string;
  massKg?: number;
  recycledContentPct?: number;
  [extra: string]: unknown;
}

export interface ComponentDoc {
  key: string;
  name: string;
  quantity?: number;
  massKg?: number;
  location?: string;
  materials: MaterialDoc[];
  components: ComponentDoc[];
  dismantling?: Dismantling;
  [extra: string]: unknown;
}

export interface CompositionDoc {
  schemaVersion: string;
  productMassKg?: number;
  unitCount?: number;
  components: ComponentDoc[];
  [extra: string]: unknown;
}

export const FASTENINGS = ['screwed', 'bolted', 'clipped', 'glued', 'welded', 'soldered', 'riveted', 'press-fit', 'other'];

export function newMaterial(): MaterialDoc {
  return { name: '', element: '', massKg: undefined };
}

export function newComponent(existing: Set<string>): ComponentDoc {
  let n = existing.size + 1;
  while (existing.has(`part-${n}`)) n++;
  return { key: `part-${n}`, name: '', quantity: 1, massKg: undefined, materials: [newMaterial()], components: [] };
}

export function newComposition(): CompositionDoc {
  return { schemaVersion: '1.1', components: [newComponent(new Set())] };
}

export function allKeys(components: ComponentDoc[], keys = new Set<string>()): Set<string> {
  for (const component of components) {
    keys.add(component.key);
    allKeys(component.components, keys);
  }
  return keys;
}

function tokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A copy of `doc` with the value at `pointer` set (removed when undefined or ''). */
export function setAt<T>(doc: T, pointer: string, value: unknown): T {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const path = tokens(pointer);
  let node = copy as Record<string, unknown>;
  for (const token of path.slice(0, -1)) {
    node[token] ??= {};
    node = node[token] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined || value === '') {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  // An emptied dismantling object is dropped rather than sent as {}.
  if (path.length >= 2 && path[path.length - 2] === 'dismantling' && Object.keys(node).length === 0)
    return setAt(copy as T, pointer.slice(0, pointer.lastIndexOf('/')), undefined);
  return copy as T;
}

/** A copy of the document with the array at `pointer` given one more item. */
export function pushAt<T>(doc: T, pointer: string, item: unknown): T {
  const copy = structuredClone(doc) as Record<string, unknown>;
  let node: unknown = copy;
  for (const token of tokens(pointer)) node = (node as Record<string, unknown>)[token];
  (node as unknown[]).push(item);
  return copy as T;
}

/** The document as sent: empty material identifiers left out. */
export function cleaned(doc: CompositionDoc): CompositionDoc {
  const clean = (component: ComponentDoc): ComponentDoc => ({
    ...component,
    materials: component.materials.map(
      (material) => Object.fromEntries(Object.entries(material).filter(([, value]) => value !== '' && value !== undefined)) as MaterialDoc,
    ),
    components: component.components.map(clean),
  });
  return { ...doc, components: doc.components.map(clean) };
}

/** The id of the form field a violation's path names: `gtin` for the passport's fields, a JSON pointer for the document's. */
export function fieldId(path: string): string {
  return `field-${path}`;
}
