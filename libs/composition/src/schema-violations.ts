// Turns Ajv's errors into violations a person can act on: a JSON pointer to the offending (or missing) value and a
// sentence naming that value.
import type { Violation } from '@registry/core';
import type { ErrorObject } from 'ajv/dist/2020';
import { childPointer, lastToken, valueAt } from './json-pointer';

/** The schemaVersion a field newer than 1.0 needs (the others need 1.1). */
const NEWER_FIELDS: Record<string, string> = { environmentalImpact: '1.2', substancesOfConcern: '1.2' };

/** Mass properties: a negative or non-finite value is reported with the `finiteMass` keyword of the semantic rules. */
const MASS_PROPERTIES = new Set(['massKg', 'productMassKg']);

/**
 * @param data the validated value (the document, or its clusterData)
 * @param prefix pointer of `data` in the document ("" or "/clusterData")
 */
export function schemaViolations(data: unknown, errors: readonly ErrorObject[], prefix: string): Violation[] {
  // A failed anyOf also reports why each of its branches failed; the anyOf itself says it better.
  const anyOfErrors = errors.filter((error) => error.keyword === 'anyOf');
  const branchErrorsOf = (anyOf: ErrorObject): ErrorObject[] =>
    errors.filter(
      (error) =>
        error !== anyOf &&
        error.schemaPath.startsWith(anyOf.schemaPath + '/') &&
        (error.instancePath === anyOf.instancePath || error.instancePath.startsWith(anyOf.instancePath + '/')),
    );
  // A failed if/then only repeats that an error of its "then" branch (reported itself) occurred.
  const hidden = new Set([...anyOfErrors.flatMap(branchErrorsOf), ...errors.filter((error) => error.keyword === 'if')]);
  // One missing property required by several others is one problem: reported once, naming all of them.
  const requiredBy = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword !== 'dependentRequired') continue;
    const params = error.params as Record<string, unknown>;
    const at = childPointer(error.instancePath, String(params.missingProperty));
    const by = requiredBy.get(at);
    if (by === undefined) {
      requiredBy.set(at, [String(params.property)]);
    } else {
      by.push(String(params.property));
      hidden.add(error);
    }
  }

  const violations = errors
    .filter((error) => !hidden.has(error))
    .map((error): Violation => {
      const value = valueAt(data, error.instancePath);
      const subject = `${label(error.instancePath, prefix)} ${formatValue(value)}`;
      const path = prefix + error.instancePath;
      const params = error.params as Record<string, unknown>;

      if (MASS_PROPERTIES.has(lastToken(error.instancePath))) {
        const nonFinite = error.keyword === 'type' && typeof value === 'number' && !Number.isFinite(value);
        if (error.keyword === 'minimum' || nonFinite) {
          return { path, keyword: 'finiteMass', message: `${subject} must be a finite number of kilograms, 0 or more` };
        }
      }

      switch (error.keyword) {
        case 'required':
          return {
            path: childPointer(path, String(params.missingProperty)),
            keyword: 'required',
            message: `missing required property "${String(params.missingProperty)}"`,
          };
        case 'dependentRequired':
          return {
            path: childPointer(path, String(params.missingProperty)),
            keyword: 'dependentRequired',
            message: `missing property "${String(params.missingProperty)}", required when ${(
              requiredBy.get(childPointer(error.instancePath, String(params.missingProperty))) ?? []
            )
              .map((property) => `"${property}"`)
              .join(' or ')} is given`,
          };
        case 'additionalProperties':
          return {
            path: childPointer(path, String(params.additionalProperty)),
            keyword: 'additionalProperties',
            message: `unknown property "${String(params.additionalProperty)}" (extension properties must start with "x-")`,
          };
        // The schema forbids properties by `false` only for fields newer than the document's schemaVersion.
        case 'false schema':
          return {
            path,
            keyword: 'schemaVersion',
            message: `property "${lastToken(error.instancePath)}" needs schemaVersion "${NEWER_FIELDS[lastToken(error.instancePath)] ?? '1.1'}"`,
          };
        case 'anyOf': {
          const missing = branchErrorsOf(error)
            .filter((branch) => branch.keyword === 'required')
            .map((branch) => `"${String((branch.params as Record<string, unknown>).missingProperty)}"`);
          const message = missing.length > 0 ? `must have at least one of ${missing.join(' or ')}` : 'does not match any allowed shape';
          return { path, keyword: 'anyOf', message: `${label(error.instancePath, prefix)} ${message}` };
        }
        default:
          return { path, keyword: error.keyword, message: `${subject} ${describe(error, value)}` };
      }
    });
  // A subschema applied twice to one value (the 1.0 overlay of a component repeats its list types) fails twice alike.
  const seen = new Set<string>();
  return violations.filter((violation) => {
    const key = `${violation.keyword} ${violation.path} ${violation.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(error: ErrorObject, value: unknown): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      // With Ajv's strictNumbers (the default), NaN and Infinity are not of type number.
      return typeof value === 'number' && !Number.isFinite(value) ? 'must be a finite number' : `must be of type ${String(params.type)}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'pattern':
      return `must match the pattern ${String(params.pattern)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    case 'minLength':
      return `must be at least ${String(params.limit)} character(s) long`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'minItems':
      return `must have at least ${String(params.limit)} item(s)`;
    default:
      return error.message ?? 'is invalid';
  }
}

/** How a value is named in a message: its property, or its array and index, e.g. `hazards[1]`. */
function label(instancePath: string, prefix: string): string {
  if (instancePath === '') return prefix === '' ? 'document' : lastToken(prefix);
  const token = lastToken(instancePath);
  if (!/^\d+$/.test(token)) return token;
  const parent = instancePath.slice(0, instancePath.lastIndexOf('/'));
  return `${parent === '' ? lastToken(prefix) || 'document' : lastToken(parent)}[${token}]`;
}

function formatValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
