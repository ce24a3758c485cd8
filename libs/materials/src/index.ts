export { MaterialsModule } from './materials.module';
export { CriticalMaterialsService, type CriticalFlag } from './critical-materials.service';
export { CRITICAL_LISTS, type CriticalListData } from './reference-data/critical-lists';
export { ELEMENTS, type ElementData } from './reference-data/elements';
