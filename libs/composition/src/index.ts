export { casCheckDigit, isValidCasNumber } from './cas-number';
export {
  documentLimitViolations,
  MAX_COMPONENT_DEPTH,
  MAX_COMPONENTS,
  MAX_EXTENSION_SIZE,
  MAX_KEY_LENGTH,
  MAX_LIST_ITEMS,
  MAX_MATERIALS,
  MAX_NESTING_DEPTH,
  MAX_STRING_LENGTH,
  MAX_UTILITY_FACTOR,
} from './composition-limits';
export { CompositionModule } from './composition.module';
export { CompositionValidator } from './composition.validator';
export { carbonFootprintPerProduct, flattenComposition } from './flatten-composition';
export type {
  CarbonFootprintDocument,
  ComponentCondition,
  DeclaredUnit,
  EnvironmentalImpactDocument,
  SubstanceOfConcernDocument,
  ComponentDocument,
  CompositionDocument,
  DismantlingInfo,
  ElementFractionDocument,
  Fastening,
  FlatComponent,
  FlatElementShare,
  FlatMaterial,
  FlattenedComposition,
  HazardousSubstance,
  MaterialDocument,
  MaterialFormDocument,
  ReuseInfo,
  UtilityInfo,
} from './composition.types';
