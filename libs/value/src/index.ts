// The assessor comes first: libs/passports may import it while this library imports PassportModel from there.
export { ValueAssessor } from './value.assessor';
export { ValueModule } from './value.module';
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
