export { SearchModule } from './search.module';
export { SearchService } from './search.service';
export { ComponentHitModel } from './models/component-hit.model';
export { InventoryGroupBy, InventoryRowModel } from './models/inventory-row.model';
export { readInventoryFilter, readSearchFilter, type InventoryCriteria, type SearchCriteria, type SearchReference } from './search-criteria';
export { componentsContainingSql, materialInventorySql } from './search.sql';
