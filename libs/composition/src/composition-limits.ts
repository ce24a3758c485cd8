// Size limits of a composition document, checked before the schema and the rules do any work. Real products stay far
// below them; they keep a hostile document from exhausting the stack, the memory or the database (every string and
// key here ends up in PostgreSQL, which refuses U+0000). The walk is iterative so that no nesting overflows the stack.
import type { Violation } from '@registry/core';
import { childPointer } from './json-pointer';

/** Deepest component nesting: top-level components have depth 0, so a path holds at most 33 keys. */
export const MAX_COMPONENT_DEPTH = 32;
/** Components in one document, at all depths. */
export const MAX_COMPONENTS = 5000;
/** Materials in one document, over all components. */
export const MAX_MATERIALS = 20000;
/** Characters of an object key, and of a component `key` value (with MAX_COMPONENT_DEPTH, a path stays under 2,200 characters). */
export const MAX_KEY_LENGTH = 64;
/** Characters of any string value. */
export const MAX_STRING_LENGTH = 10_000;
/** Levels of JSON nesting (objects and arrays) anywhere in the document, extension data included. */
export const MAX_NESTING_DEPTH = 128;
/** Items of any one list (components and materials are bounded tighter, over the whole document). */
export const MAX_LIST_ITEMS = MAX_MATERIALS;
/** Largest utility factor X = (L / L_av) (U / U_av) of the circularity indicator, and 1 / it the smallest (a rule of composition-rules.ts). */
export const MAX_UTILITY_FACTOR = 1_000_000;
/** Serialized size (JSON characters) of all extension data of a document: the values of its "x-" properties. */
export const MAX_EXTENSION_SIZE = 64 * 1024;

const EXTENSION_MESSAGE = `extension data ("x-" properties) exceeds ${MAX_EXTENSION_SIZE} characters serialized (MAX_EXTENSION_SIZE)`;

type Kind = 'document' | 'component' | 'material' | 'other';

interface Frame {
  value: unknown;
  parent: Frame | null;
  token: string | number;
  kind: Kind;
  /** Levels of objects and arrays above this value. */
  nesting: number;
  /** Depth of the component this value is or belongs to (-1 above the components). */
  componentDepth: number;
  /** Inside the value of an "x-" property. */
  extension: boolean;
}

/** The JSON pointer of a frame, built only when a violation is reported. */
function pointerOf(frame: Frame): string {
  const tokens: (string | number)[] = [];
  for (let f: Frame | null = frame; f !== null && f.parent !== null; f = f.parent) tokens.push(f.token);
  return childPointer('', ...tokens.reverse());
}

/**
 * Violations of the size limits, in the order the walk meets them; empty when the document is within them. Stops
 * counting a limit once it is exceeded (each limit is reported once, except NUL characters and long keys and strings,
 * which are reported where they are, up to a few).
 */
