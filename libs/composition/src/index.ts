export { casCheckDigit, isValidCasNumber } from './cas-number';
export { CompositionModule } from './composition.module';
export { CompositionValidator } from './composition.validator';
export { flattenComposition } from './flatten-composition';
export type {
  ComponentCondition,
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
