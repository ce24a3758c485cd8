export { APP_CONFIG, ConfigError, loadConfig, type AppConfig } from './config/app-config';
export { repositoryRoot } from './config/repository-root';
export { createDataDir, openDatabase, type Database, type DatabaseOptions, type SqlExecutor } from './database/database';
export { DatabaseModule, MIGRATIONS_DIR } from './database/database.module';
export { valuesList } from './database/values-list';
export { NOT_COUNTED_IN_A_HOLDER, readableComposition, readableCompositionPerRow, readableTotalMass } from './database/readable-totals.sql';
export { applyMigrations, type MigrationResult } from './database/migrator';
export { DATABASE, PrismaService } from './database/prisma.service';
export { mapError, RegistryErrorFilter, type MappedError } from './errors/error.filter';
export { ErrorCode, RegistryError, type Violation } from './errors/registry-error';
export { argumentViolations, ArgumentValuesInterceptor } from './graphql/argument-values';
export { LruCache } from './cache/lru-cache';
export { requestScoped, type GraphQLContext } from './graphql/request-context';
export { selectedFields } from './graphql/selection';
export {
  Connection,
  PageArgs,
  PageInfo,
  MAX_PAGE_SIZE,
  cursorBigInt,
  cursorText,
  cursorTime,
  cursorUuid,
  decodeCursor,
  encodeCursor,
  isUuid,
  readTimeCursor,
  readPage,
  toConnection,
  type ConnectionShape,
  type Edge,
} from './graphql/connection';
export {
  AUDIT_ACTIONS,
  auditActorOf,
  recordAuditEvent,
  recordAuditEvents,
  recordAuditEventsOn,
  type AuditAction,
  type AuditActor,
  type NewAuditEvent,
} from './audit-log/record-audit-event';
