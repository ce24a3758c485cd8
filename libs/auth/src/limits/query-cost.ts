import { MAX_PAGE_SIZE } from '@registry/core';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isEnumType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  type ValueNode,
} from 'graphql';

// Equal to MAX_COMPONENTS and MAX_MATERIALS of @registry/composition (query-cost-caps.spec.ts checks it).
/** Largest composition document accepted (the composition limits): its components, and its materials in all. */
export const MAX_COMPONENTS_PER_DOCUMENT = 5_000;
export const MAX_MATERIALS_PER_DOCUMENT = 20_000;
/** The chemical elements: the most critical materials one product can list. */
const CHEMICAL_ELEMENTS = 118;

/** Page-size arguments: always a whole number from 1 to MAX_PAGE_SIZE. */
export const PAGE_SIZE_ARGUMENTS = ['first', 'last'] as const;
export const MIN_PAGE_SIZE = 1;
export { MAX_PAGE_SIZE };

/**
 * How a query's cost is estimated, before it runs (an upper bound of the objects it can resolve):
 * - every field counts 1, `__typename` nothing, introspection like any other field; a mutation field counts `mutation` (a write: a transaction, hashes,
 *   a signature and an audit event);
 * - the fields under a field with a page-size argument count that many times (its default when not given; a page
 *   size given by a variable counts as `largestPage` while its value is unknown), and the lists directly under it
 *   (a connection's `edges`) hold that page, so they do not multiply again;
 * - the fields under a list with a known cap (LIST_CAPS: the components and materials of a document, the types and
 *   fields of the schema for introspection) count up to that cap; a cap per document is shared by the items of an
 *   enclosing capped list (5,000 components hold 20,000 materials in all, not 20,000 each);
 * - the fields under any other list (reference data: clusters, critical lists) count `assumedListSize` times.
 */
export const COST_MODEL = { assumedListSize: 10, largestPage: MAX_PAGE_SIZE, mutation: 100 } as const;

/** Highest cost of the introspection in one operation: the standard introspection query of this schema costs about 31,000. */
export const MAX_INTROSPECTION_COST = 50_000;

/** Most items of a list under one parent, and in all of one document (a passport, a diff, the schema). */
interface ListCap {
  perParent: number;
  perDocument: number;
}

const LIST_CAPS: Record<string, ListCap> = {
  'Passport.components': { perParent: MAX_COMPONENTS_PER_DOCUMENT, perDocument: MAX_COMPONENTS_PER_DOCUMENT },
  'Component.materials': { perParent: MAX_MATERIALS_PER_DOCUMENT, perDocument: MAX_MATERIALS_PER_DOCUMENT },
  'Passport.criticalMaterials': { perParent: CHEMICAL_ELEMENTS, perDocument: CHEMICAL_ELEMENTS },
  // A diff holds the components and materials of two documents; a reuse value a line per component.
  'PassportDiff.components': { perParent: 2 * MAX_COMPONENTS_PER_DOCUMENT, perDocument: 2 * MAX_COMPONENTS_PER_DOCUMENT },
  'ComponentChange.materials': { perParent: 2 * MAX_MATERIALS_PER_DOCUMENT, perDocument: 2 * MAX_MATERIALS_PER_DOCUMENT },
  'ReuseValue.breakdown': { perParent: MAX_COMPONENTS_PER_DOCUMENT, perDocument: MAX_COMPONENTS_PER_DOCUMENT },
  'ReuseValueComponent.materials': { perParent: MAX_MATERIALS_PER_DOCUMENT, perDocument: MAX_MATERIALS_PER_DOCUMENT },
};

/** The introspection lists, sized from the schema itself (computed once per schema). */
const introspectionCaps = new WeakMap<GraphQLSchema, Record<string, ListCap>>();

