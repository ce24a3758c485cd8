import { type GraphQLResolveInfo, Kind, type SelectionNode } from 'graphql';
import { type HitParts, PASSPORT_NAME_FIELDS, PASSPORT_SUMMARY_FIELDS, type PassportPart } from './search.sql';

/**
 * Which related rows of a hit the query selects (`edges { node { passport … component { materials … } } }`), through fragments
 * too, so that the page's statement builds only those: the passport's name or summary columns when the selection names no
 * other passport field, else its whole row. @skip/@include are not evaluated: at worst a part is read for nothing.
 */
export function hitPartsOf(info: GraphQLResolveInfo): HitParts {
  const node = fieldsAt(info, ['edges', 'node']);
  return {
    passport: node.has('passport') ? passportPart(fieldsAt(info, ['edges', 'node', 'passport'])) : 'none',
    component: node.has('component'),
    componentMaterials: fieldsAt(info, ['edges', 'node', 'component']).has('materials'),
  };
}

function passportPart(fields: Set<string>): PassportPart {
  const named = [...fields].filter((field) => field !== '__typename');
  if (named.every((field) => PASSPORT_NAME_FIELDS.has(field))) return 'name';
  if (named.every((field) => PASSPORT_SUMMARY_FIELDS.has(field))) return 'summary';
  return 'row';
}

/** The names of the fields selected at `path` below the field being resolved. */
function fieldsAt(info: GraphQLResolveInfo, path: string[]): Set<string> {
  const selected = new Set<string>();
  const visit = (selections: readonly SelectionNode[], depth: number): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        if (depth === path.length) selected.add(selection.name.value);
        else if (selection.name.value === path[depth] && selection.selectionSet) visit(selection.selectionSet.selections, depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet.selections, depth);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet.selections, depth);
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) visit(node.selectionSet.selections, 0);
  return selected;
}
