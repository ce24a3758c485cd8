export { SigningService, type RevisionSignaturePayload } from './signing.service';
export { generateSigningJwk, type SigningKeys } from './signing-keys';
export { AuditModule } from './audit.module';
export { PassportRevisionModel } from './models/passport-revision.model';
export { RevisionPages } from './revision-pages.loader';
