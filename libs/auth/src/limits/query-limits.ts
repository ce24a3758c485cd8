import {
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLField,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type GraphQLCompositeType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

export interface QueryLimits {
  /** Deepest nesting of fields allowed (MAX_QUERY_DEPTH); 0 for no limit. */
  maxDepth: number;
  /** Highest estimated cost allowed (MAX_QUERY_COST); 0 for no limit. */
  maxCost: number;
}

/**
 * How a query's cost is estimated, before it runs:
 * - every field counts 1 (`__typename` and introspection count nothing);
 * - the fields under a field with a `first` argument count `first` times (its default when not given; a page size
 *   given by a variable counts as `largestPage`, since validation runs before variables are known), and the lists
 *   directly under it (a connection's `edges`) hold that page, so they do not multiply again;
 * - the fields under any other list count `assumedListSize` times.
 */
export const COST_MODEL = { assumedListSize: 10, largestPage: 100 } as const;

interface Measure {
  depth: number;
  cost: number;
}

/**
 * Measures depth and cost of each operation in a document. Fragments are followed (a fragment that spreads
 * itself is left to graphql-js's NoFragmentCycles rule); unknown fields are left to FieldsOnCorrectType.
 */
export function measureOperation(context: ValidationContext, operation: OperationDefinitionNode): Measure {
  const schema = context.getSchema();
  const root =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return { depth: 0, cost: 0 };
  const defaults = new Map(
    (operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition.defaultValue]),
  );

  const pageSize = (field: GraphQLField<unknown, unknown>, args: readonly { name: { value: string }; value: ValueNode }[]): number | null => {
    const definition = field.args.find((arg) => arg.name === 'first');
    if (!definition) return null;
    const given = args.find((arg) => arg.name.value === 'first')?.value;
    const value = given?.kind === Kind.VARIABLE ? defaults.get(given.name.value) : given;
    if (value?.kind === Kind.INT) return Number(value.value);
    if (given?.kind === Kind.VARIABLE) return COST_MODEL.largestPage;
    return typeof definition.defaultValue === 'number' ? definition.defaultValue : COST_MODEL.largestPage;
  };

  /** `paged`: the selection set is that of a paged field, whose lists are the page itself. */
  const visit = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, fragments: Set<string>, paged: boolean): Measure => {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (!field) continue;
        const page = pageSize(field, selection.arguments ?? []);
        let inner: Measure = { depth: 0, cost: 0 };
        const named = getNamedType(field.type);
        if (selection.selectionSet && isCompositeType(named)) inner = visit(selection.selectionSet, named, fragments, page !== null);
        const times = page ?? (isListType(getNullableType(field.type)) && !paged ? COST_MODEL.assumedListSize : 1);
        depth = Math.max(depth, 1 + inner.depth);
        cost += 1 + times * inner.cost;
      } else {
        let set: SelectionSetNode;
        let type: GraphQLCompositeType = parent;
        let seen = fragments;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          set = selection.selectionSet;
          const condition = selection.typeCondition && context.getSchema().getType(selection.typeCondition.name.value);
          if (condition && isCompositeType(condition)) type = condition;
        } else {
          const name = selection.name.value;
          const fragment = context.getFragment(name);
          if (!fragment || fragments.has(name)) continue;
          set = fragment.selectionSet;
          const condition = context.getSchema().getType(fragment.typeCondition.name.value);
          if (condition && isCompositeType(condition)) type = condition;
          seen = new Set(fragments).add(name);
        }
        // A fragment's fields sit at the level of the selection that spreads it: same depth, cost added.
        const inner = visit(set, type, seen, paged);
        depth = Math.max(depth, inner.depth);
        cost += inner.cost;
      }
    }
    return { depth, cost };
  };

  return visit(operation.selectionSet, root, new Set(), false);
}

function operationLabel(operation: OperationDefinitionNode): string {
  return operation.name ? `Operation "${operation.name.value}"` : `The ${operation.operation}`;
}

/**
 * Validation rules that refuse, before anything runs, queries nested deeper than `maxDepth` or estimated to cost
 * more than `maxCost`. The error names the limit, its setting and the value found.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const rule: ValidationRule = (context) => ({
    OperationDefinition(operation) {
      const { depth, cost } = measureOperation(context, operation);
      if (limits.maxDepth > 0 && depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(`${operationLabel(operation)} is nested ${depth} levels deep; the limit is ${limits.maxDepth} (MAX_QUERY_DEPTH)`, {
            nodes: [operation],
            extensions: { limit: 'MAX_QUERY_DEPTH', maximum: limits.maxDepth, actual: depth },
          }),
        );
      }
      if (limits.maxCost > 0 && cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(
            `${operationLabel(operation)} has an estimated cost of ${cost}; the limit is ${limits.maxCost} (MAX_QUERY_COST). ` +
              'Ask for smaller pages (first) or fewer nested lists.',
            { nodes: [operation], extensions: { limit: 'MAX_QUERY_COST', maximum: limits.maxCost, actual: cost } },
          ),
        );
      }
      return false;
    },
  });
  return [rule];
}
