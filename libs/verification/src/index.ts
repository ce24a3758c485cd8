// Offline verification of what the registry signs and chains: pure functions only. This library imports no Nest,
// no Prisma and no other registry library, so the auditors' `npm run cli -- verify` loads it alone.
export { canonicalHash, canonicalJson } from './canonical-json';
export { optionalIdentifiers, type OptionalIdentifiers } from './optional-identifiers';
export { hashRevision, revisionContent, type RevisionContent } from './revision-hash';
export {
  hashLifecycleEvent,
  lifecycleEventContent,
  LIFECYCLE_EVENT_SIGNATURE_TYPE,
  type ExportedLifecycleEvent,
  type LifecycleEventContent,
} from './lifecycle-event-hash';
export { verifyLifecycleChain, type LifecycleProblem } from './lifecycle-chain';
export {
  REVISION_SIGNATURE_TYPE,
  revisionContentOf,
  storedRevisionOf,
  verifyRevisionChain,
  type PassportIdentity,
  type Problem,
  type ProblemCode,
  type RevisionRow,
  type StoredRevision,
} from './revision-chain';
export {
  AUDIT_CHAIN_START,
  checkAuditChain,
  hashAuditEvent,
  type AuditChainProblem,
  type AuditChainProblemCode,
  type AuditChainState,
  type AuditEventContent,
  type StoredAuditEvent,
} from './audit-chain';
export { csvField, csvRow, parseCsv, spreadsheetSafe, CsvReader, type CsvValue } from './csv';
export { MATERIAL_COLUMNS, type ExportedRevision, type ExportManifest, type ManifestLine, type PassportExportLine } from './export.types';
export { checkManifestSignature, manifestPayload, MANIFEST_SIGNATURE_TYPE, type ManifestPayload } from './manifest';
export { verifyMaterialsExport, verifyPassportExport, type ExportProblem, type ExportVerification } from './verify-export';
