// The GraphQL models first: @registry/audit (loaded by this module) extends Passport while this index is still loading.
export { ComponentModel, CriticalListFlagModel, CriticalMaterialModel, MaterialModel, PassportModel } from './models/passport.model';
export { PassportsModule } from './passports.module';
export { PassportService, type RegisterPassport, type RevisePassport } from './passport.service';
export { PassportCriticalMaterials } from './passport-critical-materials';
export { toComponentModel, toMaterialModel, toPassportModel, type ComponentRowLike, type MaterialRowLike } from './passport.mapper';
export { elementRows, elementTotals, type ElementRow, type SearchColumns } from './element-rows';
export { normalizeGtin } from './gtin';
export { bySymbol } from './element-order';
export { publicRecycledContent, summarizeRecycledContent, type RecycledContentSummary } from './recycled-content';
export { recomputeElementRows } from './element-recompute';