export function documentLimitViolations(document: unknown): Violation[] {
  const violations: Violation[] = [];
  const report = (frame: Frame, keyword: string, message: string, token?: string): void => {
    violations.push({ path: token === undefined ? pointerOf(frame) : childPointer(pointerOf(frame), token), keyword, message });
  };
  const reported = new Set<string>();
  const reportOnce = (frame: Frame, keyword: string, message: string): void => {
    if (reported.has(keyword)) return;
    reported.add(keyword);
    // Extension data is named by the "x-" property it belongs to.
    let at = frame;
    if (keyword === 'maxExtensionSize') while (at.parent?.extension) at = at.parent;
    report(at, keyword, message);
  };
  let components = 0;
  let materials = 0;
  let extensionSize = 0;
  // Violations of keys, strings and NUL characters stop being listed after this many: the first ones say enough.
  const MAX_LISTED = 20;
  const stack: Frame[] = [{ value: document, parent: null, token: '', kind: 'document', nesting: 0, componentDepth: -1, extension: false }];

  while (stack.length > 0 && violations.length < MAX_LISTED) {
    const frame = stack.pop()!;
    const { value } = frame;
    if (frame.extension && reported.has('maxExtensionSize')) continue;

    if (typeof value === 'string') {
      if (frame.extension) extensionSize += value.length + 1; // + quotes, minus the character counted for the slot
      if (value.length > MAX_STRING_LENGTH) {
        report(frame, 'maxStringLength', `string of ${value.length} characters; at most ${MAX_STRING_LENGTH} are accepted (MAX_STRING_LENGTH)`);
      } else if (value.includes('\u0000')) {
        report(frame, 'nulCharacter', 'must not contain the NUL character (U+0000)');
      }
    } else if (value !== null && typeof value === 'object') {
      if (frame.nesting >= MAX_NESTING_DEPTH) {
        reportOnce(frame, 'maxNestingDepth', `is nested deeper than ${MAX_NESTING_DEPTH} levels of objects and arrays (MAX_NESTING_DEPTH)`);
        continue;
      }
      // Extension data is sized before it is walked: at least one character per item and its separator, so that a
      // huge array is refused without visiting its items.
      if (frame.extension) {
        extensionSize += 1 + (Array.isArray(value) ? value.length : Object.keys(value).length);
        if (extensionSize > MAX_EXTENSION_SIZE) {
          reportOnce(frame, 'maxExtensionSize', EXTENSION_MESSAGE);
          continue;
        }
      }
      // Lists of components and materials are counted (below) against their own, tighter limits.
      if (Array.isArray(value) && value.length > MAX_LIST_ITEMS && childKind(frame) === 'other') {
        reportOnce(frame, 'maxListItems', `list of ${value.length} items; at most ${MAX_LIST_ITEMS} are accepted (MAX_LIST_ITEMS)`);
        continue;
      }
      const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
      // A refused key is reported once: its value is not walked (its problems would be reported at the same pointer).
      const refusedKeys = new Set<string>();
      for (const [token] of entries) {
        if (typeof token !== 'string') continue;
        if (frame.extension || token.startsWith('x-')) extensionSize += token.length + 3;
        if (token.length > MAX_KEY_LENGTH) {
          refusedKeys.add(token);
          report(
            frame,
            'maxKeyLength',
            `key of ${token.length} characters; at most ${MAX_KEY_LENGTH} are accepted (MAX_KEY_LENGTH)`,
            token.slice(0, MAX_KEY_LENGTH),
          );
        } else if (token.includes('\u0000')) {
          refusedKeys.add(token);
          report(frame, 'nulCharacter', 'key must not contain the NUL character (U+0000)', token);
        }
      }
      if (frame.extension && extensionSize > MAX_EXTENSION_SIZE) {
        reportOnce(frame, 'maxExtensionSize', EXTENSION_MESSAGE);
        continue;
      }

      if (frame.kind === 'component') {
        if (frame.componentDepth > MAX_COMPONENT_DEPTH) {
          reportOnce(frame, 'maxComponentDepth', `components are nested deeper than ${MAX_COMPONENT_DEPTH} levels (MAX_COMPONENT_DEPTH)`);
        }
        // Component keys make up the stored component paths; the string check below would allow far longer ones.
        const key = (value as Record<string, unknown>).key;
        if (typeof key === 'string' && key.length > MAX_KEY_LENGTH) {
          report(frame, 'maxKeyLength', `key of ${key.length} characters; at most ${MAX_KEY_LENGTH} are accepted (MAX_KEY_LENGTH)`, 'key');
        }
      }
      // Lists are counted before their items are walked, so that a huge list is refused at once.
      const itemKind = Array.isArray(value) ? childKind(frame) : 'other';
      if (itemKind === 'component') {
        components += entries.length;
        if (components > MAX_COMPONENTS) reportOnce(frame, 'maxComponents', `the document has more than ${MAX_COMPONENTS} components (MAX_COMPONENTS)`);
      } else if (itemKind === 'material') {
        materials += entries.length;
        if (materials > MAX_MATERIALS) reportOnce(frame, 'maxMaterials', `the document has more than ${MAX_MATERIALS} materials (MAX_MATERIALS)`);
      }
      // Past a count or depth limit the rest of the tree is not worth walking: the document is refused anyway.
      if (reported.has('maxComponentDepth') || reported.has('maxComponents') || reported.has('maxMaterials')) break;

      for (let i = entries.length - 1; i >= 0; i--) {
        const [token, child] = entries[i];
        if (typeof token === 'string' && refusedKeys.has(token)) continue;
        stack.push({
          value: child,
          parent: frame,
          token,
          kind: itemKind,
          nesting: frame.nesting + 1,
          componentDepth: itemKind === 'component' ? (frame.parent?.kind === 'component' ? frame.parent.componentDepth + 1 : 0) : frame.componentDepth,
          extension: frame.extension || (typeof token === 'string' && token.startsWith('x-')),
        });
      }
    } else if (frame.extension && value !== undefined) {
      extensionSize += String(value).length - 1;
    }
    if (frame.extension && extensionSize > MAX_EXTENSION_SIZE) {
      reportOnce(frame, 'maxExtensionSize', EXTENSION_MESSAGE);
    }
  }
  return violations;
}

/** What the items of an array are: those of a `components` list are components, those of a component's `materials` list materials. */
function childKind(frame: Frame): Kind {
  const parent = frame.parent;
  if (frame.extension || parent === null) return 'other';
  if (frame.token === 'components' && (parent.kind === 'document' || parent.kind === 'component')) return 'component';
  if (frame.token === 'materials' && parent.kind === 'component') return 'material';
  return 'other';
}
