export { MaterialsModule } from './materials.module';
export { CriticalMaterialsService, type CriticalFlag, type CriticalFlagMatch } from './critical-materials.service';
export { CRITICAL_LISTS, type CriticalListData } from './reference-data/critical-lists';
// The element table lives with the chemistry (it carries the atomic weights); re-exported for the existing callers.
export { ELEMENTS, type ElementData } from '@registry/chemistry';
