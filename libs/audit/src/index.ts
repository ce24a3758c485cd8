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
export { AuditModule } from './audit.module';
export { PassportRevisionModel } from './models/passport-revision.model';
export { RevisionPages, type RevisionPageLoader } from './revision-pages.loader';
