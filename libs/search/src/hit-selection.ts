import { selectedFields } from '@registry/core';
import type { GraphQLResolveInfo } from 'graphql';
import { type HitParts, PASSPORT_NAME_FIELDS, PASSPORT_SUMMARY_FIELDS, type PassportPart } from './search.sql';

/**
 * Which related rows of a hit the query selects (`edges { node { passport … component { materials … } } }`), through fragments
 * too, so that the page's statement builds only those: the passport's name or summary columns when the selection names no
 * other passport field, else its whole row. @skip/@include are not evaluated: at worst a part is read for nothing.
 */
export function hitPartsOf(info: GraphQLResolveInfo): HitParts {
  const node = selectedFields(info, ['edges', 'node']);
  return {
    passport: node.has('passport') ? passportPart(selectedFields(info, ['edges', 'node', 'passport'])) : 'none',
    component: node.has('component'),
    componentMaterials: selectedFields(info, ['edges', 'node', 'component']).has('materials'),
  };
}

function passportPart(fields: Set<string>): PassportPart {
  const named = [...fields].filter((field) => field !== '__typename');
  if (named.every((field) => PASSPORT_NAME_FIELDS.has(field))) return 'name';
  if (named.every((field) => PASSPORT_SUMMARY_FIELDS.has(field))) return 'summary';
  return 'row';
}
