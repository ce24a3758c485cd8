// The GraphQL models first: @registry/audit (loaded by this module) extends Passport while this index is still loading.
export { ComponentModel, MaterialModel, PassportModel } from './models/passport.model';
export { PassportsModule } from './passports.module';
export { PassportService, type PreparedRegistration, type RegisterPassport, type RevisePassport } from './passport.service';
export { identityKey, PassportBatchService, type CurrentPassport, type PassportIdentity, type PreparedPassport } from './passport-batch.service';
export { StaleRevisionError } from './passport.repository';
export { RegisterPassportInput } from './dto/register-passport.input';
export { toComponentModel, toMaterialModel, toPassportModel, type ComponentRowLike, type MaterialRowLike } from './passport.mapper';
export { elementTotals } from './passport.repository';
export { normalizeGtin } from './gtin';
export { bySymbol } from './element-order';
export { publicRecycledContent, summarizeRecycledContent, type RecycledContentSummary } from './recycled-content';
