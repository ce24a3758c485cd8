export { ValueAssessor } from './value.assessor';
export { ValueModule } from './value.module';
export { ValueLoaderFactory, type StoredFigures, type ValueLoaders } from './value.loaders';
export { CircularityModel } from './models/circularity.model';
export { ReuseValueModel } from './models/reuse-value.model';
export { assessCircularity, EFFICIENCY_WHEN_MISSING } from './circularity/circularity.assessment';
export {
  linearFlowIndex,
  materialCircularityIndicator,
  materialFlows,
  productMci,
  sumFlows,
  utilityFactor,
  type MciMaterialInputs,
} from './circularity/mci.formula';
export { assessReuseValue, CONDITION_WHEN_MISSING, CONDITIONS } from './reuse-value/reuse-value.assessment';
export { PRICE_TABLES, priceTableFor } from './price-tables/price-tables';
export type { ElementPrice, PriceTable } from './price-tables/price-table';
export { valueInputViolations } from './value-inputs.rules';
export {
  CircularStrategy,
  MCI_METHOD_VERSION,
  REUSE_VALUE_METHOD_VERSION,
  type Circularity,
  type ComponentReuseFigure,
  type MciFlows,
  type PriceTableRef,
  type ReuseValue,
  type ReuseValueComponent,
  type ReuseValueMaterial,
  type ValueAssessment,
} from './value.types';
