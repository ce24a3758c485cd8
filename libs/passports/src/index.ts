export { ComponentModel, MaterialModel, PassportModel } from './models/passport.model';
export { PassportsModule } from './passports.module';
export { PassportService, type RegisterPassport, type RevisePassport } from './passport.service';
export { toComponentModel, toMaterialModel, toPassportModel, type ComponentRowLike, type MaterialRowLike } from './passport.mapper';
export { elementRows, elementTotals, type ElementRow, type SearchColumns } from './element-rows';
export { normalizeGtin } from './gtin';
export { bySymbol } from './element-order';
export { publicRecycledContent, summarizeRecycledContent, type RecycledContentSummary } from './recycled-content';
export { recomputeElementRows } from './element-recompute';
