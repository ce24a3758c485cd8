/** The error codes clients can rely on, sent as `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** An Idempotency-Key sent again with another input. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}

/** One invalid value: `path` is a JSON pointer (documents) or the input field name (arguments). */
export interface Violation {
  path: string;
  message: string;
  keyword: string;
}

/** An error the caller caused or may see; anything else is answered as an internal error. */
export class RegistryError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RegistryError';
  }

  /** Bad input, listing every violation at once so that the caller can fix them in one go. */
  static invalid(message: string, violations: Violation[]): RegistryError {
    return new RegistryError(ErrorCode.BAD_USER_INPUT, message, { violations });
  }

  /** Bad value of one argument field. */
  static invalidField(field: string, message: string, keyword = 'invalid'): RegistryError {
    return RegistryError.invalid(`${field}: ${message}`, [{ path: field, message, keyword }]);
  }

  static notFound(entity: string, id: string): RegistryError {
    return new RegistryError(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, { entity, id });
  }

  static forbidden(message: string, extensions: Record<string, unknown> = {}): RegistryError {
    return new RegistryError(ErrorCode.FORBIDDEN, message, extensions);
  }

  static unauthenticated(message = 'This operation needs an API key: send "Authorization: Bearer <key>"'): RegistryError {
    return new RegistryError(ErrorCode.UNAUTHENTICATED, message);
  }

  static conflict(message: string, extensions: Record<string, unknown> = {}): RegistryError {
    return new RegistryError(ErrorCode.CONFLICT, message, extensions);
  }
}