function introspectionCapsOf(schema: GraphQLSchema): Record<string, ListCap> {
  const cached = introspectionCaps.get(schema);
  if (cached) return cached;
  const types = Object.values(schema.getTypeMap());
  const directives = schema.getDirectives();
  const sized = (sizes: number[]): ListCap => ({
    perParent: Math.max(1, ...sizes),
    perDocument: Math.max(
      1,
      sizes.reduce((a, b) => a + b, 0),
    ),
  });
  const fields = types.flatMap((type) => (isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : []));
  const caps: Record<string, ListCap> = {
    '__Schema.types': sized([types.length]),
    '__Schema.directives': sized([directives.length]),
    '__Type.fields': sized(types.map((type) => (isObjectType(type) || isInterfaceType(type) ? Object.keys(type.getFields()).length : 0))),
    '__Type.inputFields': sized(types.map((type) => (isInputObjectType(type) ? Object.keys(type.getFields()).length : 0))),
    '__Type.enumValues': sized(types.map((type) => (isEnumType(type) ? type.getValues().length : 0))),
    '__Type.interfaces': sized(types.map((type) => (isObjectType(type) || isInterfaceType(type) ? type.getInterfaces().length : 0))),
    '__Type.possibleTypes': sized(types.map((type) => (isInterfaceType(type) || isCompositeType(type) ? schema.getPossibleTypes(type as never).length : 0))),
    '__Field.args': sized(fields.map((field) => field.args.length)),
    '__Directive.args': sized(directives.map((directive) => directive.args.length)),
  };
  introspectionCaps.set(schema, caps);
  return caps;
}

/** A page-size argument as written in the operation, with its value once known. */
export interface PageArgument {
  /** `Type.field(argument)`, for messages. */
  coordinate: string;
  argument: string;
  /** The literal, the variable's value or default, or null when only known at run time. */
  value: unknown;
  /** The variable it was given by, if any. */
  variable: string | null;
}

export interface OperationMeasure {
  /** Deepest nesting of fields, introspection included. */
  depth: number;
  /** Estimated cost (see COST_MODEL). */
  cost: number;
  /** Fields selected at the root, through fragments, `__typename` excepted. */
  rootFields: number;
  /** `__schema` fields selected. */
  schemaFields: number;
  /** The part of `cost` spent on `__schema` and `__type`. */
  introspectionCost: number;
  /** Whether `__schema` or `__type` is selected. */
  introspection: boolean;
  /** Every page-size argument given, or defaulted by a variable. */
  pageArguments: PageArgument[];
}

