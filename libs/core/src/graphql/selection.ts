import { type GraphQLResolveInfo, Kind, type SelectionNode } from 'graphql';

/**
 * The names of the fields selected at `path` below the field being resolved (`[]`: its own sub-fields), through inline
 * and named fragments, so that a resolver reads only what the query asks for. @skip/@include are not evaluated: at
 * worst a part is read for nothing.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[] = []): Set<string> {
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
