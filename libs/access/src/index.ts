export { AccessModule } from './access.module';
export { PublicPassportService, circularityOf, type DigitalLinkRequest } from './public-passport.service';
export { PassportLinkService } from './passport-link.service';
export { digitalLinkPath, digitalLinkUrl, type DigitalLinkIdentity } from './digital-link';
export type { PublicPassportView, PublicCriticalMaterial, PublicCircularity } from './public-passport.view';