/**
 * Measures one operation of a document, before it runs. `variables`: the request's variables when known (the
 * QueryCostHook), or undefined during validation (a page size from a variable then counts as the largest page).
 * Fragments are followed and measured once per context, so fragments that spread each other several times cannot
 * make the measuring itself expensive; a fragment that spreads itself is left to graphql-js's NoFragmentCycles rule,
 * and unknown fields to FieldsOnCorrectType.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables?: Record<string, unknown>,
): OperationMeasure {
  const root =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const pageArguments: PageArgument[] = [];
  if (!root) return { depth: 0, cost: 0, rootFields: 0, schemaFields: 0, introspectionCost: 0, introspection: false, pageArguments };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const defaults = new Map((operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition.defaultValue]));
  const caps = { ...LIST_CAPS, ...introspectionCapsOf(schema) };
  const seenArguments = new Set<ValueNode>();

  /** The page size a field asks for, or null when it has no page-size argument. */
  const pageSize = (parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, node: FieldNode): number | null => {
    let size: number | null = null;
    for (const definition of field.args) {
      if (!(PAGE_SIZE_ARGUMENTS as readonly string[]).includes(definition.name)) continue;
      const given = node.arguments?.find((arg) => arg.name.value === definition.name)?.value;
      const variable = given?.kind === Kind.VARIABLE ? given.name.value : null;
      let value: unknown;
      if (variable !== null && variables && variables[variable] !== undefined && variables[variable] !== null) value = variables[variable];
      else if (variable !== null) value = literal(defaults.get(variable)) ?? (variables ? definition.defaultValue : null);
      else value = given ? literal(given) : definition.defaultValue;
      if (given && !seenArguments.has(given)) {
        seenArguments.add(given);
        pageArguments.push({ coordinate: `${parent.name}.${field.name}(${definition.name})`, argument: definition.name, value, variable });
      }
      const known = typeof value === 'number' && Number.isInteger(value) ? Math.min(Math.max(value, MIN_PAGE_SIZE), MAX_PAGE_SIZE) : COST_MODEL.largestPage;
      size = Math.max(size ?? 0, known);
    }
    return size;
  };

  const fieldOf = (parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (parent === root && name === '__schema') return SchemaMetaFieldDef;
    if (parent === root && name === '__type') return TypeMetaFieldDef;
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  };

  type Measure = Omit<OperationMeasure, 'pageArguments'>;
  const memo = new Map<string, Measure>();

  /**
   * Depth, cost and root counts of a selection set, for one parent object. `paged`: the set of a paged field, whose
   * lists are the page itself. `occurrences`: how many objects like the parent one document holds, when it was
   * reached through capped lists (1 otherwise), so that caps per document are shared out.
   */
  const visit = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, path: Set<string>, paged: boolean, occurrences: number): Measure => {
    const measure: Measure = { depth: 0, cost: 0, rootFields: 0, schemaFields: 0, introspectionCost: 0, introspection: false };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        if (parent === root) {
          measure.rootFields += 1;
          if (name === '__schema') measure.schemaFields += 1;
          if (name === '__schema' || name === '__type') measure.introspection = true;
        }
        const field = fieldOf(parent, name);
        if (!field) continue;
        const page = pageSize(parent, field, selection);
        const isList = isListType(getNullableType(field.type));
        const cap = caps[`${parent.name}.${name}`];
        let times = 1;
        let inner = 1;
        if (page !== null) {
          times = page;
        } else if (isList && cap && !paged) {
          times = Math.min(cap.perParent, Math.max(1, Math.ceil(cap.perDocument / occurrences)));
          inner = occurrences * times;
        } else if (isList && !paged) {
          times = COST_MODEL.assumedListSize;
        }
        const named = getNamedType(field.type);
        const below =
          selection.selectionSet && isCompositeType(named) ? visit(selection.selectionSet, named, path, page !== null, inner) : { depth: 0, cost: 0 };
        // `ofType` (the type a list or non-null wraps) adds no depth: standard introspection queries follow it 8 levels
        // deep, the schema ends the chain after a few, and its cost still counts.
        const level = parent.name === '__Type' && name === 'ofType' ? 0 : 1;
        measure.depth = Math.max(measure.depth, level + below.depth);
        const own = parent === root && operation.operation === 'mutation' ? COST_MODEL.mutation : 1;
        measure.cost += own + times * below.cost;
        if (parent === root && (name === '__schema' || name === '__type')) measure.introspectionCost += own + times * below.cost;
      } else {
        let inner: Measure;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
          inner = visit(selection.selectionSet, condition && isCompositeType(condition) ? condition : parent, path, paged, occurrences);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || path.has(name)) continue;
          const condition = schema.getType(fragment.typeCondition.name.value);
          const type = condition && isCompositeType(condition) ? condition : parent;
          // A fragment measures the same wherever it is spread in the same context: measured once.
          const key = `${name}|${type.name}|${parent === root}|${paged}|${occurrences}`;
          inner = memo.get(key) ?? visit(fragment.selectionSet, type, new Set(path).add(name), paged, occurrences);
          memo.set(key, inner);
        }
        // A fragment's fields sit at the level of the selection that spreads it: same depth, cost and counts added.
        measure.depth = Math.max(measure.depth, inner.depth);
        measure.cost += inner.cost;
        measure.rootFields += inner.rootFields;
        measure.schemaFields += inner.schemaFields;
        measure.introspectionCost += inner.introspectionCost;
        measure.introspection ||= inner.introspection;
      }
    }
    return measure;
  };

  const { depth, cost, rootFields, schemaFields, introspectionCost, introspection } = visit(operation.selectionSet, root, new Set(), false, 1);
  return { depth, cost, rootFields, schemaFields, introspectionCost, introspection, pageArguments };
}

/** The value of a literal (numbers, for page sizes); null for anything else. */
function literal(node: ValueNode | undefined): unknown {
  if (!node) return null;
  if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
  if (node.kind === Kind.NULL) return null;
  return node.kind === Kind.STRING ? node.value : null;
}
