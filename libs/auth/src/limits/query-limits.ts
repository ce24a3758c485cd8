import { GraphQLError, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { MAX_INTROSPECTION_COST, MAX_PAGE_SIZE, measureOperation, MIN_PAGE_SIZE, type OperationMeasure, type PageArgument } from './query-cost';

export interface QueryLimits {
  /** Deepest nesting of fields allowed (MAX_QUERY_DEPTH); 0 for no limit. */
  maxDepth: number;
  /** Highest estimated cost allowed (MAX_QUERY_COST); 0 for no limit. */
  maxCost: number;
  /** Most fields at the root of an operation, aliases included (MAX_ROOT_FIELDS); 0 for no limit. */
  maxRootFields: number;
  /** Most mutations in one operation (MAX_MUTATIONS); 0 for no limit. */
  maxMutations: number;
  /** Whether `__schema` and `__type` may be asked for (GRAPHQL_INTROSPECTION). */
  introspection: boolean;
}

/** At most one `__schema` per operation: the whole schema once is all any client needs. */
export const MAX_SCHEMA_FIELDS = 1;

function operationLabel(operation: OperationDefinitionNode): string {
  return operation.name ? `Operation "${operation.name.value}"` : `The ${operation.operation}`;
}

/** A page size out of range, or null; the value is known (a literal, a variable's default or its value). */
export function pageSizeProblem(argument: PageArgument): string | null {
  const { value } = argument;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= MIN_PAGE_SIZE && value <= MAX_PAGE_SIZE) return null;
  const given = argument.variable ? ` (variable $${argument.variable})` : '';
  return `${argument.argument}: must be between ${MIN_PAGE_SIZE} and ${MAX_PAGE_SIZE}, got ${JSON.stringify(value)}${given} in ${argument.coordinate}`;
}

/** Everything over a limit in one measured operation, each as an error naming the limit and its setting. */
function limitErrors(operation: OperationDefinitionNode, measure: OperationMeasure, limits: QueryLimits): GraphQLError[] {
  const label = operationLabel(operation);
  const errors: GraphQLError[] = [];
  const over = (message: string, limit: string, maximum: number, actual: number) =>
    errors.push(new GraphQLError(message, { nodes: [operation], extensions: { limit, maximum, actual } }));

  if (measure.introspection && !limits.introspection) {
    errors.push(
      new GraphQLError(
        'Introspection (__schema, __type) is turned off on this server (GRAPHQL_INTROSPECTION, off by default when NODE_ENV=production). ' +
          'The schema is published as schema.gql.',
        { nodes: [operation], extensions: { limit: 'GRAPHQL_INTROSPECTION' } },
      ),
    );
  }
  if (measure.schemaFields > MAX_SCHEMA_FIELDS) {
    over(
      `${label} asks for __schema ${measure.schemaFields} times; the limit is ${MAX_SCHEMA_FIELDS} per operation`,
      'MAX_SCHEMA_FIELDS',
      MAX_SCHEMA_FIELDS,
      measure.schemaFields,
    );
  }
  if (limits.introspection && measure.introspectionCost > MAX_INTROSPECTION_COST) {
    over(
      `${label} has an estimated introspection cost of ${measure.introspectionCost}; the limit is ${MAX_INTROSPECTION_COST} (MAX_INTROSPECTION_COST). ` +
        'The whole schema once costs less; it is also published as schema.gql.',
      'MAX_INTROSPECTION_COST',
      MAX_INTROSPECTION_COST,
      measure.introspectionCost,
    );
  }
  if (operation.operation === 'mutation' && limits.maxMutations > 0 && measure.rootFields > limits.maxMutations) {
    over(
      `${label} has ${measure.rootFields} mutations; the limit is ${limits.maxMutations} (MAX_MUTATIONS). Send them in several requests.`,
      'MAX_MUTATIONS',
      limits.maxMutations,
      measure.rootFields,
    );
  }
  if (limits.maxRootFields > 0 && measure.rootFields > limits.maxRootFields) {
    over(
      `${label} has ${measure.rootFields} root fields (aliases included); the limit is ${limits.maxRootFields} (MAX_ROOT_FIELDS)`,
      'MAX_ROOT_FIELDS',
      limits.maxRootFields,
      measure.rootFields,
    );
  }
  if (limits.maxDepth > 0 && measure.depth > limits.maxDepth) {
    over(
      `${label} is nested ${measure.depth} levels deep; the limit is ${limits.maxDepth} (MAX_QUERY_DEPTH)`,
      'MAX_QUERY_DEPTH',
      limits.maxDepth,
      measure.depth,
    );
  }
  if (limits.maxCost > 0 && measure.cost > limits.maxCost) {
    over(
      `${label} has an estimated cost of ${measure.cost}; the limit is ${limits.maxCost} (MAX_QUERY_COST). Ask for smaller pages (first) or fewer nested lists.`,
      'MAX_QUERY_COST',
      limits.maxCost,
      measure.cost,
    );
  }
  return errors;
}

/**
 * Validation rules that refuse, before anything runs: page sizes outside 1..100, introspection when turned off or
 * asked for more than once, too many root fields or mutations, and operations nested deeper than `maxDepth` or
 * estimated to cost more than `maxCost`. Each error names the limit, its setting and the value found. Page sizes
 * given by variables are checked again with their values by the QueryCostHook.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const rule: ValidationRule = (context) => ({
    OperationDefinition(operation) {
      const measure = measureOperation(context.getSchema(), context.getDocument(), operation);
      for (const argument of measure.pageArguments) {
        const problem = pageSizeProblem(argument);
        if (problem) {
          context.reportError(
            new GraphQLError(problem, {
              nodes: [operation],
              extensions: {
                argument: argument.argument,
                limit: 'MAX_PAGE_SIZE',
                minimum: MIN_PAGE_SIZE,
                maximum: MAX_PAGE_SIZE,
                violations: [{ path: argument.argument, message: problem, keyword: 'range' }],
              },
            }),
          );
        }
      }
      for (const error of limitErrors(operation, measure, limits)) context.reportError(error);
      return false;
    },
  });
  return [rule];
}
