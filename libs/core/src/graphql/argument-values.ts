// The one check of argument values every operation gets before its resolver runs: an `ID` is a UUID (every id of
// this API is one; PostgreSQL refuses anything else in a uuid column) and no string holds a NUL character (PostgreSQL
// refuses U+0000 in text). Composition documents (JSON scalars) are checked by the composition validator, with pointers.
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { type GraphQLArgument, type GraphQLInputType, type GraphQLResolveInfo, getNullableType, isInputObjectType, isListType, isScalarType } from 'graphql';
import type { Observable } from 'rxjs';
import { RegistryError, type Violation } from '../errors/registry-error';
import { isUuid } from './connection';

/**
 * Violations of the argument values of a field. Paths name the argument and its fields (`filter.manufacturerId`,
 * `elements[2]`); the fields of an argument named `input` are named on their own (`passportId`), as services do.
 */
export function argumentViolations(args: readonly GraphQLArgument[], values: Record<string, unknown>): Violation[] {
  const violations: Violation[] = [];
  const check = (value: unknown, type: GraphQLInputType, path: string): void => {
    if (value === null || value === undefined) return;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (Array.isArray(value)) value.forEach((item, index) => check(item, nullable.ofType, `${path}[${index}]`));
    } else if (isInputObjectType(nullable)) {
      for (const field of Object.values(nullable.getFields())) {
        check((value as Record<string, unknown>)[field.name], field.type, path ? `${path}.${field.name}` : field.name);
      }
    } else if (isScalarType(nullable) && nullable.name === 'ID') {
      if (!isUuid(value)) violations.push({ path, message: `${JSON.stringify(String(value))} is not an id (ids are UUIDs)`, keyword: 'uuid' });
    } else if (isScalarType(nullable) && nullable.name === 'String' && typeof value === 'string' && value.includes('\u0000')) {
      violations.push({ path, message: 'must not contain the NUL character (U+0000)', keyword: 'nulCharacter' });
    }
  };
  for (const arg of args) check(values[arg.name], arg.type, arg.name === 'input' ? '' : arg.name);
  return violations;
}

/** Refuses the bad argument values of any query or mutation with BAD_USER_INPUT, before its resolver runs. */
@Injectable()
export class ArgumentValuesInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo<GraphQLResolveInfo>();
      const field = info.parentType.getFields()[info.fieldName];
      const violations = argumentViolations(field?.args ?? [], gql.getArgs<Record<string, unknown>>());
      if (violations.length > 0) {
        throw RegistryError.invalid(`Invalid arguments: ${violations.map((v) => `${v.path} ${v.message}`).join('; ')}`, violations);
      }
    }
    return next.handle();
  }
}
