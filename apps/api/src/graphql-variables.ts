import {
  astFromValue,
  type DocumentNode,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  valueFromASTUntyped,
} from 'graphql';

/** The request's operation name as sent (Mercurius does not hand it to hooks). */
function operationNameOf(context: { reply?: { request: { body?: unknown; query?: unknown } } }): string | undefined {
  const request = context.reply?.request;
  const name = ((request?.body ?? request?.query) as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' ? name : undefined;
}

/** Writes the default of every omitted input field into `value` (as JSON), for the compiled executor. */
function fillDefaults(type: GraphQLInputType, value: unknown): void {
  if (isNonNullType(type)) return fillDefaults(type.ofType, value);
  if (value === null || typeof value !== 'object') return;
  if (isListType(type)) {
    if (Array.isArray(value)) for (const item of value) fillDefaults(type.ofType, item);
    return;
  }
  if (!isInputObjectType(type) || Array.isArray(value)) return;
  const object = value as Record<string, unknown>;
  for (const field of Object.values(type.getFields())) {
    if (object[field.name] === undefined && field.defaultValue !== undefined) {
      const ast = astFromValue(field.defaultValue, field.type);
      if (ast) object[field.name] = valueFromASTUntyped(ast);
    } else {
      fillDefaults(field.type, object[field.name]);
    }
  }
}

/**
 * Mercurius's preExecution hook ahead of the compiled executor (graphql-jit), which coerces variables itself: the
 * variables are coerced by graphql-js first, so that every request gets its errors (BAD_USER_INPUT with the scalar's
 * own message) whether or not its query is compiled yet, and omitted input fields get their defaults (graphql-jit
 * would refuse a `Boolean! = false` field left out, which GraphQL allows).
 */
export function prepareVariables(schema: GraphQLSchema, document: DocumentNode, context: object, variables?: Record<string, unknown>): void {
  const operation = getOperationAST(document, operationNameOf(context));
  if (!operation?.variableDefinitions?.length) return;
  const coerced = getVariableValues(schema, operation.variableDefinitions, variables ?? {});
  if (coerced.errors) {
    // The shape of Mercurius's own variable errors: the error formatter answers 400 with each error and its code.
    throw Object.assign(new Error('Invalid variables'), { statusCode: 400, errors: coerced.errors satisfies readonly GraphQLError[] });
  }
  if (!variables) return;
  for (const definition of operation.variableDefinitions) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type) fillDefaults(type, variables[definition.variable.name.value]);
  }
}
