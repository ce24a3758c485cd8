import { selectedFields } from '@registry/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { HitParts } from './search.sql';

/**
 * Which related rows of a hit the query selects (`edges { node { passport … component { materials … } } }`), through fragments
 * too, so that the page's statement builds only those.
 */
export function hitPartsOf(info: GraphQLResolveInfo): HitParts {
  const node = selectedFields(info, ['edges', 'node']);
  return {
    passport: node.has('passport'),
    component: node.has('component'),
    componentMaterials: selectedFields(info, ['edges', 'node', 'component']).has('materials'),
  };
}
