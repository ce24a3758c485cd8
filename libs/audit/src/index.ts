// Pure functions and the signing service first: the passports module imports this index while it is itself
// being loaded by this module's resolvers, so these must not wait for the module below.
export { canonicalJson, hashRevision, type RevisionContent } from './revision-hash';
export { REVISION_SIGNATURE_TYPE, SigningService, type RevisionSignaturePayload } from './signing.service';
export { generateSigningJwk, type SigningKeys } from './signing-keys';
export {
  revisionContentOf,
  storedRevisionOf,
  verifyRevisionChain,
  type PassportIdentity,
  type Problem,
  type ProblemCode,
  type RevisionRow,
  type StoredRevision,
} from './revision-chain';
export { AUDIT_ACTIONS, auditActorOf, recordAuditEvent, recordAuditEvents, type AuditAction, type AuditActor, type NewAuditEvent } from './audit-log';
export { AuditModule } from './audit.module';
